/**
 * Findings as stored: the current judgement of each incident and change of control under each
 * agreement, with the rules version that produced it. A finding that a recomputation replaces or
 * withdraws moves to finding_history first, so no judgement is ever lost.
 */
import { createHash } from 'node:crypto';
import type { FindingFilter, FindingKind } from '../contract/lists.ts';
import { RULES_VERSION, type Reason, type Verdict } from '../domain/findings.ts';
import type { Statement } from '../domain/statements.ts';
import type { Area } from '../domain/geo.ts';
import type { Instant } from '../domain/time.ts';
import type { Sql } from './database.ts';
import { keyset, type Page, type PageRequest, Params, takePage, whereAll } from './query.ts';
import { ms, sameRecord, ts } from './rows.ts';

export interface StoredFinding {
  key: string;
  kind: FindingKind;
  subjectId: string;
  agreement: string | null;
  at: Instant;
  verdict: Verdict;
  violators: string[];
  reasons: Reason[];
  rule: number;
  obligation: string | null;
  /** The zones whose control decided it (see IncidentFinding.restsOnZones). */
  restsOnZones: string[];
  statements: Statement[];
  explanation: string;
  facts: Record<string, unknown> | null;
  rulesVersion: string;
  /** The ruling in force, kept beside the rules' verdict (which it never overwrites); counts use it. */
  ruling?: FindingRuling | null;
}

export interface FindingRuling {
  id: string;
  verdict: Verdict;
  violators: string[];
}

/** What counts: the ruling's verdict where one is in force, else the rules'. */
export const EFFECTIVE_VERDICT = 'coalesce(ruled_verdict, verdict)';
export const EFFECTIVE_VIOLATORS = 'coalesce(ruled_violators, violators)';
export const effective = (f: StoredFinding): { verdict: Verdict; violators: string[] } =>
  f.ruling
    ? { verdict: f.ruling.verdict, violators: f.ruling.violators }
    : { verdict: f.verdict, violators: f.violators };

/** Why findings were judged again: in English, as a statement, and the record it names (if any). */
export interface Cause {
  text: string;
  statement: Statement;
  entity: string | null;
  id: string | null;
}

export interface FindingChanges {
  inserted: number;
  updated: number;
  withdrawn: number;
  unchanged: number;
  /** Findings whose verdict is new, another, or gone (of the inserted, updated and withdrawn). */
  verdictsChanged: number;
}

export const NO_CHANGES = (): FindingChanges => ({
  inserted: 0,
  updated: 0,
  withdrawn: 0,
  unchanged: 0,
  verdictsChanged: 0,
});

/** Adds `more` into `into`: the changes of several rounds as one. */
export function addChanges(into: FindingChanges, more: FindingChanges): void {
  into.inserted += more.inserted;
  into.updated += more.updated;
  into.withdrawn += more.withdrawn;
  into.unchanged += more.unchanged;
  into.verdictsChanged += more.verdictsChanged;
}

interface FindingRow {
  key: string;
  kind: FindingKind;
  subject_id: string;
  agreement_id: string | null;
  at: Date;
  verdict: Verdict;
  violators: string[];
  reasons: Reason[];
  rule: number;
  obligation: string | null;
  rests_on_zones: string[];
  statements: Statement[];
  explanation: string;
  facts: Record<string, unknown> | null;
  rules_version: string;
  ruled_verdict: Verdict | null;
  ruled_violators: string[] | null;
  ruling_id: string | null;
}

/**
 * The columns a finding is read with. Its obligation code shows only to a reader who may see a
 * clause of the agreement with that code (the owner role sees them all).
 */
export const FINDING_COLUMNS = `key, kind, subject_id, agreement_id, at, verdict, violators, reasons, rule,
  truce_visible_obligation(agreement_id, obligation) as obligation, rests_on_zones, statements, explanation, facts, rules_version,
  ruled_verdict, ruled_violators, ruling_id`;

export const toFinding = (r: FindingRow): StoredFinding => ({
  key: r.key,
  kind: r.kind,
  subjectId: r.subject_id,
  agreement: r.agreement_id,
  at: ms(r.at),
  verdict: r.verdict,
  violators: r.violators,
  reasons: r.reasons,
  rule: r.rule,
  obligation: r.obligation,
  restsOnZones: r.rests_on_zones,
  statements: r.statements,
  explanation: r.explanation,
  facts: r.facts,
  rulesVersion: r.rules_version,
  ruling:
    r.ruling_id === null || r.ruled_verdict === null
      ? null
      : { id: r.ruling_id, verdict: r.ruled_verdict, violators: r.ruled_violators ?? [] },
});

