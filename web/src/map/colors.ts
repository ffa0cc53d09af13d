/**
 * The map's colours, chosen to be told apart by people with the common colour blindnesses and
 * to keep text on them legible: verdicts from red (violation) through amber and teal to greys.
 */
export const VERDICT_COLORS = {
  violation: '#c8102e',
  needs_review: '#e8a33d',
  permitted: '#2a9d8f',
  not_covered: '#7d8597',
  unjudged: '#b8bec9',
} as const;
export type MapVerdict = keyof typeof VERDICT_COLORS;
export const MAP_VERDICTS = Object.keys(VERDICT_COLORS) as MapVerdict[];

export const ZONE_COLORS = {
  covered: '#3a86ff',
  excluded: '#6c3483',
  intermingled: '#f08c00',
  uncovered: '#8d99ae',
  unknown: '#ced4da',
} as const;
export type ZoneStatus = keyof typeof ZONE_COLORS;
export const ZONE_STATUSES = Object.keys(ZONE_COLORS) as ZoneStatus[];

export const SITE_COLOR = '#1d3557';
export const CONVOY_COLOR = '#1d3557';
