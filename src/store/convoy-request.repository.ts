/**
 * Convoy requests (migration 027): the request with its destinations, cargo lines and the
 * parties' decisions, its timeline of steps, and the directory of which organization decides for
 * which party. Read as the reader: a request shows only to its organizer's organization, the
 * organizations deciding for a party it asks, and the secretariat; a step's access incident only
 * to who may see that incident.
 */
import type { CargoSector } from '../contract/convoy-requests.ts';
import type { ConvoyState, ConvoyStep, Decision } from '../contract/convoy-requests.ts';
import type { BBox, LineString } from '../domain/geo.ts';
import type { Instant } from '../domain/time.ts';
import { keyset, type Page, type PageRequest, Params, takePage, whereAll } from './query.ts';
import { ms, msOrNull, ts } from './rows.ts';
import type { Sql } from './sql.ts';

export interface Destination {
  name: string;
  lon: number;
  lat: number;
}

export interface CargoLine {
  item: string;
  quantity: number;
  unit: string;
  sector: CargoSector;
  /** Filled by the delivery: how much arrived, how much was taken out on the way, by whom and why. */
  delivered: number | null;
  removed: number | null;
  removedBy: string | null;
  removalReason: string | null;
}

export interface DecisionRecord {
  actor: string;
  decision: Decision;
  reason: string;
  conditions: string;
  /** Items to take out, by cargo line (its position). */
  removed: { line: number; quantity: number }[];
  /** Destinations left out (their positions). */
  excludedDestinations: number[];
  decidedAt: Instant;
  recordedAt: Instant;
  recordedByOrg: string;
  recordedBy: string | null;
}

export interface ConvoyRequestRecord {
  id: string;
  name: string;
  organizerOrg: string;
  /** The party the convoy runs under (the organizer of the spec's convoy rule), if its organization decides for one. */
  organizerActor: string | null;
  route: LineString;
  window: { from: Instant; to: Instant };
  beneficiariesPlanned: number;
  state: ConvoyState;
  requiredApprovals: string[];
  crossesExcluded: string[];
  routeZones: string[];
  submittedAt: Instant | null;
  beneficiariesReached: number | null;
  controlChangedAt: Instant | null;
  createdAt: Instant;
  createdBy: string | null;
  updatedAt: Instant;
  destinations: Destination[];
  cargo: CargoLine[];
  decisions: DecisionRecord[];
}

/** One step of the timeline, named by the step (or `create`, `update`, `control_changed`). */
export type TimelineStep = ConvoyStep | 'create' | 'update' | 'control_changed';

export interface StepRecord {
  seq: number;
  step: TimelineStep;
  stateAfter: ConvoyState;
  /** When it happened (as told); `recordedAt`, when it was written. */
  at: Instant;
  recordedAt: Instant;
  orgId: string | null;
  username: string | null;
  details: Record<string, unknown>;
  /** The access incident the step made, when the reader may see it. */
  incidentId: string | null;
}

interface Row {
  id: string;
  name: string;
  organizer_org: string;
  organizer_actor: string | null;
  route: LineString;
  window_from: Date;
  window_to: Date;
  beneficiaries_planned: number;
  state: ConvoyState;
  required_approvals: string[];
  crosses_excluded: string[];
  route_zones: string[];
  submitted_at: Date | null;
  beneficiaries_reached: number | null;
  control_changed_at: Date | null;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  destinations: { name: string; lon: number; lat: number }[] | null;
  cargo:
    | {
        item: string;
        quantity: string | number;
        unit: string;
        sector: CargoSector;
        delivered: string | number | null;
        removed: string | number | null;
        removed_by: string | null;
        removal_reason: string | null;
      }[]
    | null;
  decisions:
    | {
        actor_id: string;
        decision: Decision;
        reason: string;
        conditions: string;
        removed: { line: number; quantity: number }[];
        excluded_destinations: number[];
        decided_at: string;
        recorded_at: string;
        recorded_by_org: string;
        recorded_by: string | null;
      }[]
    | null;
}