export function incidentFindingKey(incident: string, agreement: string | null): string {
  return `incident:${incident}:${agreement ?? '-'}`;
}

export function territoryFindingKey(zone: string, at: Instant, agreement: string): string {
  return `territory:${zone}:${at}:${agreement}`;
}

export async function list(sql: Sql, kind?: FindingKind): Promise<StoredFinding[]> {
  const rows = kind
    ? await sql.query<FindingRow>(`select ${FINDING_COLUMNS} from findings where kind = $1`, [kind])
    : await sql.query<FindingRow>(`select ${FINDING_COLUMNS} from findings`);
  return rows.map(toFinding);
}

export async function listOfSubjects(
  sql: Sql,
  kind: FindingKind,
  subjectIds: readonly string[],
): Promise<StoredFinding[]> {
  if (subjectIds.length === 0) return [];
  const rows = await sql.query<FindingRow>(
    `select ${FINDING_COLUMNS} from findings where kind = $1 and subject_id = any($2)`,
    [kind, subjectIds],
  );
  return rows.map(toFinding);
}

export interface HistoryEntry extends StoredFinding {
  computedAt: Instant;
  supersededAt: Instant;
  supersededByVerdict: Verdict | null;
  /** Null when the cause names a record the reader may not see. */
  cause: string | null;
  causeStatement: Statement;
}

/**
 * Columns of finding_history: the finding as it stood, and why it was replaced. A cause that
 * names a record the reader may not see is withheld (the history itself rests on records the
 * reader may see, or row-level security would hide it).
 */
export const HISTORY_COLUMNS = `${FINDING_COLUMNS}, computed_at, superseded_at, superseded_by_verdict,
  case when cause_entity is null or truce_record_visible(cause_entity, cause_id) then cause end as cause,
  case when cause_entity is null or truce_record_visible(cause_entity, cause_id) then cause_statement end as cause_statement`;

export type HistoryRow = FindingRow & {
  computed_at: Date;
  superseded_at: Date;
  superseded_by_verdict: Verdict | null;
  cause: string | null;
  cause_statement: Statement | null;
};

const WITHHELD: Statement = { code: 'cause.withheld', params: {} };

// Not a hot path (one incident's history at a time): the spread is cheap enough here.
export const toHistoryEntry = (r: HistoryRow): HistoryEntry => ({
  ...toFinding(r),
  computedAt: ms(r.computed_at),
  supersededAt: ms(r.superseded_at),
  supersededByVerdict: r.superseded_by_verdict,
  cause: r.cause,
  // A cause written before statements existed has only its English.
  causeStatement:
    r.cause_statement ??
    (r.cause === null ? WITHHELD : { code: 'cause.recorded', params: { text: { text: r.cause } } }),
});

/** Every finding about one incident or zone that a recomputation replaced or withdrew, oldest first. */
export async function historyOfSubject(sql: Sql, kind: FindingKind, subjectId: string): Promise<HistoryEntry[]> {
  const rows = await sql.query<HistoryRow>(
    `select ${HISTORY_COLUMNS} from finding_history where kind = $1 and subject_id = $2 order by id`,
    [kind, subjectId],
  );
  return rows.map(toHistoryEntry);
}

export async function history(sql: Sql, key: string): Promise<HistoryEntry[]> {
  const rows = await sql.query<HistoryRow>(
    `select ${HISTORY_COLUMNS} from finding_history where key = $1 order by id`,
    [key],
  );
  return rows.map(toHistoryEntry);
}

/** What a finding says, without its bookkeeping: two findings that say the same are equal. */
const substance = (f: StoredFinding) => ({
  agreement: f.agreement,
  at: f.at,
  verdict: f.verdict,
  violators: f.violators,
  reasons: f.reasons,
  rule: f.rule,
  obligation: f.obligation,
  restsOnZones: f.restsOnZones,
  statements: f.statements,
  explanation: f.explanation,
  facts: f.facts,
  rulesVersion: f.rulesVersion,
});

const digests = new WeakMap<StoredFinding, string>();

/**
 * The digest of a finding's substance, stored with it (migration 019): two findings the rules wrote alike have the
 * same digest. One read back from the database may not (its statements' keys come back in jsonb's order), so a
 * digest that differs only sends the comparison to the findings themselves.
 */
export function digestOf(f: StoredFinding): string {
  let digest = digests.get(f);
  if (digest === undefined) {
    digest = createHash('sha256')
      .update(JSON.stringify(substance(f)))
      .digest('base64');
    digests.set(f, digest);
  }
  return digest;
}

