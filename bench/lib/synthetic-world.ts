/**
 * A synthetic, deterministic world over Syria's extent for benchmarks: actors, agreements with
 * and without a scope and with gaps in force, zones of varied shapes with a history of control,
 * and incidents over 2016-2019. Nothing here is real; only the sizes and the mix are meant to be.
 */
import type { Area } from '../../src/domain/geo.ts';
import {
  CIVILIAN_TARGETS,
  type Act,
  type Actor,
  type ActorKind,
  type Agreement,
  type ControlEntry,
  type Incident,
  type Party,
  type Target,
  type Zone,
} from '../../src/domain/model.ts';
import type { Instant } from '../../src/domain/time.ts';
import { seededRandom, weightedChoice, type Random } from './prng.ts';
import { shape, type ShapeKind } from './shapes.ts';

/** [minLon, minLat, maxLon, maxLat] */
export const SYRIA_EXTENT = [35.7, 32.3, 42.4, 37.3] as const;

export interface WorldSize {
  zones: number;
  incidents: number;
  seed: number;
}

export interface SyntheticWorld {
  actors: Actor[];
  agreements: Agreement[];
  zones: Zone[];
  incidents: Incident[];
}

const at = (iso: string): Instant => Date.parse(iso);
const PERIOD = { from: at('2016-01-01T00:00:00Z'), to: at('2020-01-01T00:00:00Z') };
const STANDARD_PROHIBITED: Act[] = [
  'air_strike',
  'shelling',
  'missile',
  'ground_assault',
  'small_arms',
  'territory_seizure',
  'access_denial',
];

export function syntheticWorld(size: WorldSize): SyntheticWorld {
  const random = seededRandom(size.seed);
  const actors = makeActors();
  const zones = makeZones(size.zones, random);
  return {
    actors,
    agreements: makeAgreements(random),
    zones,
    incidents: makeIncidents(size.incidents, zones, actors, random),
  };
}

/** 30 actors: a01-a04 states and a coalition, a05-a25 armed groups, a26-a27 excluded by the
 * truce, a28-a30 designated, a31-a32 humanitarian and UN (targets only). */
function makeActors(): Actor[] {
  const kind = (n: number): ActorKind =>
    n <= 3 ? 'state' : n === 4 ? 'coalition' : n === 31 ? 'humanitarian' : n === 32 ? 'un' : 'armed_group';
  return Array.from({ length: 32 }, (_, i) => {
    const id = actorId(i + 1);
    return { id, name: `Actor ${id}`, kind: kind(i + 1), aliases: [], designated: i + 1 >= 28 && i + 1 <= 30 };
  });
}

const actorId = (n: number): string => `a${String(n).padStart(2, '0')}`;
const fighters = Array.from({ length: 30 }, (_, i) => actorId(i + 1));

