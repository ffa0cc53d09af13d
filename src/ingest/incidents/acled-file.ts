/**
 * ACLED CSV (its standard export's columns) as incidents: the inverse of the ACLED export's
 * mapping (docs/exports.md), told column by column in docs/imports.md. An event is keyed by
 * ACLED's `event_id_cnty` (`acled-SYR1234`), so a file imported twice adds nothing. Protests and
 * riots are not incidents of a truce: they are left out and counted.
 */
import type { Act, ActorKind, Target } from '../../domain/model.ts';
import type { StatementCode } from '../../domain/statements.ts';
import type { LocalDays } from '../local-day.ts';
import type { ActorNames } from './actor-names.ts';
import { type FieldProblem, problemOf, valueTerms } from '../row-problems.ts';
import { csvTable } from './csv-table.ts';
import {
  IMPORT_ID,
  type ImportedChunk,
  type ImportedIncident,
  type ImportedRow,
  numberOf,
  placeOf,
} from './imported-rows.ts';

export const ACLED_SOURCE = 'acled';
export const ACLED_REQUIRED = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'actor1',
  'latitude',
  'longitude',
] as const;

const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Strategic developments',
  'Protests',
  'Riots',
];

/** ACLED's event and sub-event type as an act: the export's table, read backwards. */
export function actOf(subType: string): Act {
  switch (subType) {
    case 'Air/drone strike':
      return 'air_strike';
    case 'Shelling/artillery/missile attack':
      return 'shelling';
    case 'Armed clash':
      return 'ground_assault';
    case 'Attack':
      return 'small_arms';
    case 'Government regains territory':
    case 'Non-state actor overtakes territory':
    case 'Non-violent transfer of territory':
      return 'territory_seizure';
    case 'Arrests':
    case 'Abduction/forced disappearance':
      return 'arrest';
    default:
      return 'other';
  }
}

/** ACLED's inter code as the kind of a new actor: 1 state forces, 8 external forces, else an armed group. */
const kindOf = (inter: number | undefined): ActorKind =>
  inter === 1 ? 'state' : inter === 8 ? 'coalition' : 'armed_group';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** `2016-09-19` or ACLED's `19 September 2016` as `2016-09-19`; null when neither, or no such day. */
export function acledDate(s: string): string | null {
  const t = s.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const long = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (long) {
    const month = MONTHS.findIndex((name) => name.startsWith(long[2]!.toLowerCase()) && long[2]!.length >= 3);
    if (month < 0) return null;
    [y, m, d] = [Number(long[3]), month + 1, Number(long[1])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export interface AcledContext {
  days: LocalDays;
  actors: ActorNames;
}

export async function* acledRows(
  input: AsyncIterable<Buffer | string>,
  context: AcledContext,
): AsyncGenerator<ImportedChunk> {
  for await (const chunk of csvTable(input, 'ACLED', ACLED_REQUIRED)) {
    yield {
      bytesRead: chunk.bytesRead,
      rows: chunk.rows.map((r) => acledRow(r.line, r.values, r.fieldCount, context)),
    };
  }
}

export function acledRow(
  line: number,
  v: Record<string, string>,
  fieldCount: FieldProblem | null,
  context: AcledContext,
): ImportedRow {
  const problems: FieldProblem[] = [];
  const bad = (path: string, code: StatementCode, value?: string, numbers: Record<string, number> = {}) =>
    problems.push(problemOf(path, code, valueTerms(value, numbers)));
  if (fieldCount) problems.push(fieldCount);
  const eventId = (v.event_id_cnty ?? '').trim();
  if (!IMPORT_ID.test(eventId)) bad('event_id_cnty', 'problem.import_id', eventId);
  const eventType = (v.event_type ?? '').trim();
  if (!EVENT_TYPES.includes(eventType)) bad('event_type', 'problem.import_acled_type', eventType);
  const date = acledDate(v.event_date ?? '');
  if (date === null) bad('event_date', 'problem.import_acled_date', v.event_date);
  const lat = numberOf(v.latitude);
  if (lat === undefined || !(lat >= -90 && lat <= 90))
    bad('latitude', 'problem.import_between', v.latitude, { min: -90, max: 90 });
  const lon = numberOf(v.longitude);
  if (lon === undefined || !(lon >= -180 && lon <= 180))
    bad('longitude', 'problem.import_between', v.longitude, { min: -180, max: 180 });
  const whole = (column: string, min: number, max: number): number | undefined => {
    const n = numberOf(v[column]);
    if (n === undefined) return undefined;
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    bad(column, 'problem.import_whole_range', v[column], { min, max });
    return undefined;
  };
  const fatalities = whole('fatalities', 0, 1_000_000);
  const inter1 = whole('inter1', 0, 9);
  const inter2 = whole('inter2', 0, 9);
  const timePrecision = whole('time_precision', 1, 3);
  const geoPrecision = whole('geo_precision', 1, 3);
  if ((v.actor1 ?? '').trim() === '') bad('actor1', 'problem.import_empty');
  if (problems.length > 0) return { line, kind: 'bad', problems };
  if (eventType === 'Protests' || eventType === 'Riots')
    return {
      line,
      kind: 'skipped',
      reason: problemOf('event_type', 'problem.import_not_truce_event', valueTerms(eventType)),
    };

  const perpetrator = context.actors.named(v.actor1!, kindOf(inter1));
  const actor2 = (v.actor2 ?? '').trim();
  const civilian = /^civilian targeting$/i.test((v.civilian_targeting ?? '').trim()) || /^civilians\b/i.test(actor2);
  const targetActor = civilian || actor2 === '' ? null : context.actors.named(actor2, kindOf(inter2));
  const target: Target = civilian ? { civilian: 'civilians' } : targetActor ? { actor: targetActor.id } : null;
  const actors = [perpetrator, targetActor].filter((a) => a !== null);
  const incident: ImportedIncident = {
    id: `${ACLED_SOURCE}-${eventId}`,
    occurredAt: context.days.start(date!),
    occurredUntil: context.days.end(date!),
    datePrecision: timePrecision === undefined ? 1 : timePrecision === 1 ? 1 : timePrecision === 2 ? 3 : 4,
    location: { lon: lon!, lat: lat! },
    locationPrecision: geoPrecision === undefined ? null : geoPrecision === 3 ? 4 : geoPrecision,
    place: placeOf(v.location, v.admin2, v.admin1),
    act: actOf((v.sub_event_type ?? '').trim()),
    perpetrator: perpetrator?.id ?? null,
    target,
    selfDefenseClaim: false,
    deaths: fatalities === undefined ? null : { low: fatalities, best: fatalities, high: fatalities, bySide: {} },
    sides: [...new Set(actors.map((a) => a.id))],
    source: ACLED_SOURCE,
    sourceRef: eventId,
    headline: (v.notes ?? '').trim() || null,
  };
  return { line, kind: 'incident', incident, actors, notes: [] };
}
