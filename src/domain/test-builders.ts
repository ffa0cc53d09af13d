/**
 * Small builders for tests: a world is written as a few readable lines, with defaults that
 * keep out of the way. Times are ISO strings here and instants in the result. Only tests import
 * this file.
 */
import type { Polygon, Position } from './geo.ts';
import type {
  Actor,
  Agreement,
  ControlEntry,
  Convoy,
  Incident,
  Operation,
  Party,
  ProtectedSite,
  World,
  Zone,
} from './model.ts';
import { ACTS } from './model.ts';
import { Rulebook } from './rulebook.ts';
import { type Instant, type Interval, parseInstant } from './time.ts';

/** The instant of an ISO date-time with an offset; throws on a typo so a test cannot pass by accident. */
export function at(iso: string): Instant {
  const t = parseInstant(iso);
  if (t === null) throw new Error(`test builder: not an ISO date-time with an offset: ${iso}`);
  return t;
}

export function interval(from: string, to: string | null = null): Interval {
  return { from: at(from), to: to === null ? null : at(to) };
}

/** A closed, counter-clockwise rectangular ring. */
export function ring(minLon: number, minLat: number, maxLon: number, maxLat: number): Position[] {
  return [
    [minLon, minLat],
    [maxLon, minLat],
    [maxLon, maxLat],
    [minLon, maxLat],
    [minLon, minLat],
  ];
}

/** A rectangle, with optional holes (rings, e.g. from `ring`). */
export function rect(minLon: number, minLat: number, maxLon: number, maxLat: number, ...holes: Position[][]): Polygon {
  return { type: 'Polygon', coordinates: [ring(minLon, minLat, maxLon, maxLat), ...holes] };
}

export function actor(id: string, overrides: Partial<Actor> = {}): Actor {
  return { id, name: `Actor ${id}`, kind: 'armed_group', aliases: [], designated: false, ...overrides };
}

export function party(actorId: string, acceptedAt: string, until: string | null = null): Party {
  return {
    actor: actorId,
    acceptedAt: at(acceptedAt),
    until: until === null ? null : at(until),
    channel: null,
    caveats: [],
  };
}

/** Acts a typical cessation prohibits; `arrest` and `other` are left permitted. */
export const PROHIBITED_ACTS: Agreement['prohibited'] = ACTS.filter((a) => a !== 'arrest' && a !== 'other');

/** In force from 2016-01-01Z, everywhere, no parties, the usual acts prohibited, no self-defence. */
export function agreement(id: string, overrides: Partial<Agreement> = {}): Agreement {
  return {
    id,
    title: `Agreement ${id}`,
    inForce: [interval('2016-01-01T00:00:00Z')],
    scope: null,
    parties: [],
    excluded: [],
    prohibited: PROHIBITED_ACTS,
    selfDefense: false,
    clauses: [],
    ...overrides,
  };
}

export function control(actors: string[], from: string, to: string | null = null): ControlEntry {
  return { actors, ...interval(from, to) };
}

export function zone(id: string, geometry: Zone['geometry'], ...entries: ControlEntry[]): Zone {
  return { id, name: `Zone ${id}`, geometry, control: entries };
}

/** An air strike at (0.5, 0.5) on 2016-06-01 12:00Z, unattributed, no target named. */
export function incident(id: string, overrides: Partial<Incident> = {}): Incident {
  return {
    id,
    occurredAt: at('2016-06-01T12:00:00Z'),
    location: { lon: 0.5, lat: 0.5 },
    act: 'air_strike',
    perpetrator: null,
    target: null,
    selfDefenseClaim: false,
    ...overrides,
  };
}

export function site(id: string, overrides: Partial<ProtectedSite> = {}): ProtectedSite {
  return {
    id,
    kind: 'hospital',
    owner: 'msf',
    geometry: { type: 'Point', coordinates: [0, 0] },
    bufferM: 500,
    valid: interval('2016-01-01T00:00:00Z'),
    notifiedTo: [],
    ...overrides,
  };
}

export function operation(id: string, overrides: Partial<Operation> = {}): Operation {
  return {
    id,
    actor: 'ru',
    kind: 'air_strike',
    area: { type: 'Point', coordinates: [0, 0] },
    radiusM: 0,
    window: interval('2016-06-01T00:00:00Z', '2016-06-02T00:00:00Z'),
    ...overrides,
  };
}

export function convoy(id: string, overrides: Partial<Convoy> = {}): Convoy {
  return {
    id,
    organizer: 'un',
    route: {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [1, 1],
      ],
    },
    window: interval('2016-06-01T06:00:00Z', '2016-06-01T18:00:00Z'),
    ...overrides,
  };
}

export function world(overrides: Partial<World> = {}): World {
  return {
    timezone: 'Z',
    hostState: null,
    actors: [],
    agreements: [],
    zones: [],
    incidents: [],
    protectedSites: [],
    operations: [],
    convoys: [],
    calm: null,
    ...overrides,
  };
}

export function rulebook(overrides: Partial<World> = {}): Rulebook {
  return new Rulebook(world(overrides));
}
