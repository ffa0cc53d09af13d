import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../domain/time.ts';
import { type ResultDocument, toResultDocument } from './result.ts';
import { runScenario } from './run-scenario.ts';

/** The shared examples live beside this repository: /work/shared/examples. */
const EXAMPLES = new URL('../../../shared/examples/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, EXAMPLES), 'utf8');

/** Without `explanation`, which is free text; `at` as an instant, since any offset may be used. */
function structured(doc: ResultDocument) {
  return {
    format: doc.format,
    findings: doc.findings.map(({ incident, agreement, verdict, violator, reasons }) => ({
      incident,
      agreement,
      verdict,
      violator,
      reasons,
    })),
    territory: doc.territory.map(({ zone, at, agreement, verdict, violators, reasons }) => ({
      zone,
      at: parseInstant(at),
      agreement,
      verdict,
      violators,
      reasons,
    })),
    deconfliction: doc.deconfliction,
    convoys: doc.convoys,
    calm: doc.calm,
  };
}

describe('the shared example: aleppo-2016', () => {
  const run = runScenario(read('aleppo-2016.json'));
  const expected = JSON.parse(read('aleppo-2016.expected.json')) as ResultDocument;
  if (!run.ok) throw new Error(`the example is rejected: ${JSON.stringify(run.problems)}`);
  const actual = toResultDocument(run.evaluation);

  it('the expected file is what this test thinks it is', () => {
    expect(expected.format).toBe('truce-result/1');
    expect(expected.findings.length).toBeGreaterThan(5);
    expect(expected.territory.length).toBeGreaterThan(0);
    expect(expected.deconfliction.length).toBeGreaterThan(0);
    expect(expected.convoys.length).toBeGreaterThan(0);
    expect(expected.calm).not.toBeNull();
  });

  it('has the format and every list', () => {
    expect(actual.format).toBe('truce-result/1');
    for (const key of ['findings', 'territory', 'deconfliction', 'convoys'] as const)
      expect(Array.isArray(actual[key])).toBe(true);
  });

  it('reproduces the findings: incident, agreement, verdict, violator and reasons, in order', () => {
    expect(structured(actual).findings).toEqual(structured(expected).findings);
  });

  it('reproduces the territory findings, comparing `at` as an instant', () => {
    const want = structured(expected).territory;
    expect(want.every((t) => t.at !== null)).toBe(true);
    expect(structured(actual).territory).toEqual(want);
  });

  it('reproduces deconfliction: operations, sites and notification exactly, clearances within 0.5 % (or a metre)', () => {
    expect(actual.deconfliction.map((d) => d.operation)).toEqual(expected.deconfliction.map((d) => d.operation));
    actual.deconfliction.forEach((d, k) => {
      const want = expected.deconfliction[k]!;
      expect(d.conflicts.map(({ site, notified }) => ({ site, notified }))).toEqual(
        want.conflicts.map(({ site, notified }) => ({ site, notified })),
      );
      d.conflicts.forEach((c, j) => {
        const wantM = want.conflicts[j]!.clearance_m;
        expect(Number.isInteger(c.clearance_m)).toBe(true);
        expect(Math.abs(c.clearance_m - wantM)).toBeLessThanOrEqual(Math.max(1, wantM * 0.005));
      });
    });
  });

  it('reproduces the convoys', () => {
    expect(actual.convoys).toEqual(expected.convoys);
  });

  it('reproduces the calm count', () => {
    expect(actual.calm).toEqual(expected.calm);
  });

  it('every finding has an explanation in words: names, not ids or reason codes', () => {
    const ids = [
      ...new Set([
        ...actual.findings.flatMap((f) => [f.agreement, f.violator]),
        ...actual.territory.flatMap((t) => [t.agreement, ...t.violators]),
      ]),
    ].filter((id): id is string => id !== null && id.includes('-'));
    for (const f of [...actual.findings, ...actual.territory]) {
      expect(f.explanation.trim().length).toBeGreaterThan(20);
      for (const reason of f.reasons) expect(f.explanation, `${JSON.stringify(f)}`).not.toContain(reason);
      for (const id of ids) expect(f.explanation, `${JSON.stringify(f)}`).not.toContain(`(${id})`);
    }
  });

  it('round-trips through JSON unchanged (what `scenario run` prints)', () => {
    expect(JSON.parse(JSON.stringify(actual))).toEqual(actual);
  });
});

describe('runScenario on a bad bundle', () => {
  it('rejects invalid JSON without evaluating', () => {
    const run = runScenario('{ "format": "truce-scenario/1", ');
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.problems[0]!.path).toBe('(document)');
  });

  it('rejects the example with two problems put in, naming both', () => {
    const bundle = JSON.parse(read('aleppo-2016.json')) as {
      incidents: { location: { lat: number }; perpetrator: string | null }[];
    };
    bundle.incidents[3]!.location.lat = 95;
    bundle.incidents[4]!.perpetrator = 'nobody';
    const run = runScenario(JSON.stringify(bundle));
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'incidents[3].location.lat: must be between -90 and 90',
      'incidents[4].perpetrator: unknown actor "nobody"',
    ]);
  });
});
