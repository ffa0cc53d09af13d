/**
 * The dispatcher: from the outbox to the subscribers' URLs. Each server runs one
 * (`startWebhookDispatcher`); several on one PostgreSQL share the work without doing any twice.
 *
 * 1. Fan-out (`fanOut`): in one transaction, claim the oldest events of the outbox (`for update skip
 *    locked`), read each record AS EACH SUBSCRIBER who listens for its kind (row-level security, once
 *    per organization and clearance), keep those it may see (and, for a new incident, that fall in the
 *    subscription's area), write a delivery for each, and delete the events. A subscriber who may not
 *    see the record gets no delivery: nothing in its log, no request, no change in its timing.
 * 2. Delivery (`deliverDue`): claim deliveries that are due (`skip locked`), each with a lease by the
 *    database's clock; read the record again as the subscriber (what it may see may have changed: if
 *    it may not see it now, the delivery goes, unsent); sign and POST it with a time limit; record the
 *    attempt; on failure, try again after 10 s × 2^(n−1) (at most an hour) up to 10 attempts, then
 *    mark it failed. A server that stops during an attempt leaves it claimed until the lease runs out,
 *    when another (or itself, restarted) tries again: a delivery is made at least once, and once unless
 *    a server stops between the receiver's answer and its record (receivers dedupe by X-Truce-Delivery).
 */
import { randomUUID } from 'node:crypto';
import type { OrgKind, Role } from '../../contract/access.ts';
import type { EventType } from '../../contract/events.ts';
import { WEBHOOK_HEADERS } from '../../contract/webhooks.ts';
import { areaContains } from '../../domain/geo.ts';
import { asReader } from '../../store/reader.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import * as webhooks from '../../store/webhook.repository.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, clearanceOf, readerOf } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { readRecord } from './records.ts';
import { postJson, type SendResult } from './send.ts';
import { signature } from './signature.ts';

export interface DispatchOptions {
  /** The time limit of one attempt, from connecting to the end of the answer. */
  timeoutMs: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts: number;
  /** The wait after the first failed attempt; it doubles after each, up to `retryCapMs`. */
  retryBaseMs: number;
  retryCapMs: number;
  /** Events fanned out per transaction; deliveries attempted at once. */
  batch: number;
  /** How long a claimed attempt is held before another server may take it over. */
  leaseMs: number;
  /** How often a server looks for work when no event wakes it (other processes' writes, retries due). */
  pollMs: number;
}

export const DISPATCH_DEFAULTS: DispatchOptions = {
  timeoutMs: 10_000,
  maxAttempts: 10,
  retryBaseMs: 10_000,
  retryCapMs: 3_600_000,
  batch: 16,
  leaseMs: 60_000,
  pollMs: 2_000,
};

/** The wait before attempt `attempt + 1`, after attempt `attempt` failed. */
export const retryDelayMs = (attempt: number, o: Pick<DispatchOptions, 'retryBaseMs' | 'retryCapMs'>): number =>
  Math.min(o.retryCapMs, o.retryBaseMs * 2 ** Math.max(0, attempt - 1));

/** The subscriber as a caller: its organization gives its clearance, as at sign-in. */
export const subscriberOf = (o: webhooks.Owner): Caller => ({
  userId: o.userId,
  username: o.username,
  orgId: o.orgId,
  orgKind: o.orgKind as OrgKind,
  role: o.role as Role,
  clearance: clearanceOf({ kind: o.orgKind as OrgKind, task_force: o.orgTaskForce }),
});

/** Turns one batch of the outbox into deliveries; returns how many events it took (0: the outbox is empty). */
export async function fanOut(ctx: AppContext, options: Pick<DispatchOptions, 'batch'> = DISPATCH_DEFAULTS) {
  return ctx.db.transaction(async (tx) => {
    const events = await webhooks.claimOutbox(tx, options.batch * 8);
    if (events.length === 0) return 0;
    const listeners = await webhooks.listListeners(tx, [...new Set(events.map((e) => e.type))]);
    const deliveries: webhooks.NewDelivery[] = [];
    // Readers of one organization with one clearance see the same rows: each record is read once per group.
    const groups = new Map<string, webhooks.Listener[]>();
    for (const l of listeners) {
      const c = subscriberOf(l.owner);
      const key = `${c.orgId}\u0000${c.clearance}`;
      groups.set(key, [...(groups.get(key) ?? []), l]);
    }
    for (const group of groups.values()) {
      const reader = readerOf(subscriberOf(group[0]!.owner));
      await readWithin(tx, reader, async (sql) => {
        const seen = new Map<string, Map<string, { lon: number; lat: number } | null>>();
        for (const entity of new Set(events.map((e) => e.entity))) {
          const ids = events.filter((e) => e.entity === entity).map((e) => e.entityId);
          seen.set(entity, await webhooks.visibleRecords(sql, entity, ids));
        }
        const areas = new AreaCheck(sql);
        for (const e of events) {
          const visible = seen.get(e.entity);
          if (!visible?.has(e.entityId)) continue;
          for (const l of group) {
            if (!l.events.includes(e.type)) continue;
            if (e.type === 'incident.created' && !(await areas.holds(l.area, visible.get(e.entityId) ?? null)))
              continue;
            deliveries.push({ id: randomUUID(), subscriptionId: l.id, event: e });
          }
        }
      });
    }
    await webhooks.insertDeliveries(tx, deliveries);
    await webhooks.removeOutbox(
      tx,
      events.map((e) => e.seq),
    );
    return events.length;
  });
}

/** Whether a place is in a subscription's area, a zone read as the subscriber (a zone it may not see holds nothing). */
class AreaCheck {
  readonly #zones = new Map<string, Awaited<ReturnType<typeof zones.get>>>();
  constructor(private readonly sql: Sql) {}

