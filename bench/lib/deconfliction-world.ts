/**
 * A synthetic world for deconfliction (bench/deconflict.bench.ts), seeded, over Syria's extent
 * (lon 35.7-42.4, lat 32.3-37.3): humanitarian organizations' notified sites and movements, and
 * the parties' operation notices. Half the sites, movements and notices lie within about 25 km of
 * 60 towns (a notice in a town meets several times as many targets), the rest anywhere.
 */
import type { DeconflictionTarget, PlannedReach } from '../../src/domain/deconflict.ts';
import type { Geometry, Position } from '../../src/domain/geo.ts';
import type { Interval } from '../../src/domain/time.ts';
import { type Random, seededRandom } from './prng.ts';

export const EXTENT = { minLon: 35.7, minLat: 32.3, maxLon: 42.4, maxLat: 37.3 };
export const HUMANITARIAN_ORGS = Array.from({ length: 20 }, (_, i) => `hum-${i + 1}`);
export const PARTY_ORGS = Array.from({ length: 6 }, (_, i) => `party-${i + 1}`);
export const actorOf = (org: string) => `actor-${org}`;
export const SITE_KINDS = ['hospital', 'school', 'warehouse', 'office', 'idp_camp', 'other'] as const;
/** The largest buffer in the world (a movement's), the bounded radius of PostGIS's prefilter. */
export const MAX_BUFFER_M = 2_000;

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
/** The days the world's validities and windows fall in: 2024 and the first half of 2025. */
const DAYS = 547;

/** A notified site or movement as stored: its recipients decide, for each notice, whether it was notified. */
export interface NotifiedTarget {
  id: string;
  subject: 'site' | 'movement';
  siteKind: (typeof SITE_KINDS)[number] | null;
  name: string;
  ownerOrg: string;
  geometry: Geometry;
  bufferM: number;
  valid: { from: number; to: number };
  recipients: string[];
}

export interface Notice {
  id: string;
  org: string;
  actor: string;
  kind: string;
  area: Geometry;
  radiusM: number;
  window: Interval;
}

export interface DeconflictionWorld {
  targets: NotifiedTarget[];
  notices: Notice[];
}

/** The target a notice sees (app/shared/deconfliction.ts, targetFor): owners as `org:`, notified if a recipient. */
export function targetFor(t: NotifiedTarget, notice: Notice): DeconflictionTarget {
  return {
    kind: t.subject === 'site' ? 'notification_site' : 'movement',
    id: t.id,
    owner: `org:${t.ownerOrg}`,
    geometry: t.geometry,
    bufferM: t.bufferM,
    valid: t.valid,
    notified: t.recipients.includes(notice.org),
  };
}

/** The reach of a notice (app/shared/deconfliction.ts, reachOf). */
export const reachOf = (n: Notice): PlannedReach => ({
  area: n.area,
  radiusM: n.radiusM,
  window: n.window,
  owners: [`actor:${n.actor}`, `org:${n.org}`],
});

function towns(random: Random): Position[] {
  return Array.from({ length: 60 }, () => [
    random.between(EXTENT.minLon + 0.3, EXTENT.maxLon - 0.3),
    random.between(EXTENT.minLat + 0.3, EXTENT.maxLat - 0.3),
  ]);
}

/** A place: near a town (within about 25 km, evenly) one time in two, else anywhere. */
function place(random: Random, near: Position[]): Position {
  if (random.chance(0.5)) {
    const [x, y] = random.pick(near);
    const r = 0.25 * Math.sqrt(random.next());
    const a = random.between(0, 2 * Math.PI);
    return [x + r * Math.cos(a), y + r * Math.sin(a)];
  }
  return [random.between(EXTENT.minLon, EXTENT.maxLon), random.between(EXTENT.minLat, EXTENT.maxLat)];
}

