/**
 * A checked UCDP row as an incident (docs/ucdp-mapping.md, column by column). What UCDP does not
 * say, the incident does not claim: a battle between two sides has no perpetrator and no target
 * (unattributed fighting, for a person to attribute); one-sided violence was done by side A to
 * civilians.
 */
import { decodeEntities } from '../html-entities.ts';
import type { Incident } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { LocalDays } from '../local-day.ts';
import { inferAct } from './ucdp-act.ts';
import type { SideActor } from './ucdp-actors.ts';
import type { UcdpRow } from './ucdp-row.ts';

export const UCDP_SOURCE = 'ucdp';

/** UCDP type_of_violence. */
export const VIOLENCE = { stateBased: 1, nonState: 2, oneSided: 3 } as const;

/** An incident with what UCDP says beyond the rules' needs (the store's IncidentRecord). */
export interface UcdpIncident extends Incident {
  occurredUntil: Instant;
  datePrecision: number;
  locationPrecision: number;
  place: string | null;
  deaths: {
    low: number;
    best: number;
    high: number;
    bySide: { a: number; b: number; civilians: number; unknown: number };
  };
  sides: string[];
  source: string;
  sourceRef: string;
  headline: string | null;
}

export interface MappedRow {
  incident: UcdpIncident;
  /** The actors the incident names: side A, and side B unless it is the civilians of one-sided violence. */
  actors: SideActor[];
}

export interface MapContext {
  days: LocalDays;
  actorFor(ucdpId: number, name: string): SideActor;
}

export const ucdpIncidentId = (ucdpId: number): string => `ucdp-${ucdpId}`;

export function mapUcdpRow(row: UcdpRow, context: MapContext): MappedRow {
  const sideA = context.actorFor(row.side_a_new_id, row.side_a);
  const oneSided = row.type_of_violence === VIOLENCE.oneSided;
  const actors = oneSided ? [sideA] : [sideA, context.actorFor(row.side_b_new_id, row.side_b)];
  // UCDP writes its headlines with HTML character references (&#8220;...&#8221;).
  const headline = decodeEntities(row.source_headline);
  const incident: UcdpIncident = {
    id: ucdpIncidentId(row.id),
    occurredAt: context.days.start(row.date_start),
    occurredUntil: context.days.end(row.date_end),
    datePrecision: row.date_prec,
    location: { lon: row.longitude, lat: row.latitude },
    locationPrecision: row.where_prec,
    place: placeOf(row),
    act: inferAct(headline),
    perpetrator: oneSided ? sideA.id : null,
    target: oneSided ? { civilian: 'civilians' } : null,
    selfDefenseClaim: false,
    deaths: {
      low: row.low,
      best: row.best,
      high: row.high,
      bySide: { a: row.deaths_a, b: row.deaths_b, civilians: row.deaths_civilians, unknown: row.deaths_unknown },
    },
    sides: actors.map((a) => a.id),
    source: UCDP_SOURCE,
    sourceRef: String(row.id),
    headline: headline.trim() || null,
  };
  return { incident, actors };
}

/** "Teir Maaleh village, Ar Rastan district, Homs Governorate": the place, its district and governorate, each once. */
export function placeOf(row: Pick<UcdpRow, 'where_coordinates' | 'adm_1' | 'adm_2'>): string | null {
  const parts = [
    ...new Set([row.where_coordinates, row.adm_2, row.adm_1].map((s) => s.trim()).filter((s) => s !== '')),
  ];
  return parts.length > 0 ? parts.join(', ') : null;
}