  async holds(area: webhooks.WebhookArea, at: { lon: number; lat: number } | null): Promise<boolean> {
    if (area === null) return true;
    if (at === null) return false;
    if ('bbox' in area) {
      const [x1, y1, x2, y2] = area.bbox;
      return at.lon >= x1 && at.lon <= x2 && at.lat >= y1 && at.lat <= y2;
    }
    if (!this.#zones.has(area.zone)) this.#zones.set(area.zone, await zones.get(this.sql, area.zone));
    const zone = this.#zones.get(area.zone);
    return zone !== null && zone !== undefined && areaContains(zone.geometry, at.lon, at.lat);
  }
}

/**
 * Attempts the deliveries that are due, at most `batch` at once; returns how many it claimed (`batch`:
 * there may be more). Each attempt waits for its answer or its time limit.
 */
export async function deliverDue(ctx: AppContext, options: DispatchOptions = DISPATCH_DEFAULTS): Promise<number> {
  const leaseMs = Math.max(options.leaseMs, options.timeoutMs * 2);
  const claimed = await ctx.db.transaction(async (tx) => {
    await webhooks.failExhausted(tx, options.maxAttempts);
    return webhooks.claimDeliveries(tx, { limit: options.batch, maxAttempts: options.maxAttempts, leaseMs });
  });
  await Promise.all(claimed.map((d) => attempt(ctx, d, options)));
  return claimed.length;
}

async function attempt(ctx: AppContext, d: webhooks.ClaimedDelivery, options: DispatchOptions): Promise<void> {
  try {
    // Read as the subscriber now: an account disabled, or a record it may no longer see, sends nothing.
    const data = d.owner ? await asReader(ctx.db, readerOf(subscriberOf(d.owner)), (sql) => readRecord(sql, d)) : null;
    if (data === null) {
      await webhooks.removeDelivery(ctx.db, d.id);
      return;
    }
    const body = JSON.stringify({ id: d.id, type: d.type, occurred_at: new Date(d.eventAt).toISOString(), data });
    const timestamp = Math.floor(Date.now() / 1000);
    const result: SendResult = await postJson(
      d.url,
      {
        'content-type': 'application/json',
        'user-agent': 'Truce-Webhooks/1',
        [WEBHOOK_HEADERS.event]: d.type,
        [WEBHOOK_HEADERS.delivery]: d.id,
        [WEBHOOK_HEADERS.attempt]: String(d.attempt),
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signature(d.secret, timestamp, body),
      },
      body,
      { timeoutMs: options.timeoutMs, allowPrivate: ctx.webhooks.allowPrivateTargets },
    );
    const delivered = result.status !== null && result.status >= 200 && result.status < 300;
    await webhooks.finishAttempt(
      ctx.db,
      d.id,
      d.attempt,
      result,
      delivered
        ? { state: 'delivered' }
        : d.attempt >= options.maxAttempts
          ? { state: 'failed' }
          : { state: 'pending', retryInMs: retryDelayMs(d.attempt, options) },
    );
  } catch (e) {
    // The database away: the attempt stays claimed, and is taken again when its lease runs out.
    console.error('webhook delivery failed to run:', e instanceof Error ? e.message : e);
  }
}

/**
 * The live events that follow writes which may have filled the outbox: an incident made or changed
 * (a ruling's change announces its incident), findings changed, a thread escalated. A burst of them
 * wakes the dispatcher once.
 */
const WAKING: ReadonlySet<EventType> = new Set(['incident.updated', 'finding.changed', 'hotline.escalated']);
const WAKE_DELAY_MS = 50;

/** One pass: the whole outbox fanned out, then one batch of deliveries due attempted. */
export async function dispatchWebhooks(
  ctx: AppContext,
  options: Partial<DispatchOptions> = {},
): Promise<{ events: number; attempts: number }> {
  const o = { ...DISPATCH_DEFAULTS, ...options };
  let events = 0;
  for (let n = await fanOut(ctx, o); n > 0; n = await fanOut(ctx, o)) events += n;
  return { events, attempts: await deliverDue(ctx, o) };
}

/**
 * Dispatches until stopped: at once, whenever an event is published (a write in this process, or
 * another's through the PostgreSQL bus), and every `pollMs` (writes that announce nothing, retries that
 * come due). A pass fans out one batch of the outbox and attempts one batch of deliveries; it runs again
 * at once while either found work. A failed pass is tried at the next tick.
 */
export function startWebhookDispatcher(ctx: AppContext, options: Partial<DispatchOptions> = {}): () => Promise<void> {
  const o = { ...DISPATCH_DEFAULTS, ...options };
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let soon: NodeJS.Timeout | null = null;
  const run = async () => {
    do {
      again = false;
      try {
        // A batch of each in turn: a long outbox (a large import) does not hold back deliveries due.
        const events = await fanOut(ctx, o);
        const attempts = await deliverDue(ctx, o);
        if (events > 0 || attempts >= o.batch) again = true;
      } catch (e) {
        console.error('webhook dispatch failed:', e instanceof Error ? e.message : e);
      }
    } while (again && !stopped);
  };
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = null;
    });
  };
  const wake = () => {
    soon ??= setTimeout(() => {
      soon = null;
      tick();
    }, WAKE_DELAY_MS);
  };
  const unsubscribe = ctx.events.subscribe((e) => {
    if (WAKING.has(e.type)) wake();
  });
  tick();
  const timer = setInterval(tick, o.pollMs);
  timer.unref();
  return async () => {
    stopped = true;
    unsubscribe();
    clearInterval(timer);
    if (soon) clearTimeout(soon);
    await running;
  };
}
