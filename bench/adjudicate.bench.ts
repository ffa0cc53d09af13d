/**
 * Incident adjudication throughput: 1,000,000 synthetic incidents over 2,000 zones, judged on
 * one core by the Rulebook with the flatbush zone index, and by the naive scan on a subset. Both
 * must give the same findings, or the benchmark fails.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { adjudicateIncident } from '../src/domain/adjudicate.ts';
import type { Verdict } from '../src/domain/findings.ts';
import type { Incident } from '../src/domain/model.ts';
import { Rulebook } from '../src/domain/rulebook.ts';
import { atLeast, type Benchmark, type BenchResult } from './lib/benchmark.ts';
import { syntheticWorld, type SyntheticWorld } from './lib/synthetic-world.ts';
import { median, repeat, round, timed } from './lib/timing.ts';

const SIZE = { zones: 2_000, incidents: 1_000_000, seed: 20_160_227 };
/** The scan tests every zone's box at every lookup: it is timed, and checked, on the first incidents only. */
const SUBSET = 200_000;
const RUNS = 3;
const BUILDS = 20;
const GOAL = 300_000;

export const adjudicateBenchmark: Benchmark = {
  name: 'adjudicate',
  description:
    'Incidents adjudicated per second on one core: 1M synthetic incidents over 2,000 zones, flatbush index vs naive scan',
  run: async () => runAdjudicate(),
};

interface Tally {
  findings: number;
  byVerdict: Record<Verdict, number>;
  /** Incidents where some finding was decided by who held the place (rules 9-14). */
  decidedByMap: number;
}

/** One timed piece of work: how many incidents, and how long each run took. */
interface Measure {
  incidents: number;
  runsMs: number[];
  medianMs: number;
  perSecond: number;
}

function measure(incidents: number, fn: () => unknown): Measure {
  const runsMs = repeat(RUNS, fn).ms;
  const medianMs = median(runsMs);
  return {
    incidents,
    runsMs: runsMs.map((ms) => round(ms)),
    medianMs: round(medianMs),
    perSecond: round((incidents / medianMs) * 1000),
  };
}