/** Subjects given as the range of ids they fill (`of`), from first to last in the database's order. */
export interface SubjectRange {
  first: string;
  last: string;
  of: ReadonlySet<string>;
}

/** What a re-judgement reads of the current findings first: their verdicts and digests. */
async function digestsOfSubjects(
  sql: Sql,
  kind: FindingKind,
  subjectIds: readonly string[],
  range: SubjectRange | undefined,
): Promise<Map<string, { verdict: Verdict; digest: string | null }>> {
  if (subjectIds.length === 0) return new Map();
  type Row = { key: string; subject_id: string; verdict: Verdict; digest: string | null };
  const rows = range
    ? (
        await sql.query<Row>(
          'select key, subject_id, verdict, digest from findings where kind = $1 and subject_id >= $2 and subject_id <= $3',
          [kind, range.first, range.last],
        )
      ).filter((r) => range.of.has(r.subject_id))
    : await sql.query<Row>(
        'select key, subject_id, verdict, digest from findings where kind = $1 and subject_id = any($2)',
        [kind, subjectIds],
      );
  return new Map(rows.map((r) => [r.key, r]));
}

async function getMany(sql: Sql, keys: readonly string[]): Promise<Map<string, StoredFinding>> {
  if (keys.length === 0) return new Map();
  const rows = await sql.query<FindingRow>(`select ${FINDING_COLUMNS} from findings where key = any($1)`, [keys]);
  return new Map(rows.map((r) => [r.key, toFinding(r)]));
}

/**
 * Makes the stored findings of these subjects equal `next`: new ones are inserted, changed ones
 * updated, vanished ones deleted; the previous version of each changed or deleted finding is
 * kept in finding_history with the cause. Unchanged findings are not touched. With `dryRun`,
 * only counts what it would do: nothing is locked or written. With `locked`, the caller holds
 * the incidents already (a lock of the whole table, for a re-judgement of many); with `range`, the
 * subjects are the range of ids they fill, which an index reads faster than each id.
 */
export async function replace(
  sql: Sql,
  kind: FindingKind,
  subjectIds: readonly string[],
  next: readonly StoredFinding[],
  cause: Cause,
  options: { dryRun?: boolean; locked?: boolean; range?: SubjectRange } = {},
): Promise<FindingChanges> {
  // The incidents first, in one order: a concurrent writer of their findings waits here rather
  // than summarizing them from a snapshot without ours (migration 005), or deadlocking with us.
  // Byte order, whatever the database's collation: a re-judgement in rounds sorts them so too
  // (compareIds), and locks each round after the one before.
  if (kind === 'incident' && subjectIds.length > 0 && !options.dryRun && !options.locked) {
    await sql.query('select 1 from incidents where id = any($1) order by id collate "C" for update', [subjectIds]);
  }
  const current = await digestsOfSubjects(sql, kind, subjectIds, options.range);
  const changes = NO_CHANGES();
  const write: StoredFinding[] = [];
  const superseded: { key: string; by: Verdict | null }[] = [];
  const changed = (f: StoredFinding, before: { verdict: Verdict }) => {
    superseded.push({ key: f.key, by: f.verdict });
    changes.updated++;
    if (before.verdict !== f.verdict) changes.verdictsChanged++;
    write.push(f);
  };
  // A digest that differs, or none (a finding written before migration 019): the findings themselves decide.
  const doubtful: StoredFinding[] = [];
  for (const f of next) {
    const before = current.get(f.key);
    current.delete(f.key);
    if (!before) {
      changes.inserted++;
      changes.verdictsChanged++;
      write.push(f);
    } else if (before.digest === digestOf(f)) changes.unchanged++;
    else doubtful.push(f);
  }
  const stored = await getMany(
    sql,
    doubtful.map((f) => f.key),
  );
  const digestOnly: { key: string; digest: string }[] = [];
  for (const f of doubtful) {
    const before = stored.get(f.key)!;
    if (!sameRecord(substance(before), substance(f))) changed(f, before);
    else {
      changes.unchanged++;
      digestOnly.push({ key: f.key, digest: digestOf(f) });
    }
  }
  for (const [key] of current) {
    superseded.push({ key, by: null });
    changes.withdrawn++;
    changes.verdictsChanged++;
  }
  if (options.dryRun) return changes;
  if (digestOnly.length > 0)
    await sql.query(
      `update findings f set digest = d.digest from jsonb_to_recordset($1::jsonb) as d(key text, digest text)
       where f.key = d.key`,
      [JSON.stringify(digestOnly)],
    );
  if (superseded.length === 0 && write.length === 0) return changes;
  // One statement: the findings' triggers then refresh each incident's summary once, from the end
  // state. As three (history, delete, insert), a finding withdrawn and its successor under another
  // agreement made each rewrite the incident, and an incident's row is costly to write (its
  // indexes, the search index among them). Every part reads the findings as they were.
  await sql.query(
    `with superseded as (select * from jsonb_to_recordset($1::jsonb) as s(key text, by text)),
     kept as (
       insert into finding_history (key, kind, subject_id, agreement_id, at, verdict, violators, reasons, rule, obligation,
         rests_on_zones, statements, explanation, facts, rules_version, computed_at, superseded_by_verdict, cause, cause_statement,
         cause_entity, cause_id, ruled_verdict, ruled_violators, ruling_id)
       select f.key, f.kind, f.subject_id, f.agreement_id, f.at, f.verdict, f.violators, f.reasons, f.rule, f.obligation,
         f.rests_on_zones, f.statements, f.explanation, f.facts, f.rules_version, f.computed_at, s.by, $2, $3::jsonb, $4, $5,
         f.ruled_verdict, f.ruled_violators, f.ruling_id
       from findings f join superseded s on s.key = f.key),
     withdrawn as (delete from findings f using superseded s where f.key = s.key and s.by is null)
     ${INSERT_FINDINGS('$6')} ${REPLACE_ON_CONFLICT}`,
    [
      JSON.stringify(superseded),
      cause.text,
      JSON.stringify(cause.statement),
      cause.entity,
      cause.id,
      findingsJson(write),
    ],
  );
  return changes;
}

