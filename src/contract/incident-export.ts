/**
 * An incident's fields as the exports write them (GeoJSON, HXL CSV, ACLED CSV, OGC API features):
 * plain values, instants as ISO text (UTC, to the millisecond), with the names of the actors it
 * names in English and Arabic. The store reads them as the reader (store/incident.repository.ts);
 * the writers (ingest/exports) add where the incident is for people.
 */
import type { Classification } from './access.ts';
import type { AttributionGrade, IncidentStatus } from '../domain/assessment.ts';
import type { Verdict } from '../domain/findings.ts';
import type { Act, CivilianTarget } from '../domain/model.ts';

export interface IncidentExportFields {
  id: string;
  occurred_at: string;
  occurred_until: string | null;
  date_precision: number | null;
  lon: number;
  lat: number;
  location_precision: number | null;
  place: string | null;
  headline: string | null;
  act: Act;
  perpetrator: string | null;
  perpetrator_name: string | null;
  perpetrator_name_ar: string | null;
  perpetrator_kind: string | null;
  target_civilian: CivilianTarget | null;
  target_actor: string | null;
  target_name: string | null;
  target_name_ar: string | null;
  target_kind: string | null;
  self_defense_claim: boolean;
  deaths_low: number | null;
  deaths_best: number | null;
  deaths_high: number | null;
  source: string | null;
  source_ref: string | null;
  status: IncidentStatus;
  grade: AttributionGrade | null;
  classification: Classification;
  owner_org: string | null;
  /** The current finding under each agreement the reader may see it under. */
  verdicts: readonly { agreement: string | null; verdict: Verdict }[];
}