function makeAgreements(random: Random): Agreement[] {
  const party = (n: number, from: string, to: string, until: Instant | null = null): Party => ({
    actor: actorId(n),
    acceptedAt: random.between(at(from), at(to)),
    until,
    channel: null,
    caveats: [],
  });
  const cohParties: Party[] = [];
  for (let n = 1; n <= 18; n++) {
    // Every fifth withdraws during 2017-2019; a07 comes back a year after it left.
    const until =
      n % 5 === 0 || n === 7 ? random.between(at('2017-01-01T00:00:00Z'), at('2019-06-01T00:00:00Z')) : null;
    cohParties.push(party(n, '2016-02-20T00:00:00Z', '2017-06-01T00:00:00Z', until));
    if (n === 7 && until !== null)
      cohParties.push({
        ...party(7, '2016-01-01T00:00:00Z', '2016-01-02T00:00:00Z'),
        acceptedAt: until + 365 * 86_400_000,
      });
  }
  const coh: Agreement = {
    id: 'coh',
    title: 'Cessation of Hostilities (synthetic)',
    scope: null,
    inForce: [
      { from: at('2016-02-27T00:00:00+02:00'), to: at('2016-07-01T00:00:00+03:00') },
      { from: at('2016-09-12T19:00:00+03:00'), to: at('2016-09-26T00:00:00+03:00') },
      { from: at('2016-12-30T00:00:00+02:00'), to: null },
    ],
    parties: cohParties,
    excluded: ['a26', 'a27'],
    prohibited: STANDARD_PROHIBITED,
    selfDefense: true,
    clauses: [
      {
        code: 'T1',
        text: 'Cease attacks with any weapons.',
        acts: ['air_strike', 'shelling', 'missile', 'ground_assault', 'small_arms'],
      },
      { code: 'T2', text: 'Refrain from acquiring territory.', acts: ['territory_seizure'] },
      { code: 'T3', text: 'Allow humanitarian access.', acts: ['access_denial'] },
    ],
  };
  const north: Agreement = {
    id: 'deesc-north',
    title: 'De-escalation area, north-west (synthetic)',
    scope: {
      type: 'Polygon',
      coordinates: [
        [
          [35.9, 35.2],
          [37.4, 35.1],
          [37.6, 35.9],
          [37.1, 36.1],
          [37.2, 36.7],
          [36.4, 36.6],
          [35.9, 36.2],
          [35.9, 35.2],
        ],
      ],
    },
    inForce: [{ from: at('2017-05-06T00:00:00+03:00'), to: null }],
    parties: [1, 2, 3, 8, 9, 10, 11, 12, 13, 14].map((n) => party(n, '2017-05-04T00:00:00Z', '2018-03-01T00:00:00Z')),
    excluded: ['a26'],
    prohibited: ['air_strike', 'shelling', 'missile', 'ground_assault', 'territory_seizure'],
    selfDefense: false,
    clauses: [],
  };
  const south: Agreement = {
    id: 'south',
    title: 'South-west ceasefire (synthetic)',
    scope: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [35.7, 32.3],
            [36.9, 32.3],
            [36.9, 33.4],
            [35.7, 33.4],
            [35.7, 32.3],
          ],
        ],
        [
          [
            [37.5, 32.4],
            [38.9, 32.4],
            [38.9, 33.2],
            [37.5, 33.2],
            [37.5, 32.4],
          ],
        ],
      ],
    },
    inForce: [{ from: at('2017-07-09T12:00:00+03:00'), to: at('2018-06-19T00:00:00+03:00') }],
    parties: [1, 2, 15, 16, 17, 18, 19, 20].map((n) =>
      party(n, '2017-07-01T00:00:00Z', '2017-09-01T00:00:00Z', n === 19 ? at('2018-01-15T00:00:00Z') : null),
    ),
    excluded: [],
    prohibited: [...STANDARD_PROHIBITED, 'atgm'],
    selfDefense: true,
    clauses: [],
  };
  return [coh, north, south];
}

/**
 * One zone per cell of a grid over the extent, jittered; most fill about half their cell and
 * overlap nothing, one in eight spreads over its neighbours.
 */
function makeZones(count: number, random: Random): Zone[] {
  const [minLon, minLat, maxLon, maxLat] = SYRIA_EXTENT;
  const cols = Math.ceil(Math.sqrt((count * (maxLon - minLon)) / (maxLat - minLat)));
  const rows = Math.ceil(count / cols);
  const w = (maxLon - minLon) / cols,
    h = (maxLat - minLat) / rows;
  const zones: Zone[] = [];
  for (let i = 0; i < count; i++) {
    const cx = minLon + w * ((i % cols) + 0.5 + random.between(-0.15, 0.15));
    const cy = minLat + h * (Math.floor(i / cols) + 0.5 + random.between(-0.15, 0.15));
    const spread = random.chance(0.125) ? random.between(0.6, 1.2) : random.between(0.3, 0.45);
    const kind = shapeKind(random);
    const geometry: Area = shape(
      kind,
      cx,
      cy,
      w * spread * random.between(0.8, 1),
      h * spread * random.between(0.8, 1),
      random,
    );
    const id = `z${String(i + 1).padStart(4, '0')}`;
    zones.push({ id, name: `Zone ${id}`, geometry, control: makeControl(random) });
  }
  return zones;
}