const SELECT = `select c.*,
  (select json_agg(json_build_object('name', d.name, 'lon', d.lon, 'lat', d.lat) order by d.position)
     from convoy_requests_destinations d where d.request_id = c.id) as destinations,
  (select json_agg(json_build_object('item', g.item, 'quantity', g.quantity, 'unit', g.unit, 'sector', g.sector,
            'delivered', g.delivered, 'removed', g.removed, 'removed_by', g.removed_by, 'removal_reason', g.removal_reason)
            order by g.position)
     from convoy_requests_cargo g where g.request_id = c.id) as cargo,
  (select json_agg(json_build_object('actor_id', x.actor_id, 'decision', x.decision, 'reason', x.reason,
            'conditions', x.conditions, 'removed', x.removed, 'excluded_destinations', x.excluded_destinations,
            'decided_at', x.decided_at, 'recorded_at', x.recorded_at, 'recorded_by_org', x.recorded_by_org,
            'recorded_by', x.recorded_by) order by x.actor_id)
     from convoy_requests_decisions x where x.request_id = c.id) as decisions
  from convoy_requests c`;

const num = (v: string | number): number => (typeof v === 'number' ? v : Number(v));
const numOrNull = (v: string | number | null): number | null => (v === null ? null : num(v));

const toRecord = (r: Row): ConvoyRequestRecord => ({
  id: r.id,
  name: r.name,
  organizerOrg: r.organizer_org,
  organizerActor: r.organizer_actor,
  route: r.route,
  window: { from: ms(r.window_from), to: ms(r.window_to) },
  beneficiariesPlanned: r.beneficiaries_planned,
  state: r.state,
  requiredApprovals: r.required_approvals,
  crossesExcluded: r.crosses_excluded,
  routeZones: r.route_zones,
  submittedAt: msOrNull(r.submitted_at),
  beneficiariesReached: r.beneficiaries_reached,
  controlChangedAt: msOrNull(r.control_changed_at),
  createdAt: ms(r.created_at),
  createdBy: r.created_by,
  updatedAt: ms(r.updated_at),
  destinations: r.destinations ?? [],
  cargo: (r.cargo ?? []).map((g) => ({
    item: g.item,
    quantity: num(g.quantity),
    unit: g.unit,
    sector: g.sector,
    delivered: numOrNull(g.delivered),
    removed: numOrNull(g.removed),
    removedBy: g.removed_by,
    removalReason: g.removal_reason,
  })),
  decisions: (r.decisions ?? []).map((d) => ({
    actor: d.actor_id,
    decision: d.decision,
    reason: d.reason,
    conditions: d.conditions,
    removed: d.removed,
    excludedDestinations: d.excluded_destinations,
    decidedAt: ms(d.decided_at),
    recordedAt: ms(d.recorded_at),
    recordedByOrg: d.recorded_by_org,
    recordedBy: d.recorded_by,
  })),
});

export async function get(sql: Sql, id: string): Promise<ConvoyRequestRecord | null> {
  const [row] = await sql.query<Row>(`${SELECT} where c.id = $1`, [id]);
  return row ? toRecord(row) : null;
}

