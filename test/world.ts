/** The HTTP test world with the project's demo bundle (Syria 2016) loaded. */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../src/app/scenario/load-scenario.ts';
import type { Database } from '../src/store/sql.ts';
import { startTestServer, type TestServer } from './server.ts';

export const SYRIA = readFileSync(new URL('../examples/syria-2016.json', import.meta.url), 'utf8');

export async function startWorldServer(db: Database): Promise<TestServer> {
  const server = await startTestServer(db);
  const loaded = await loadScenario(db, SYRIA);
  if (!loaded.ok) throw new Error(`the demo bundle did not load: ${JSON.stringify(loaded.problems)}`);
  return server;
}

/** Rows in a table, counted as the system (tests check that a refused write wrote nothing). */
export async function countRows(db: Database, table: string): Promise<number> {
  return (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
}

/** `+03:00` in a query string. */
export const q = (iso: string): string => encodeURIComponent(iso);