const shapeKind = weightedChoice<ShapeKind>({ rectangle: 30, convex: 25, concave: 25, holed: 10, multi: 10 });
const controlCount = weightedChoice({ 1: 35, 2: 30, 3: 20, 4: 15 });

/** 1 to 4 entries; most follow one another without a gap (a change of control), a few leave one. */
function makeControl(random: Random): ControlEntry[] {
  const count = Number(controlCount(random));
  const changes = Array.from({ length: count - 1 }, () => random.between(PERIOD.from, PERIOD.to)).sort((a, b) => a - b);
  const starts = [random.between(at('2011-03-15T00:00:00Z'), PERIOD.from), ...changes];
  const entries: ControlEntry[] = [];
  let previous: string | null = null;
  for (let k = 0; k < count; k++) {
    const holder = pickOther(random, previous);
    previous = holder;
    const actors = random.chance(0.15) ? [holder, pickOther(random, holder)] : [holder];
    const next = starts[k + 1];
    const to =
      next === undefined
        ? random.chance(0.1)
          ? random.between(at('2019-01-01T00:00:00Z'), PERIOD.to)
          : null
        : random.chance(0.1)
          ? next - 30 * 86_400_000
          : next;
    entries.push({ actors, from: starts[k]!, to });
  }
  return entries;
}

function pickOther(random: Random, not: string | null): string {
  for (;;) {
    const a = random.pick(fighters);
    if (a !== not) return a;
  }
}

const act = weightedChoice<Act>({
  air_strike: 20,
  shelling: 25,
  missile: 5,
  ground_assault: 10,
  small_arms: 15,
  atgm: 5,
  territory_seizure: 2,
  access_denial: 3,
  arrest: 8,
  other: 7,
});
const targetKind = weightedChoice({ none: 70, civilian: 15, actor: 15 });

/** The states and the larger parties act most often. */
const perpetrator = weightedChoice<string>(
  Object.fromEntries(fighters.map((id, i) => [id, i < 4 ? 4 : i < 18 ? 2 : 1])),
);

/** Six in ten in or near a zone, the rest anywhere; mostly no named target, so the map decides. */
function makeIncidents(count: number, zones: Zone[], actors: Actor[], random: Random): Incident[] {
  const [minLon, minLat, maxLon, maxLat] = SYRIA_EXTENT;
  const near = (0.1 * (maxLon - minLon)) / Math.sqrt(zones.length);
  const actorIds = actors.map((a) => a.id);
  const incidents: Incident[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let lon: number, lat: number;
    if (zones.length > 0 && random.chance(0.6)) {
      // Between two vertices of a zone: mostly inside it, sometimes in a hole or a bay.
      const ring = polygonRing(random.pick(zones).geometry);
      const [x1, y1] = random.pick(ring),
        [x2, y2] = random.pick(ring);
      lon = (x1 + x2) / 2 + random.between(-near, near);
      lat = (y1 + y2) / 2 + random.between(-near, near);
    } else {
      lon = random.between(minLon, maxLon);
      lat = random.between(minLat, maxLat);
    }
    const kind = targetKind(random);
    const target: Target =
      kind === 'none'
        ? null
        : kind === 'civilian'
          ? { civilian: random.pick(CIVILIAN_TARGETS) }
          : { actor: random.pick(actorIds) };
    incidents[i] = {
      id: `i${String(i + 1).padStart(7, '0')}`,
      occurredAt: Math.floor(random.between(PERIOD.from, PERIOD.to) / 60_000) * 60_000,
      location: { lon, lat },
      act: act(random),
      perpetrator: random.chance(0.2) ? null : perpetrator(random),
      target,
      selfDefenseClaim: random.chance(0.05),
    };
  }
  return incidents;
}

function polygonRing(area: Area): [number, number][] {
  return area.type === 'Polygon' ? area.coordinates[0]! : area.coordinates[0]![0]!;
}
