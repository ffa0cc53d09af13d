/**
 * The worked examples: each bundle beside the result worked out independently of this engine
 * (by hand from the spec and by a separate reference implementation), compared on every
 * structured field. Instants are compared as instants; explanations are for people.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toResultDocument } from './result.ts';
import { runScenario } from './run-scenario.ts';

const EXAMPLES = [
  [
    'shared aleppo-2016',
    '../../../shared/examples/aleppo-2016.json',
    '../../../shared/examples/aleppo-2016.expected.json',
  ],
  ['project syria-2016 demo', '../../examples/syria-2016.json', '../../examples/syria-2016.expected.json'],
] as const;

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** The structured fields only, with every `at` as a UTC instant. */
function structured(doc: unknown): unknown {
  return JSON.parse(
    JSON.stringify(doc, (key, value: unknown) => {
      if (key === 'explanation') return undefined;
      if (key === 'at' && typeof value === 'string') return new Date(value).toISOString();
      return value;
    }),
  );
}

describe.each(EXAMPLES)('%s', (_name, bundle, expected) => {
  const run = runScenario(read(bundle));
  const want = structured(JSON.parse(read(expected))) as Record<string, unknown>;

  it('is a valid bundle', () => {
    expect(run.ok ? [] : run.problems).toEqual([]);
  });

  it.each(['findings', 'territory', 'deconfliction', 'convoys', 'calm'])('reproduces %s', (section) => {
    if (!run.ok) throw new Error('invalid bundle');
    const got = structured(toResultDocument(run.evaluation)) as Record<string, unknown>;
    expect(got[section]).toEqual(want[section]);
  });
});
