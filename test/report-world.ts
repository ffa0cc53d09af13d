/**
 * The world the report and incident tests run in: the test server with its accounts, the
 * project's Syria 2016 bundle loaded (actors, the cessation of hostilities, 30 incidents, all
 * public), and builders for report bodies.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadScenario } from '../src/app/scenario/load-scenario.ts';
import type { Database } from '../src/store/sql.ts';
import { startTestServer, type TestServer } from './server.ts';

const SYRIA = readFileSync(new URL('../examples/syria-2016.json', import.meta.url), 'utf8');

export async function startWorld(db: Database): Promise<TestServer> {
  const server = await startTestServer(db);
  const loaded = await loadScenario(db, SYRIA);
  if (!loaded.ok) throw new Error(`the Syria bundle did not load: ${JSON.stringify(loaded.problems)}`);
  return server;
}

/** An account of the strike on the aid convoy at Urum al-Kubra, 19 September 2016 (incidents i28, i29). */
export const urumReport = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  claimed_at: '2016-09-19T19:15:00+03:00',
  time_precision_s: 1_800,
  location: { lon: 36.931, lat: 36.155 },
  location_precision_m: 500,
  narrative: 'Aid convoy struck from the air at Urum al-Kubra; warehouses and trucks burning.',
  alleged_perpetrator: 'sy-gov',
  target: { civilian: 'convoy' },
  act: 'air_strike',
  casualties: { low: 10, best: 14, high: 20 },
  classification: 'public',
  ...over,
});

export const attachment = (bytes: Buffer, over: Record<string, unknown> = {}) => ({
  filename: 'photo.jpg',
  media_type: 'image/jpeg',
  content_base64: bytes.toString('base64'),
  ...over,
});

/** Files a report as `user` and returns it; fails the test unless it is created. */
export async function fileReport(server: TestServer, user: string, body: Record<string, unknown>): Promise<any> {
  const res = await server.call(user, { method: 'POST', url: '/api/v1/reports', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Creates an incident as `user` and returns it; fails the test unless it is created. */
export async function createIncident(server: TestServer, user: string, body: Record<string, unknown>): Promise<any> {
  const res = await server.call(user, { method: 'POST', url: '/api/v1/incidents', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Audit entries about records (signing in is left out), counted as the owner. */
export async function recordAuditEntries(db: Database): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    `select count(*)::int as n from audit_log where entity not in ('user', 'api_token')`,
  );
  return r?.n ?? 0;
}

/** Rows in a table, counted as the owner (what is really stored). */
export async function rows(
  db: Database,
  table: 'reports' | 'report_attachments' | 'incidents' | 'findings' | 'finding_history',
): Promise<number> {
  const [r] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return r?.n ?? 0;
}