function runAdjudicate(): BenchResult {
  const generated = timed(() => syntheticWorld(SIZE));
  const world = generated.value;
  const { incidents } = world;
  const all = incidents.length;
  const flatBuild = repeat(BUILDS, () => new Rulebook(world, { zoneIndex: 'flatbush' }));
  const scanBuild = repeat(BUILDS, () => new Rulebook(world, { zoneIndex: 'scan' }));
  const flat = flatBuild.value,
    scan = scanBuild.value;

  // Untimed: the check runs both books, then a full pass counts the verdicts; both warm up
  // every function on the path before the timing starts.
  const check = compareIndexes(flat, scan, incidents, SUBSET);
  const tally = adjudicateAll(flat, incidents, all);
  const places = placesOf(flat, incidents, SUBSET);

  const timings = {
    flatbush: measure(all, () => adjudicateAll(flat, incidents, all)),
    scan: measure(SUBSET, () => adjudicateAll(scan, incidents, SUBSET)),
    flatbushLookups: measure(all, () => lookUpAll(flat, incidents, all)),
    scanLookups: measure(SUBSET, () => lookUpAll(scan, incidents, SUBSET)),
  };
  const buildMs = { flatbush: round(median(flatBuild.ms), 2), scan: round(median(scanBuild.ms), 2) };
  const subset = `first ${fmt(SUBSET)} only`;
  const row = (index: string, work: string, m: Measure, build?: number) => ({
    index,
    work,
    incidents: m.incidents,
    runs: m.runsMs.length,
    'median s': round(m.medianMs / 1000, 2),
    'incidents/s': round(m.perSecond, -3),
    'µs/incident': round((1000 * m.medianMs) / m.incidents, 2),
    ...(build === undefined ? {} : { 'index build ms': build }),
  });
  const speedUp = (a: Measure, b: Measure): number => round(a.perSecond / b.perSecond, 1);
  return {
    columns: ['index', 'work', 'incidents', 'runs', 'median s', 'incidents/s', 'µs/incident', 'index build ms'],
    rows: [
      row('flatbush', 'adjudicateIncident', timings.flatbush, buildMs.flatbush),
      row('scan', `adjudicateIncident (${subset})`, timings.scan, buildMs.scan),
      row('flatbush', 'controllersAt only', timings.flatbushLookups),
      row('scan', `controllersAt only (${subset})`, timings.scanLookups),
    ],
    notes: [
      `World: ${describeWorld(world)}; seed ${SIZE.seed}, generated in ${round(generated.ms / 1000, 1)} s.`,
      `Of the first ${fmt(SUBSET)} incidents, ${round((100 * places.inZone) / SUBSET, 1)} % lie in a zone, ` +
        `${round((100 * places.inSeveral) / SUBSET, 1)} % in two or more (zones mostly do not overlap).`,
      `Findings: ${fmt(tally.findings)} (${Object.entries(tally.byVerdict)
        .map(([v, n]) => `${v} ${fmt(n)}`)
        .join(', ')}); ` +
        `${round((100 * tally.decidedByMap) / all, 1)} % of incidents decided by who held the place (rules 9-14).`,
      `Identical findings from both indexes on the first ${fmt(SUBSET)} incidents (${fmt(check.findings)} findings; sha256 of their structured fields ${check.digest}), ` +
        'and identical controllers at every one of their places and times.',
      `One thread; timed after a check and a warm-up pass; median of ${RUNS} runs; findings are counted, not stored. ` +
        `Index build: median of ${BUILDS} Rulebook constructions.`,
      `The index is ${speedUp(timings.flatbush, timings.scan)}x faster than the scan at adjudicating, ` +
        `${speedUp(timings.flatbushLookups, timings.scanLookups)}x at the lookup alone (controllersAt for every incident, as if none named its target).`,
    ],
    figures: {
      world: {
        ...SIZE,
        actors: world.actors.length,
        agreements: world.agreements.length,
        generatedMs: round(generated.ms),
      },
      buildMs,
      adjudicate: { flatbush: { ...timings.flatbush }, scan: { ...timings.scan } },
      controllersAt: { flatbush: { ...timings.flatbushLookups }, scan: { ...timings.scanLookups } },
      places: { incidents: SUBSET, ...places },
      findings: { total: tally.findings, byVerdict: { ...tally.byVerdict }, incidentsDecidedByMap: tally.decidedByMap },
      check: { incidents: SUBSET, findings: check.findings, identical: true, sha256: check.digest },
    },
    goal: atLeast(
      `at least ${fmt(GOAL)} incidents/s on one core with the flatbush index`,
      'incidents/s',
      GOAL,
      timings.flatbush.perSecond,
    ),
  };
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Judges the first `count` incidents, keeping only counts: the findings die young. */
function adjudicateAll(book: Rulebook, incidents: Incident[], count: number): Tally {
  const byVerdict: Record<Verdict, number> = { violation: 0, needs_review: 0, permitted: 0, not_covered: 0 };
  let findings = 0,
    decidedByMap = 0;
  for (let i = 0; i < count; i++) {
    let byMap = false;
    for (const f of adjudicateIncident(book, incidents[i]!)) {
      findings++;
      byVerdict[f.verdict]++;
      if (f.rule >= 9) byMap = true;
    }
    if (byMap) decidedByMap++;
  }
  return { findings, byVerdict, decidedByMap };
}

/** Who held the place of each of the first `count` incidents: the spatial part alone. */
function lookUpAll(book: Rulebook, incidents: Incident[], count: number): number {
  let held = 0;
  for (let i = 0; i < count; i++) {
    const { location, occurredAt } = incidents[i]!;
    held += book.controllersAt(location.lon, location.lat, occurredAt).length;
  }
  return held;
}

/** How many of the first `count` incidents lie in some zone, and in more than one. */
function placesOf(book: Rulebook, incidents: Incident[], count: number): { inZone: number; inSeveral: number } {
  let inZone = 0,
    inSeveral = 0;
  for (let i = 0; i < count; i++) {
    const { lon, lat } = incidents[i]!.location;
    const zones = book.zones.containing(lon, lat).length;
    if (zones > 0) inZone++;
    if (zones > 1) inSeveral++;
  }
  return { inZone, inSeveral };
}

/** Throws at the first incident where the two books disagree, on a finding or on who held the place. */
function compareIndexes(
  a: Rulebook,
  b: Rulebook,
  incidents: Incident[],
  count: number,
): { findings: number; digest: string } {
  const hash = createHash('sha256');
  let findings = 0;
  for (let i = 0; i < count; i++) {
    const incident = incidents[i]!;
    const { lon, lat } = incident.location;
    const ca = a.controllersAt(lon, lat, incident.occurredAt),
      cb = b.controllersAt(lon, lat, incident.occurredAt);
    const fa = adjudicateIncident(a, incident),
      fb = adjudicateIncident(b, incident);
    if (!isDeepStrictEqual(ca, cb) || !isDeepStrictEqual(fa, fb)) {
      throw new Error(
        `flatbush and scan disagree on incident ${incident.id}:\n` +
          `  flatbush: controllers ${JSON.stringify(ca)}, findings ${JSON.stringify(fa)}\n` +
          `  scan:     controllers ${JSON.stringify(cb)}, findings ${JSON.stringify(fb)}`,
      );
    }
    // The digest leaves out the explanation (free text), so it changes only when a verdict does.
    for (const f of fa)
      hash.update(
        JSON.stringify([f.incident, f.agreement, f.verdict, f.violator, f.reasons, f.rule, f.obligation, f.at]),
      );
    findings += fa.length;
  }
  return { findings, digest: hash.digest('hex').slice(0, 16) };
}

function describeWorld(world: SyntheticWorld): string {
  const shapes = { polygons: 0, 'with holes': 0, multipolygons: 0 };
  let entries = 0;
  for (const zone of world.zones) {
    const g = zone.geometry;
    shapes[g.type === 'MultiPolygon' ? 'multipolygons' : g.coordinates.length > 1 ? 'with holes' : 'polygons']++;
    entries += zone.control.length;
  }
  return (
    `${fmt(world.zones.length)} zones (${Object.entries(shapes)
      .map(([k, n]) => `${fmt(n)} ${k}`)
      .join(', ')}; ` +
    `${fmt(entries)} control entries), ${world.actors.length} actors, ` +
    `${world.agreements.length} agreements (${world.agreements.map((g) => g.id).join(', ')}), ` +
    `${fmt(world.incidents.length)} incidents over 2016-2019`
  );
}
