/**
 * Incidents as ACLED-style CSV: ACLED's column names (its codebook's standard export) and its
 * event types, mapped from Truce's acts and targets as docs/exports.md tells. ACLED writes in
 * English, so the names here are the English ones. What Truce does not know (associated actors,
 * admin 3, the source's scale, tags, ACLED's upload timestamp) is left empty.
 */
import type { Act } from '../../domain/model.ts';
import type { CsvValue } from './csv-out.ts';
import type { ExportedIncident } from './exported-incident.ts';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export type AcledEventType =
  'Battles' | 'Explosions/Remote violence' | 'Violence against civilians' | 'Strategic developments';

export interface AcledEvent {
  disorder: 'Political violence' | 'Strategic developments';
  type: AcledEventType;
  subType: string;
}

const REMOTE = 'Explosions/Remote violence';
const SHELLING = 'Shelling/artillery/missile attack';

/**
 * An act as ACLED's event type and sub-event type. An attack on civilians is violence against
 * civilians; territory taken is the government's regaining it or a non-state actor's overtaking
 * it, by who took it; an arrest by a state is a strategic development, by anyone else an abduction.
 */
export function acledEvent(act: Act, civilianTarget: boolean, perpetratorKind: string | null): AcledEvent {
  const violence = (type: AcledEventType, subType: string): AcledEvent => ({
    disorder: 'Political violence',
    type,
    subType,
  });
  const strategic = (subType: string): AcledEvent => ({
    disorder: 'Strategic developments',
    type: 'Strategic developments',
    subType,
  });
  switch (act) {
    case 'air_strike':
      return violence(REMOTE, 'Air/drone strike');
    case 'shelling':
    case 'missile':
    case 'atgm':
      return violence(REMOTE, SHELLING);
    case 'ground_assault':
    case 'small_arms':
      return civilianTarget ? violence('Violence against civilians', 'Attack') : violence('Battles', 'Armed clash');
    case 'territory_seizure':
      return violence(
        'Battles',
        perpetratorKind === 'state' ? 'Government regains territory' : 'Non-state actor overtakes territory',
      );
    case 'arrest':
      return perpetratorKind === 'state'
        ? strategic('Arrests')
        : violence('Violence against civilians', 'Abduction/forced disappearance');
    case 'access_denial':
    case 'other':
      return strategic('Other');
  }
}

/**
 * ACLED's interaction code of an actor (inter1, inter2): 1 state forces, 2 rebel groups, 7
 * civilians (aid workers included), 8 external/other forces (a coalition, monitors).
 */
export function acledInter(kind: string | null): number | null {
  switch (kind) {
    case null:
      return null;
    case 'state':
      return 1;
    case 'armed_group':
      return 2;
    case 'humanitarian':
    case 'un':
      return 7;
    default:
      return 8;
  }
}

/** UCDP's date precision (1 the day ... 5 the year) as ACLED's (1 the day, 2 the week, 3 the month or more). */
const timePrecision = (p: number | null): number => (p === null || p <= 1 ? 1 : p <= 3 ? 2 : 3);
/** UCDP's place precision (1 exact, 2 within 25 km, 3 the district ...) as ACLED's (1 the town, 2 nearby, 3 a larger region). */
const geoPrecision = (p: number | null): number => (p === null || p <= 1 ? 1 : p <= 3 ? 2 : 3);

const UNIDENTIFIED = 'Unidentified Armed Group (Syria)';
const CIVILIANS = 'Civilians (Syria)';

/** An incident's ACLED row; `localDate` gives the day of an ISO instant in the world's timezone. */
export function acledValues(i: ExportedIncident, localDate: (iso: string) => string): CsvValue[] {
  const civilian = i.target_civilian !== null;
  const event = acledEvent(i.act, civilian, i.perpetrator_kind);
  const inter1 = i.perpetrator === null ? 2 : acledInter(i.perpetrator_kind);
  const inter2 = civilian ? 7 : acledInter(i.target_kind);
  const interaction =
    inter1 === null ? null : inter2 === null ? inter1 * 10 : Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
  const date = localDate(i.occurred_at);
  const inSyria = i.where.governorate?.pcode.startsWith('SY') ?? false;
  const values: Record<(typeof ACLED_COLUMNS)[number], CsvValue> = {
    event_id_cnty: i.id,
    event_date: date,
    year: Number(date.slice(0, 4)),
    time_precision: timePrecision(i.date_precision),
    disorder_type: event.disorder,
    event_type: event.type,
    sub_event_type: event.subType,
    actor1: i.perpetrator === null ? UNIDENTIFIED : (i.perpetrator_name ?? i.perpetrator),
    assoc_actor_1: null,
    inter1,
    actor2: civilian ? CIVILIANS : (i.target_name ?? i.target_actor),
    assoc_actor_2: null,
    inter2,
    interaction,
    civilian_targeting: civilian ? 'Civilian targeting' : null,
    iso: inSyria ? 760 : null,
    region: inSyria ? 'Middle East' : null,
    country: inSyria ? 'Syria' : null,
    admin1: i.where.governorate?.name_en ?? null,
    admin2: i.where.district?.name_en ?? null,
    admin3: null,
    location: i.where.place?.name_en ?? i.place,
    latitude: i.lat,
    longitude: i.lon,
    geo_precision: geoPrecision(i.location_precision),
    source: i.source,
    source_scale: null,
    notes: i.headline,
    fatalities: i.deaths_best ?? 0,
    tags: null,
    timestamp: null,
  };
  return ACLED_COLUMNS.map((c) => values[c]);
}