/** A closed ring of 5-8 vertices around a centre, `r` degrees across at most. */
function polygonAround([x, y]: Position, r: number, random: Random): Geometry {
  const n = random.int(5, 8);
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const d = r * random.between(0.5, 1);
    ring.push([x + d * Math.cos(a), y + d * Math.sin(a) * 0.8]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return { type: 'Polygon', coordinates: [ring] };
}

function recipients(random: Random): string[] {
  const n = random.int(1, 3);
  const chosen = new Set<string>();
  while (chosen.size < n) chosen.add(random.pick(PARTY_ORGS));
  return [...chosen].sort();
}

/** `count` notified sites: points (nine in ten) or small polygons, buffers by kind, valid 1-12 months. */
export function notifiedSites(count: number, seed: number, prefix = 's'): NotifiedTarget[] {
  const random = seededRandom(seed);
  const near = towns(seededRandom(7));
  const sites: NotifiedTarget[] = [];
  for (let i = 0; i < count; i++) {
    const at = place(random, near);
    const siteKind = random.pick(SITE_KINDS);
    const from = START + random.int(0, DAYS - 30) * DAY;
    sites.push({
      id: `${prefix}${i}`,
      subject: 'site',
      siteKind,
      name: `${siteKind} ${i}`,
      ownerOrg: random.pick(HUMANITARIAN_ORGS),
      geometry: random.chance(0.9)
        ? { type: 'Point', coordinates: at }
        : polygonAround(at, random.between(0.0005, 0.003), random),
      bufferM:
        siteKind === 'hospital' || siteKind === 'idp_camp' ? random.between(300, 1_000) : random.between(50, 500),
      valid: { from, to: from + random.int(30, 365) * DAY },
      recipients: recipients(random),
    });
  }
  return sites;
}

/** `count` movements: routes of 2-10 legs of 2-15 km, buffers 100-2,000 m, windows of 1-5 days. */
export function movements(count: number, seed: number): NotifiedTarget[] {
  const random = seededRandom(seed);
  const near = towns(seededRandom(7));
  const moves: NotifiedTarget[] = [];
  for (let i = 0; i < count; i++) {
    let [x, y] = place(random, near);
    const route: Position[] = [[x, y]];
    let heading = random.between(0, 2 * Math.PI);
    for (let leg = random.int(2, 10); leg > 0; leg--) {
      heading += random.between(-0.6, 0.6);
      const km = random.between(2, 15);
      x += (km / 90) * Math.cos(heading);
      y += (km / 111) * Math.sin(heading);
      route.push([x, y]);
    }
    const from = START + random.int(0, DAYS - 5) * DAY + random.int(0, 23) * 3_600_000;
    moves.push({
      id: `m${i}`,
      subject: 'movement',
      siteKind: null,
      name: `convoy ${i}`,
      ownerOrg: random.pick(HUMANITARIAN_ORGS),
      geometry: { type: 'LineString', coordinates: route },
      bufferM: random.between(100, MAX_BUFFER_M),
      valid: { from, to: from + random.int(1, 5) * DAY },
      recipients: recipients(random),
    });
  }
  return moves;
}

/** `count` operation notices of the parties: a point and a radius of 0.2-3 km (seven in ten), or a polygon of 1-6 km across and 0-1 km; windows of 1-7 days. */
export function notices(count: number, seed: number): Notice[] {
  const random = seededRandom(seed);
  const near = towns(seededRandom(7));
  const list: Notice[] = [];
  for (let i = 0; i < count; i++) {
    const at = place(random, near);
    const org = random.pick(PARTY_ORGS);
    const point = random.chance(0.7);
    const from = START + random.int(0, DAYS - 7) * DAY;
    list.push({
      id: `n${i}`,
      org,
      actor: actorOf(org),
      kind: random.pick(['air_strike', 'shelling', 'ground_assault']),
      area: point ? { type: 'Point', coordinates: at } : polygonAround(at, random.between(0.005, 0.03), random),
      radiusM: point ? random.between(200, 3_000) : random.between(0, 1_000),
      window: { from, to: from + random.int(1, 7) * DAY },
    });
  }
  return list;
}
