/**
 * The short forms of records that the live event stream sends. Run them as the reader
 * (`asReader`): a record the reader may not see is simply not found.
 */
import type { Statement } from '../domain/statements.ts';
import type { Sql } from './sql.ts';

export interface ReportSummaryRow {
  id: string;
  incident_id: string | null;
  org_id: string;
  channel: string;
  received_at: Date;
  claimed_at: Date;
  lon: number;
  lat: number;
  act: string;
  alleged_perpetrator: string | null;
  target_civilian: string | null;
  target_actor: string | null;
  casualties_best: number | null;
  classification: string;
  narrative: string;
}

export interface IncidentSummaryRow {
  id: string;
  occurred_at: Date;
  lon: number;
  lat: number;
  place: string | null;
  act: string;
  perpetrator: string | null;
  status: string;
  grade: string | null;
  deaths_best: number | null;
  headline: string | null;
  classification: string;
}

export interface FindingSummaryRow {
  key: string;
  kind: string;
  subject_id: string;
  agreement_id: string | null;
  at: Date;
  verdict: string;
  violators: string[];
  rule: number;
  obligation: string | null;
  explanation: string;
  statements: Statement[];
}

export async function reportSummary(sql: Sql, id: string): Promise<ReportSummaryRow | null> {
  const [row] = await sql.query<ReportSummaryRow>(
    // The incident, only when the reader may see it (as reports are read everywhere else).
    `select r.id, (select i.id from incidents i where i.id = r.incident_id) as incident_id, r.org_id, r.channel, r.received_at,
            r.claimed_at, r.lon, r.lat, r.act, r.alleged_perpetrator, r.target_civilian, r.target_actor, r.casualties_best,
            r.classification, left(r.narrative, 280) as narrative
       from reports r where r.id = $1`,
    [id],
  );
  return row ?? null;
}

export async function incidentSummary(sql: Sql, id: string): Promise<IncidentSummaryRow | null> {
  const [row] = await sql.query<IncidentSummaryRow>(
    `select id, occurred_at, lon, lat, place, act, perpetrator, status, grade, deaths_best, headline, classification
       from incidents where id = $1`,
    [id],
  );
  return row ?? null;
}

// The obligation code shows only with a clause the reader may see (as in finding.repository.ts); the
// verdict is what counts: a ruling's where one is in force.
const FINDING_COLUMNS = `key, kind, subject_id, agreement_id, at,
  coalesce(ruled_verdict, verdict) as verdict, coalesce(ruled_violators, violators) as violators, rule,
  truce_visible_obligation(agreement_id, obligation) as obligation, explanation, statements`;

export async function findingSummary(sql: Sql, key: string): Promise<FindingSummaryRow | null> {
  const [row] = await sql.query<FindingSummaryRow>(`select ${FINDING_COLUMNS} from findings where key = $1`, [key]);
  return row ?? null;
}

/** The findings about one incident. */
export async function findingsOfIncident(sql: Sql, incidentId: string): Promise<FindingSummaryRow[]> {
  return sql.query<FindingSummaryRow>(
    `select ${FINDING_COLUMNS} from findings where kind = 'incident' and subject_id = $1 order by key`,
    [incidentId],
  );
}

export interface SubjectSummaryRow {
  id: string;
  name: string;
  classification: string;
}

/** A zone, agreement or actor whose change altered findings (actors are not classified: public). */
export async function subjectSummary(
  sql: Sql,
  entity: 'zone' | 'agreement' | 'actor',
  id: string,
): Promise<SubjectSummaryRow | null> {
  const query = {
    zone: `select id, name, classification from zones where id = $1`,
    agreement: `select id, title as name, classification from agreements where id = $1`,
    actor: `select id, name, 'public' as classification from actors where id = $1`,
  }[entity];
  const [row] = await sql.query<SubjectSummaryRow>(query, [id]);
  return row ?? null;
}
