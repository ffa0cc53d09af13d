/**
 * Once per test run: a migrated PGlite data directory, dumped to a file that every storage test
 * file restores (about 1 s) instead of running initdb and the migrations again (4-8 s).
 * Says plainly when the PostgreSQL runs are skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/store/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    /** Where the e2e tests keep the world they seed once (e2e/harness.ts). */
    e2eWorldDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-test-'));
  const db = await openDatabase({ dataDir: 'memory://' });
  const dump = await db.dumpDataDir!();
  await db.close();
  const file = join(dir, 'pglite.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  project.provide('e2eWorldDir', dir);
  if (!process.env.TRUCE_TEST_DATABASE_URL) {
    console.log('\nPostgreSQL runs skipped: TRUCE_TEST_DATABASE_URL is not set (storage tests ran on PGlite only).\n');
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
