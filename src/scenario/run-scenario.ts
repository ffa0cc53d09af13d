/** `scenario run`: validate a bundle's text and evaluate it, with no database. */
import { evaluate } from '../domain/evaluate.ts';
import type { Evaluation } from '../domain/findings.ts';
import type { World } from '../domain/model.ts';
import type { Bundle } from './bundle.schema.ts';
import { bundleToWorld } from './convert.ts';
import { type Problem, validateBundleText } from './validate.ts';

export type ScenarioRun =
  { ok: true; bundle: Bundle; world: World; evaluation: Evaluation } | { ok: false; problems: Problem[] };

export function runScenario(text: string): ScenarioRun {
  const v = validateBundleText(text);
  if (!v.ok) return v;
  const world = bundleToWorld(v.bundle);
  return { ok: true, bundle: v.bundle, world, evaluation: evaluate(world) };
}
