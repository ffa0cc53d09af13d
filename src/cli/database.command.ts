/** Commands over the database: `scenario load`, `findings`. */
import { readFile } from 'node:fs/promises';
import { listStoredFindings } from '../app/findings/list-findings.ts';
import { loadScenario } from '../app/scenario/load-scenario.ts';
import { explainEvaluation } from '../scenario/explain.ts';
import { toResultDocument } from '../scenario/result.ts';
import { type Database, databaseOptionsFrom, openDatabase } from '../store/database.ts';
import { EXIT, type Io } from './io.ts';
import { reportProblems } from './scenario.command.ts';

export type DbFlags = { data?: string | undefined; 'database-url'?: string | undefined };

/** Opens the database the flags and environment name, runs fn, and always closes it. */
export async function withDatabase<T>(flags: DbFlags, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseOptionsFrom(flags));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export async function scenarioLoad(io: Io, file: string, flags: DbFlags): Promise<number> {
  const text = await readFile(file, 'utf8');
  return withDatabase(flags, async (db) => {
    const result = await loadScenario(db, text);
    if (!result.ok) return reportProblems(io, file, result.problems);
    const { records, findings } = result.summary;
    io.out(`Loaded ${file}${result.summary.name ? ` (${result.summary.name})` : ''}:\n`);
    for (const [kind, n] of Object.entries(records)) {
      io.out(`  ${kind.padEnd(16)} ${n.added} added, ${n.changed} changed, ${n.unchanged} unchanged\n`);
    }
    for (const [kind, c] of Object.entries(findings)) {
      io.out(
        `  ${`${kind} findings`.padEnd(16)} ${c.inserted} new, ${c.updated} revised, ${c.withdrawn} withdrawn, ${c.unchanged} unchanged\n`,
      );
    }
    return EXIT.ok;
  });
}

export async function findings(io: Io, options: { json: boolean }, flags: DbFlags): Promise<number> {
  return withDatabase(flags, async (db) => {
    const stored = await listStoredFindings(db, { incidents: !options.json });
    io.out(
      options.json
        ? `${JSON.stringify(toResultDocument(stored.evaluation), null, 2)}\n`
        : explainEvaluation(stored.name, stored.world, stored.evaluation),
    );
    return EXIT.ok;
  });
}
