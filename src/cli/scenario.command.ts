/** `truce scenario run FILE [--explain]`. */
import { readFile } from 'node:fs/promises';
import { explainEvaluation } from '../scenario/explain.ts';
import { toResultDocument } from '../scenario/result.ts';
import { runScenario } from '../scenario/run-scenario.ts';
import { formatProblem, type Problem } from '../scenario/validate.ts';
import { EXIT, type Io } from './io.ts';

export async function scenarioRun(io: Io, file: string, options: { explain: boolean }): Promise<number> {
  const run = runScenario(await readFile(file, 'utf8'));
  if (!run.ok) return reportProblems(io, file, run.problems);
  io.out(
    options.explain
      ? explainEvaluation(run.bundle.name, run.world, run.evaluation)
      : `${JSON.stringify(toResultDocument(run.evaluation), null, 2)}\n`,
  );
  return EXIT.ok;
}

export function reportProblems(io: Io, file: string, problems: Problem[]): number {
  io.err(`${file}: the bundle is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n`);
  for (const p of problems) io.err(`  ${formatProblem(p)}\n`);
  return EXIT.invalid;
}
