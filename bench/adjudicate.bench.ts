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
const WARM_UP = 100_000;
const RUNS = 3;
const BUILDS = 20;
const GOAL = 300_000;

export const adjudicateBenchmark: Benchmark = {
  name: 'adjudicate',
  description: 'Incidents adjudicated per second on one core: 1M synthetic incidents over 2,000 zones, flatbush index vs naive scan',
  run: async () => runAdjudicate(),
};

interface Tally {
  findings: number;
  byVerdict: Record<Verdict, number>;
  /** Incidents where some finding was decided by who held the place (rules 9-14). */
  decidedByMap: number;
}

function runAdjudicate(): BenchResult {
  const generated = timed(() => syntheticWorld(SIZE));
  const world = generated.value;
  const { incidents } = world;
  const flatBuild = repeat(BUILDS, () => new Rulebook(world, { zoneIndex: 'flatbush' }));
  const scanBuild = repeat(BUILDS, () => new Rulebook(world, { zoneIndex: 'scan' }));
  const flat = flatBuild.value, scan = scanBuild.value;

  // Also the first warm-up of both: every function on the path has run before the timing starts.
  const check = compareIndexes(flat, scan, incidents, SUBSET);
  adjudicateAll(flat, incidents, WARM_UP);

  const flatRuns = repeat(RUNS, () => adjudicateAll(flat, incidents, incidents.length));
  const scanRuns = repeat(RUNS, () => adjudicateAll(scan, incidents, SUBSET));
  const flatMs = median(flatRuns.ms), scanMs = median(scanRuns.ms);
  const flatRate = (incidents.length / flatMs) * 1000, scanRate = (SUBSET / scanMs) * 1000;
  const tally = flatRuns.value;

  const row = (index: string, count: number, ms: number, rate: number, buildMs: number) => ({
    index, incidents: count, runs: RUNS, 'median s': round(ms / 1000, 2), 'incidents/s': round(rate, -3),
    'µs/incident': round(1000 * ms / count, 2), 'index build ms': round(buildMs, 2),
  });
  return {
    columns: ['index', 'incidents', 'runs', 'median s', 'incidents/s', 'µs/incident', 'index build ms'],
    rows: [
      row('flatbush', incidents.length, flatMs, flatRate, median(flatBuild.ms)),
      row(`scan (first ${SUBSET.toLocaleString('en-US')} only)`, SUBSET, scanMs, scanRate, median(scanBuild.ms)),
    ],
    notes: [
      `World: ${describeWorld(world)}; seed ${SIZE.seed}, generated in ${round(generated.ms / 1000, 1)} s.`,
      `Findings: ${tally.findings.toLocaleString('en-US')} (${Object.entries(tally.byVerdict).map(([v, n]) => `${v} ${n.toLocaleString('en-US')}`).join(', ')}); ` +
        `${round((100 * tally.decidedByMap) / incidents.length, 1)} % of incidents decided by who held the place (rules 9-14).`,
      `Identical findings from both indexes on the first ${SUBSET.toLocaleString('en-US')} incidents (${check.findings.toLocaleString('en-US')} findings, sha256 ${check.digest}), and identical controllers at every one of their places and times.`,
      `Single thread; after a warm-up of ${WARM_UP.toLocaleString('en-US')} incidents; median of ${RUNS} runs; findings are counted, not stored. Index build: median of ${BUILDS} Rulebook constructions.`,
      `Speed-up of the index over the scan: ${round(flatRate / scanRate, 1)}x.`,
    ],
    figures: {
      world: { ...SIZE, actors: world.actors.length, agreements: world.agreements.length, generatedMs: round(generated.ms) },
      flatbush: { incidents: incidents.length, runsMs: flatRuns.ms.map((ms) => round(ms)), medianMs: round(flatMs), perSecond: round(flatRate), buildMs: round(median(flatBuild.ms), 3) },
      scan: { incidents: SUBSET, runsMs: scanRuns.ms.map((ms) => round(ms)), medianMs: round(scanMs), perSecond: round(scanRate), buildMs: round(median(scanBuild.ms), 3) },
      findings: { total: tally.findings, byVerdict: { ...tally.byVerdict }, incidentsDecidedByMap: tally.decidedByMap },
      check: { incidents: SUBSET, findings: check.findings, identical: true, sha256: check.digest },
    },
    goal: atLeast(`at least ${GOAL.toLocaleString('en-US')} incidents/s on one core with the flatbush index`, 'incidents/s', GOAL, round(flatRate)),
  };
}

/** Judges the first `count` incidents, keeping only counts: the findings die young. */
function adjudicateAll(book: Rulebook, incidents: Incident[], count: number): Tally {
  const byVerdict: Record<Verdict, number> = { violation: 0, needs_review: 0, permitted: 0, not_covered: 0 };
  let findings = 0, decidedByMap = 0;
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

/** Throws at the first incident where the two books disagree, on a finding or on who held the place. */
function compareIndexes(a: Rulebook, b: Rulebook, incidents: Incident[], count: number): { findings: number; digest: string } {
  const hash = createHash('sha256');
  let findings = 0;
  for (let i = 0; i < count; i++) {
    const incident = incidents[i]!;
    const { lon, lat } = incident.location;
    const ca = a.controllersAt(lon, lat, incident.occurredAt), cb = b.controllersAt(lon, lat, incident.occurredAt);
    const fa = adjudicateIncident(a, incident), fb = adjudicateIncident(b, incident);
    if (!isDeepStrictEqual(ca, cb) || !isDeepStrictEqual(fa, fb)) {
      throw new Error(`flatbush and scan disagree on incident ${incident.id}:\n` +
        `  flatbush: controllers ${JSON.stringify(ca)}, findings ${JSON.stringify(fa)}\n` +
        `  scan:     controllers ${JSON.stringify(cb)}, findings ${JSON.stringify(fb)}`);
    }
    hash.update(JSON.stringify(fa));
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
  return `${world.zones.length.toLocaleString('en-US')} zones (${Object.entries(shapes).map(([k, n]) => `${n} ${k}`).join(', ')}; ` +
    `${entries.toLocaleString('en-US')} control entries), ${world.actors.length} actors, ` +
    `${world.agreements.length} agreements (${world.agreements.map((g) => g.id).join(', ')}), ` +
    `${world.incidents.length.toLocaleString('en-US')} incidents over 2016-2019`;
}
