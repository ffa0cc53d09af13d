/**
 * Helpers of the position use cases: looking one up as the caller (hidden is missing: 404), the
 * recipients checked naming the field, its audit entry and its live event. A position's audit
 * entries are its owner's (`org`): only its organization reads its trail.
 */
import * as accounts from '../../store/account.repository.ts';
import * as positions from '../../store/position.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import { type Caller, readerOf } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Change } from '../shared/audit.ts';
import { whereView } from '../map/where.ts';
import { isoOrNull } from '../shared/views.ts';

/** The position as the caller sees it, locked for a change; 404 when hidden or missing; 403 when not its owner's; 409 once withdrawn. */
export async function lockOwn(tx: Sql, caller: Caller, id: string): Promise<positions.PositionRecord> {
  if (!(await readWithin(tx, readerOf(caller), (sql) => positions.get(sql, id)))) throw notFound('record', id);
  await positions.lock(tx, id);
  const p = (await positions.get(tx, id))!;
  if (p.ownerOrg !== caller.orgId)
    throw new AppError('FORBIDDEN', 'only the organization whose position it is may change or withdraw it');
  if (p.withdrawnAt !== null) throw new AppError('CONFLICT', 'the position was withdrawn');
  return p;
}

/** Known organizations other than the caller's, each named by its place in the request; sorted, once each. */
export async function requireRecipients(tx: Sql, caller: Caller, recipients: readonly string[]): Promise<string[]> {
  for (const [i, orgId] of recipients.entries()) {
    if (orgId === caller.orgId) throw invalid(`recipients[${i}]`, 'your own organization is not a recipient');
    if (!(await accounts.getOrg(tx, orgId))) throw invalid(`recipients[${i}]`, `unknown organization "${orgId}"`);
  }
  return [...new Set(recipients)].sort();
}

export function requireValid(valid: positions.PositionRecord['valid']): void {
  if (valid.to !== null && valid.to <= valid.from) throw invalid('valid.to', 'must be after valid.from');
}

/** Says a position changed: the live stream reads it again as each reader, so only its owner and recipients hear. */
export function announce(ctx: AppContext, id: string): void {
  ctx.events.publish({ type: 'position.changed', entity: 'position', id, at: ctx.now() });
}

export function positionView(p: positions.PositionRecord) {
  return {
    id: p.id,
    owner_org: p.ownerOrg,
    name: p.name,
    kind: p.kind,
    geometry: p.geometry,
    where: whereView(p.geometry.coordinates[0], p.geometry.coordinates[1]),
    buffer_m: p.bufferM,
    valid: { from: new Date(p.valid.from).toISOString(), to: isoOrNull(p.valid.to) },
    recipients: p.recipients,
    created_at: new Date(p.createdAt).toISOString(),
    updated_at: new Date(p.updatedAt).toISOString(),
    withdrawn_at: isoOrNull(p.withdrawnAt),
  };
}

export function auditChange(
  action: string,
  before: positions.PositionRecord | null,
  after: positions.PositionRecord,
): Change {
  return {
    action,
    entity: 'position',
    entityId: after.id,
    classification: 'org',
    ownerOrg: after.ownerOrg,
    before: before ? positionView(before) : null,
    after: positionView(after),
  };
}