/** Several by id, in the order asked (those not visible left out). */
export async function getMany(sql: Sql, ids: readonly string[]): Promise<ConvoyRequestRecord[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<Row>(`${SELECT} where c.id = any($1)`, [ids]);
  const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * mine: organized by the reader's organization; awaiting: waiting for the reader's organization to
 * act as an approver or as the secretariat (a decision for a party it decides for, or, for the
 * secretariat, for a party nobody decides for, and a facilitation letter to record).
 */
export interface ConvoyRequestFilter {
  box?: 'mine' | 'awaiting' | undefined;
  state?: ConvoyState | undefined;
  orgId: string;
}

function awaiting(params: Params, orgId: string): string {
  const org = params.add(orgId);
  return `((c.state = 'submitted' and exists (
      select 1 from unnest(c.required_approvals) as a(actor)
      where not exists (select 1 from convoy_requests_decisions d where d.request_id = c.id and d.actor_id = a.actor)
        and (exists (select 1 from convoy_requests_representatives r where r.org_id = ${org} and r.actor_id = a.actor)
             or (truce_secretariat()
                 and not exists (select 1 from convoy_requests_representatives r where r.actor_id = a.actor)))))
    or (c.state in ('approved', 'partly_approved') and truce_secretariat()))`;
}

/** The requests the connection may see, newest first. */
export async function listPage(
  sql: Sql,
  filter: ConvoyRequestFilter,
  page: PageRequest,
): Promise<Page<ConvoyRequestRecord>> {
  const params = new Params();
  const conditions: string[] = [];
  if (filter.box === 'mine') conditions.push(`c.organizer_org = ${params.add(filter.orgId)}`);
  if (filter.box === 'awaiting') conditions.push(awaiting(params, filter.orgId));
  if (filter.state) conditions.push(`c.state = ${params.add(filter.state)}`);
  const { condition, tail } = keyset(params, ['c.created_at', 'c.id'], true, page);
  if (condition) conditions.push(condition);
  const rows = await sql.query<Row>(`${SELECT} ${whereAll(conditions)} ${tail}`, params.values);
  const taken = takePage(rows, page, (r) => [new Date(ms(r.created_at)).toISOString(), r.id]);
  return { items: taken.items.map(toRecord), next: taken.next };
}

/**
 * The requests submitted (drafts aside) whose window starts in [from, to), as the connection may
 * see them, by the window's start: the monthly access plan's (app/access-plan).
 */
export async function listByWindowStart(sql: Sql, from: Instant, to: Instant): Promise<ConvoyRequestRecord[]> {
  const rows = await sql.query<Row>(
    `${SELECT} where c.state <> 'draft' and c.window_from >= $1 and c.window_from < $2 order by c.window_from, c.id`,
    [ts(from), ts(to)],
  );
  return rows.map(toRecord);
}

/** When the windows of the submitted requests the connection may see start (for the plan's months). */
export async function windowStarts(sql: Sql): Promise<Instant[]> {
  const rows = await sql.query<{ t: Date }>(
    `select distinct window_from as t from convoy_requests where state <> 'draft' order by t`,
  );
  return rows.map((r) => ms(r.t));
}

interface StepRow {
  seq: string | number;
  step: TimelineStep;
  state_after: ConvoyState;
  at: Date;
  recorded_at: Date;
  org_id: string | null;
  username: string | null;
  details: Record<string, unknown>;
  incident_id: string | null;
}

/** The timeline, oldest first; an incident the reader may not see is left unnamed. */
export async function listSteps(sql: Sql, id: string): Promise<StepRecord[]> {
  const rows = await sql.query<StepRow>(
    `select s.seq, s.step, s.state_after, s.at, s.recorded_at, s.org_id, s.username, s.details,
       case when exists (select 1 from incidents i where i.id = s.incident_id) then s.incident_id end as incident_id
     from convoy_requests_steps s where s.request_id = $1 order by s.seq`,
    [id],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    step: r.step,
    stateAfter: r.state_after,
    at: ms(r.at),
    recordedAt: ms(r.recorded_at),
    orgId: r.org_id,
    username: r.username,
    details: r.details,
    incidentId: r.incident_id,
  }));
}

/** The visible request an incident was made by (its turning back or the attack on it), if any. */
export async function ofIncident(sql: Sql, incidentId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await sql.query<{ id: string; name: string }>(
    `select c.id, c.name from convoy_requests_steps s join convoy_requests c on c.id = s.request_id
     where s.incident_id = $1 order by s.seq limit 1`,
    [incidentId],
  );
  return row ?? null;
}

/** The request's fields a draft sets (the rest start empty). */
export type DraftFields = Pick<
  ConvoyRequestRecord,
  'name' | 'organizerActor' | 'route' | 'window' | 'beneficiariesPlanned' | 'destinations'
> & { cargo: Pick<CargoLine, 'item' | 'quantity' | 'unit' | 'sector'>[] };

