/**
 * What the webhook use cases share: a subscription's fields checked (the URL by the server's policy,
 * the zone of an area as the caller sees it, each refusal naming its field), a subscription found as
 * its owner (anyone else's is not found: 404, never 403), and its audit entry. The secret is never in
 * an entry, a view or a log.
 */
import { MAX_WEBHOOKS_PER_USER, type WebhookEvent } from '../../contract/webhooks.ts';
import { renderEnglish, type Statement, statement } from '../../domain/statements.ts';
import { asReader } from '../../store/reader.ts';
import type { Sql } from '../../store/sql.ts';
import * as webhooks from '../../store/webhook.repository.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Change } from '../shared/audit.ts';
import { targetProblem } from './targets.ts';

export interface WebhookInput {
  name: string;
  url: string;
  events: WebhookEvent[];
  area: webhooks.WebhookArea;
}

/** The input as it will be stored (events once each, in the contract's order), or an error naming the field. */
export async function checkInput(ctx: AppContext, c: Caller, input: WebhookInput): Promise<WebhookInput> {
  const name = input.name.trim();
  if (name === '' || name.length > 100) throw invalid('name', 'must be 1 to 100 characters');
  const url = input.url.trim();
  const problem = targetProblem(url, ctx.webhooks.allowPrivateTargets);
  if (problem !== null) throw refused('url', problem);
  if (input.events.length === 0) throw invalid('events', 'choose at least one event');
  const events = [...new Set(input.events)];
  const area = input.area;
  if (area !== null && 'bbox' in area) {
    const [x1, y1, x2, y2] = area.bbox;
    if (![x1, y1, x2, y2].every(Number.isFinite) || x1 > x2 || y1 > y2 || x1 < -180 || x2 > 180 || y1 < -90 || y2 > 90)
      throw invalid(
        'area.bbox',
        'must be [minLon, minLat, maxLon, maxLat] within -180..180 and -90..90, min before max',
      );
  }
  // A zone the caller may not see is as unknown as one that does not exist.
  if (area !== null && 'zone' in area) {
    const zone = await asReader(ctx.db, readerOf(c), (sql) => zones.get(sql, area.zone));
    if (!zone)
      throw refused(
        'area.zone',
        statement('problem.unknown_record', { record: { record: 'zone' }, id: { text: area.zone } }),
      );
  }
  return { name, url, events, area };
}

/** The caller's own subscription, locked for a change when `lock`; anyone else's is not found. */
export async function ownWebhook(sql: Sql, c: Caller, id: string, lock = false): Promise<webhooks.Subscription> {
  const s = await webhooks.get(sql, id, lock);
  if (!s || s.ownerUser !== c.userId) throw notFound('webhook', id);
  return s;
}

/** Refused when the caller has as many subscriptions as one may. */
export async function requireRoom(sql: Sql, c: Caller): Promise<void> {
  if ((await webhooks.countOfOwner(sql, c.userId)) >= MAX_WEBHOOKS_PER_USER) {
    const said = statement('error.webhook_limit', { count: { number: MAX_WEBHOOKS_PER_USER } });
    throw new AppError('CONFLICT', inEnglish(said), undefined, said);
  }
}

const inEnglish = (s: Statement) => renderEnglish(s, { actor: String, agreement: String });
/** A field refused with a statement, its English the message. */
const refused = (path: string, said: Statement) => new AppError('VALIDATION', inEnglish(said), path, said);

const audited = (s: webhooks.Subscription) => ({
  name: s.name,
  url: s.url,
  events: s.events,
  area: s.area,
  active: s.active,
});

/**
 * An audit entry of a subscription: its owner's organization only, and of it an admin (a webhook is
 * part of an account, as an API token is: app/audit's ACCOUNT_ENTITIES).
 */
export const webhookChange = (
  action: 'create' | 'update' | 'delete',
  c: Caller,
  before: webhooks.Subscription | null,
  after: webhooks.Subscription | null,
): Change => ({
  action,
  entity: 'webhook',
  entityId: (after ?? before)!.id,
  classification: 'org',
  ownerOrg: c.orgId,
  before: before ? { ...audited(before), user: c.username } : null,
  after: after ? { ...audited(after), user: c.username } : null,
});
