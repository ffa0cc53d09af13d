/**
 * The map's colours, chosen to be told apart by people with the common colour blindnesses and
 * to keep text on them legible: verdicts from red (violation) through amber and teal to greys.
 */
import type { MapVerdict, ZoneStatus } from '../api/vocabulary.ts';

export type { MapVerdict, ZoneStatus };

// The colour tables are typed on the schema's enumerations and the lists are read off them, so a
// verdict or zone status added on the server is a type error here until it has a colour.
export const VERDICT_COLORS: Record<MapVerdict, string> = {
  violation: '#c8102e',
  needs_review: '#e8a33d',
  permitted: '#2a9d8f',
  not_covered: '#7d8597',
  unjudged: '#b8bec9',
};
export const MAP_VERDICTS = Object.keys(VERDICT_COLORS) as MapVerdict[];

export const ZONE_COLORS: Record<ZoneStatus, string> = {
  covered: '#3a86ff',
  excluded: '#6c3483',
  intermingled: '#f08c00',
  uncovered: '#8d99ae',
  unknown: '#ced4da',
};
export const ZONE_STATUSES = Object.keys(ZONE_COLORS) as ZoneStatus[];

export const SITE_COLOR = '#1d3557';
export const CONVOY_COLOR = '#1d3557';