const bbox = (route: LineString): BBox => {
  const xs = route.coordinates.map((p) => p[0]);
  const ys = route.coordinates.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

async function writeLines(sql: Sql, id: string, draft: DraftFields): Promise<void> {
  await sql.query('delete from convoy_requests_destinations where request_id = $1', [id]);
  await sql.query('delete from convoy_requests_cargo where request_id = $1', [id]);
  await sql.query(
    `insert into convoy_requests_destinations (request_id, position, name, lon, lat)
     select $1, d.ordinality - 1, d.name, d.lon, d.lat
     from unnest($2::text[], $3::float8[], $4::float8[]) with ordinality as d(name, lon, lat, ordinality)`,
    [
      id,
      draft.destinations.map((d) => d.name),
      draft.destinations.map((d) => d.lon),
      draft.destinations.map((d) => d.lat),
    ],
  );
  await sql.query(
    `insert into convoy_requests_cargo (request_id, position, item, quantity, unit, sector)
     select $1, g.ordinality - 1, g.item, g.quantity, g.unit, g.sector
     from unnest($2::text[], $3::numeric[], $4::text[], $5::text[]) with ordinality as g(item, quantity, unit, sector, ordinality)`,
    [
      id,
      draft.cargo.map((g) => g.item),
      draft.cargo.map((g) => g.quantity),
      draft.cargo.map((g) => g.unit),
      draft.cargo.map((g) => g.sector),
    ],
  );
}

export async function insert(
  sql: Sql,
  r: { id: string; organizerOrg: string; createdBy: string | null; at: Instant } & DraftFields,
): Promise<void> {
  const [x1, y1, x2, y2] = bbox(r.route);
  await sql.query(
    `insert into convoy_requests (id, name, organizer_org, organizer_actor, route, min_lon, min_lat, max_lon, max_lat,
       window_from, window_to, beneficiaries_planned, state, created_at, created_by, updated_at)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, 'draft', $13, $14, $13)`,
    [
      r.id,
      r.name,
      r.organizerOrg,
      r.organizerActor,
      JSON.stringify(r.route),
      x1,
      y1,
      x2,
      y2,
      ts(r.window.from),
      ts(r.window.to),
      r.beneficiariesPlanned,
      ts(r.at),
      r.createdBy,
    ],
  );
  await writeLines(sql, r.id, r);
}

/** A draft written again, whole. */
export async function replaceDraft(sql: Sql, id: string, draft: DraftFields, at: Instant): Promise<void> {
  const [x1, y1, x2, y2] = bbox(draft.route);
  await sql.query(
    `update convoy_requests set name = $2, organizer_actor = $3, route = $4::jsonb, min_lon = $5, min_lat = $6,
       max_lon = $7, max_lat = $8, window_from = $9, window_to = $10, beneficiaries_planned = $11, updated_at = $12
     where id = $1`,
    [
      id,
      draft.name,
      draft.organizerActor,
      JSON.stringify(draft.route),
      x1,
      y1,
      x2,
      y2,
      ts(draft.window.from),
      ts(draft.window.to),
      draft.beneficiariesPlanned,
      ts(at),
    ],
  );
  await writeLines(sql, id, draft);
}

/** Locks a request for a step (its row, whoever may see it: the caller's sight was checked before). */
export async function lock(sql: Sql, id: string): Promise<void> {
  await sql.query('select id from convoy_requests where id = $1 for update', [id]);
}

export async function setState(sql: Sql, id: string, state: ConvoyState, at: Instant): Promise<void> {
  await sql.query('update convoy_requests set state = $2, updated_at = $3 where id = $1', [id, state, ts(at)]);
}

/** Submission: the parties to ask and what the route crosses, fixed. */
export async function submit(
  sql: Sql,
  id: string,
  approvals: { required: string[]; crossesExcluded: string[]; zones: string[] },
  state: ConvoyState,
  at: Instant,
): Promise<void> {
  await sql.query(
    `update convoy_requests set state = $2, required_approvals = $3, crosses_excluded = $4, route_zones = $5,
       submitted_at = $6, updated_at = $6 where id = $1`,
    [id, state, approvals.required, approvals.crossesExcluded, approvals.zones, ts(at)],
  );
}

export async function insertDecision(sql: Sql, id: string, d: Omit<DecisionRecord, 'recordedAt'>): Promise<void> {
  await sql.query(
    `insert into convoy_requests_decisions (request_id, actor_id, decision, reason, conditions, removed,
       excluded_destinations, decided_at, recorded_by_org, recorded_by)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)`,
    [
      id,
      d.actor,
      d.decision,
      d.reason,
      d.conditions,
      JSON.stringify(d.removed),
      d.excludedDestinations,
      ts(d.decidedAt),
      d.recordedByOrg,
      d.recordedBy,
    ],
  );
}

export async function insertStep(
  sql: Sql,
  id: string,
  s: Omit<StepRecord, 'seq' | 'recordedAt' | 'incidentId'> & { incidentId?: string | null },
): Promise<void> {
  await sql.query(
    `insert into convoy_requests_steps (request_id, step, state_after, at, org_id, username, details, incident_id)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
    [id, s.step, s.stateAfter, ts(s.at), s.orgId, s.username, JSON.stringify(s.details), s.incidentId ?? null],
  );
}

/** The delivery: each line's delivered and removed quantities, and the beneficiaries reached. */
export async function recordDelivery(
  sql: Sql,
  id: string,
  lines: Pick<CargoLine, 'delivered' | 'removed' | 'removedBy' | 'removalReason'>[],
  beneficiariesReached: number,
): Promise<void> {
  await sql.query(
    `update convoy_requests_cargo g set delivered = l.delivered, removed = l.removed, removed_by = l.removed_by,
       removal_reason = l.removal_reason
     from unnest($2::numeric[], $3::numeric[], $4::text[], $5::text[]) with ordinality as l(delivered, removed, removed_by, removal_reason, ordinality)
     where g.request_id = $1 and g.position = l.ordinality - 1`,
    [
      id,
      lines.map((l) => l.delivered),
      lines.map((l) => l.removed),
      lines.map((l) => l.removedBy),
      lines.map((l) => l.removalReason),
    ],
  );
  await sql.query('update convoy_requests set beneficiaries_reached = $2 where id = $1', [id, beneficiariesReached]);
}

/** Requests in force (submitted, not yet back) whose route's box meets one of these boxes, locked. */
export async function lockInForceNear(sql: Sql, boxes: readonly BBox[]): Promise<ConvoyRequestRecord[]> {
  if (boxes.length === 0) return [];
  const params = new Params();
  const near = boxes
    .map(
      ([x1, y1, x2, y2]) =>
        `box(point(c.min_lon, c.min_lat), point(c.max_lon, c.max_lat)) && box(point(${params.add(x1)}, ${params.add(y1)}), point(${params.add(x2)}, ${params.add(y2)}))`,
    )
    .join(' or ');
  const ids = await sql.query<{ id: string }>(
    `select c.id from convoy_requests c
     where c.state in ('submitted', 'approved', 'partly_approved', 'letter_issued', 'dispatched') and (${near})
     order by c.id for update`,
    params.values,
  );
  return getMany(
    sql,
    ids.map((r) => r.id),
  );
}

export async function markControlChanged(sql: Sql, id: string): Promise<void> {
  await sql.query('update convoy_requests set control_changed_at = now(), updated_at = now() where id = $1', [id]);
}

/** Which of these zones the connection may see (a request names its route's zones only to who may see them). */
export async function zonesSeen(sql: Sql, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql.query<{ id: string }>('select id from zones where id = any($1)', [ids]);
  return new Set(rows.map((r) => r.id));
}

/** The database's clock. */
export async function dbNow(sql: Sql): Promise<Instant> {
  const [row] = await sql.query<{ now: Date }>('select now() as now');
  return ms(row!.now);
}

// ---- Which organization decides for which party.

export interface Representative {
  orgId: string;
  actorId: string;
}

export async function listRepresentatives(sql: Sql): Promise<Representative[]> {
  const rows = await sql.query<{ org_id: string; actor_id: string }>(
    'select org_id, actor_id from convoy_requests_representatives order by actor_id, org_id',
  );
  return rows.map((r) => ({ orgId: r.org_id, actorId: r.actor_id }));
}

/** The party an organization decides for, or null. */
export async function representedBy(sql: Sql, orgId: string): Promise<string | null> {
  const [row] = await sql.query<{ actor_id: string }>(
    'select actor_id from convoy_requests_representatives where org_id = $1',
    [orgId],
  );
  return row?.actor_id ?? null;
}

export async function setRepresentative(sql: Sql, orgId: string, actorId: string | null): Promise<void> {
  if (actorId === null) {
    await sql.query('delete from convoy_requests_representatives where org_id = $1', [orgId]);
    return;
  }
  await sql.query(
    `insert into convoy_requests_representatives (org_id, actor_id) values ($1, $2)
     on conflict (org_id) do update set actor_id = excluded.actor_id, set_at = now()`,
    [orgId, actorId],
  );
}
