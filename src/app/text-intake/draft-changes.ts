/**
 * Which fields of a draft a person changed before confirming it: the report filed against what
 * the rules proposed. Pure. A field the rules left empty and the person filled counts as changed.
 */
import type { DraftField } from '../../contract/intake.ts';
import type { DraftReport } from '../../ingest/text/draft-reports.ts';
import type { ReportInput } from '../reports/file-report.ts';

/** Syria's clock (UTC+3): the day a report's instant falls on there. */
const SYRIA_OFFSET_MS = 3 * 3_600_000;
const dayInSyria = (at: number) => new Date(at + SYRIA_OFFSET_MS).toISOString().slice(0, 10);

/** Closer than this (about 1 m) is the same place: a coordinate written back from a text field. */
const SAME_DEGREES = 1e-5;

type Filed = Pick<
  ReportInput,
  'claimedAt' | 'location' | 'locationPrecisionM' | 'allegedPerpetrator' | 'act' | 'casualties' | 'narrative'
>;

export function draftChanges(proposed: DraftReport, filed: Filed): DraftField[] {
  const changed: DraftField[] = [];
  if (proposed.date?.day !== dayInSyria(filed.claimedAt)) changed.push('date');
  const place = proposed.place;
  if (
    !place ||
    Math.abs(place.lon - filed.location.lon) > SAME_DEGREES ||
    Math.abs(place.lat - filed.location.lat) > SAME_DEGREES
  )
    changed.push('place');
  // What the form offers when no place was found: a town's 5 km.
  if ((place?.precisionM ?? 5000) !== filed.locationPrecisionM) changed.push('precision');
  if ((proposed.actors.find((a) => a.acted)?.id ?? null) !== filed.allegedPerpetrator) changed.push('actor');
  if (proposed.act.act !== filed.act) changed.push('act');
  const k = proposed.killed;
  const c = filed.casualties;
  const same =
    (k === null && (c === null || (c.low === null && c.best === null && c.high === null))) ||
    (k !== null && c !== null && k.low === c.low && k.best === c.best && k.high === c.high);
  if (!same) changed.push('casualties');
  if (proposed.span.text.trim() !== filed.narrative.trim()) changed.push('narrative');
  return changed;
}
