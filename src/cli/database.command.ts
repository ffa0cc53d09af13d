/** Commands over the database: `scenario load`, `findings`. */
import { readFile } from 'node:fs/promises';
import { type AppContext, createContext } from '../app/context.ts';
import { AppError } from '../app/errors.ts';
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

/**
 * Opens the database and a context for the use cases fn calls (closed, and the audit trail sealed, after), and
 * says a use case's refusal in one line: a refusal of the input (invalid, conflicting, not found) exits 2, any
 * other 1. `where` says what was at fault (by default the field's path).
 */
export async function withContext(
  io: Io,
  command: string,
  flags: DbFlags,
  fn: (ctx: AppContext) => Promise<number>,
  where: (e: AppError) => string = (e) => `${e.path ? `${e.path}: ` : ''}${e.message}`,
): Promise<number> {
  return withDatabase(flags, async (db) => {
    const ctx = createContext(db);
    try {
      return await fn(ctx);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      io.err(`truce ${command}: ${where(e)}\n`);
      return ['VALIDATION', 'CONFLICT', 'NOT_FOUND'].includes(e.code) ? EXIT.invalid : EXIT.failure;
    } finally {
      await ctx.close();
    }
  });
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