const INSERT_FINDINGS = (
  param: string,
) => `insert into findings (key, kind, subject_id, agreement_id, at, verdict, violators,
       reasons, rule, obligation, rests_on_zones, statements, explanation, facts, rules_version, digest)
     select f.key, f.kind, f.subject_id, f.agreement_id, f.at, f.verdict, array(select jsonb_array_elements_text(f.violators)),
       array(select jsonb_array_elements_text(f.reasons)), f.rule, f.obligation, array(select jsonb_array_elements_text(f.rests_on_zones)),
       f.statements, f.explanation, f.facts, f.rules_version, f.digest
     from jsonb_to_recordset(${param}::jsonb) as f(key text, kind text, subject_id text, agreement_id text, at timestamptz,
       verdict text, violators jsonb, reasons jsonb, rule int, obligation text, rests_on_zones jsonb, statements jsonb, explanation text,
       facts jsonb, rules_version text, digest text)`;

const REPLACE_ON_CONFLICT = `on conflict (key) do update set agreement_id = excluded.agreement_id, at = excluded.at,
       verdict = excluded.verdict, violators = excluded.violators, reasons = excluded.reasons, rule = excluded.rule,
       obligation = excluded.obligation, rests_on_zones = excluded.rests_on_zones, statements = excluded.statements,
       explanation = excluded.explanation, facts = excluded.facts, rules_version = excluded.rules_version, digest = excluded.digest,
       computed_at = now()`;

const findingsJson = (findings: readonly StoredFinding[]): string =>
  JSON.stringify(
    findings.map((f) => ({
      key: f.key,
      kind: f.kind,
      subject_id: f.subjectId,
      agreement_id: f.agreement,
      at: ts(f.at),
      verdict: f.verdict,
      violators: f.violators,
      reasons: f.reasons,
      rule: f.rule,
      obligation: f.obligation,
      rests_on_zones: f.restsOnZones,
      statements: f.statements,
      explanation: f.explanation,
      facts: f.facts,
      rules_version: f.rulesVersion,
      digest: digestOf(f),
    })),
  );

/** Writes findings; with `replace`, a finding with the same key is overwritten. */
export async function insert(sql: Sql, findings: readonly StoredFinding[], replace = false): Promise<void> {
  if (findings.length === 0) return;
  await sql.query(`${INSERT_FINDINGS('$1')} ${replace ? REPLACE_ON_CONFLICT : ''}`, [findingsJson(findings)]);
}

export async function listPage(
  sql: Sql,
  filter: FindingFilter,
  descending: boolean,
  page: PageRequest,
): Promise<Page<StoredFinding>> {
  const params = new Params();
  const conditions: string[] = [];
  if (filter.kind) conditions.push(`kind = ${params.add(filter.kind)}`);
  if (filter.agreement) conditions.push(`agreement_id = ${params.add(filter.agreement)}`);
  if (filter.verdict) conditions.push(`${EFFECTIVE_VERDICT} = ${params.add(filter.verdict)}`);
  if (filter.violator) conditions.push(`${params.add(filter.violator)} = any(${EFFECTIVE_VIOLATORS})`);
  if (filter.actor) {
    const [actor, asJson] = [params.add(filter.actor), params.add(JSON.stringify([filter.actor]))];
    conditions.push(
      `(${actor} = any(${EFFECTIVE_VIOLATORS}) or facts->'gainers' @> ${asJson}::jsonb or facts->'losers' @> ${asJson}::jsonb)`,
    );
  }
  if (filter.subject) conditions.push(`subject_id = ${params.add(filter.subject)}`);
  if (filter.from !== undefined) conditions.push(`at >= ${params.add(ts(filter.from))}`);
  if (filter.to !== undefined) conditions.push(`at < ${params.add(ts(filter.to))}`);
  const { condition, tail } = keyset(params, ['at', 'key'], descending, page);
  if (condition) conditions.push(condition);
  const rows = await sql.query<FindingRow>(
    `select ${FINDING_COLUMNS} from findings ${whereAll(conditions)} ${tail}`,
    params.values,
  );
  return takePage(rows.map(toFinding), page, (f) => [ts(f.at)!, f.key]);
}

export async function get(sql: Sql, key: string): Promise<StoredFinding | null> {
  const [row] = await sql.query<FindingRow>(`select ${FINDING_COLUMNS} from findings where key = $1`, [key]);
  return row ? toFinding(row) : null;
}

/** Findings at or after `from` and before `to`, of one agreement or (null) of every agreement and none. */
export interface FindingWindow {
  from: Instant;
  to: Instant;
  agreement: string | null;
}

/** How many findings of the window give each verdict. */
export async function countByVerdict(sql: Sql, w: FindingWindow): Promise<Record<Verdict, number>> {
  const rows = await sql.query<{ verdict: Verdict; n: number }>(
    `select ${EFFECTIVE_VERDICT} as verdict, count(*)::int as n from findings
      where at >= $1 and at < $2 and ($3::text is null or agreement_id = $3::text) group by 1`,
    [ts(w.from), ts(w.to), w.agreement],
  );
  const counts: Record<Verdict, number> = { violation: 0, needs_review: 0, permitted: 0, not_covered: 0 };
  for (const r of rows) counts[r.verdict] = r.n;
  return counts;
}

/** The violations found in [from, to): when, and under which agreement. */
export async function violationsDuring(
  sql: Sql,
  from: Instant,
  to: Instant,
  agreement?: string,
): Promise<{ agreement: string | null; at: Instant }[]> {
  const rows = await sql.query<{ agreement_id: string | null; at: Date }>(
    `select agreement_id, at from findings
      where ${EFFECTIVE_VERDICT} = 'violation' and at >= $1 and at < $2 and ($3::text is null or agreement_id = $3::text)
      order by at`,
    [ts(from), ts(to), agreement ?? null],
  );
  return rows.map((r) => ({ agreement: r.agreement_id, at: ms(r.at) }));
}

/**
 * A violation with where it happened: the incident's place, or the geometry of the zone whose
 * control changed (the caller takes a point inside it, as the rules do).
 */
export interface PlacedViolation {
  kind: FindingKind;
  subjectId: string;
  agreement: string;
  at: Instant;
  violators: string[];
  place: { lon: number; lat: number } | null;
  zoneGeometry: Area | null;
}

/** The violation findings of the window, in time order. */
export async function placedViolations(sql: Sql, w: FindingWindow): Promise<PlacedViolation[]> {
  const rows = await sql.query<{
    kind: FindingKind;
    subject_id: string;
    agreement_id: string;
    at: Date;
    violators: string[];
    lon: number | null;
    lat: number | null;
    geometry: Area | null;
  }>(
    `select f.kind, f.subject_id, f.agreement_id, f.at, coalesce(f.ruled_violators, f.violators) as violators, i.lon, i.lat,
            z.geometry
       from findings f
       left join incidents i on f.kind = 'incident' and i.id = f.subject_id
       left join zones z on f.kind = 'territory' and z.id = f.subject_id
      where coalesce(f.ruled_verdict, f.verdict) = 'violation' and f.at >= $1 and f.at < $2 and ($3::text is null or f.agreement_id = $3::text)
      order by f.at, f.key`,
    [ts(w.from), ts(w.to), w.agreement],
  );
  return rows.map((r) => ({
    kind: r.kind,
    subjectId: r.subject_id,
    agreement: r.agreement_id,
    at: ms(r.at),
    violators: r.violators,
    place: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
    zoneGeometry: r.geometry,
  }));
}

export { RULES_VERSION };
