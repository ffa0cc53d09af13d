import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { loadScenario } from '../../app/scenario/load-scenario.ts';
import type { Database } from '../../store/sql.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { openSse, type SseStream } from '../../../test/sse.ts';

const SYRIA = new URL('../../../examples/syria-2016.json', import.meta.url);
const AT = Date.parse('2016-09-19T18:00:00Z');

/** A stream's messages but the audit trail's (its sealing, of sign-ins and writes, comes when it comes). */
const records = (s: SseStream) => s.messages.filter((m) => m.data.type !== 'audit.appended');

/** A report written directly as the owner, as a use case would. */
async function insertReport(
  db: Database,
  id: string,
  classification: string,
  owner: string,
  where = { lon: 36.5, lat: 35.5 },
) {
  await db.query(
    `insert into reports (id, org_id, channel, claimed_at, lon, lat, act, narrative, classification, owner_org)
     values ($1, $2, 'web', $3, $4, $5, 'shelling', $6, $7, $2)`,
    [id, owner, new Date(AT).toISOString(), where.lon, where.lat, `report ${id}`, classification],
  );
}

describeEachDatabase('GET /api/v1/events (Server-Sent Events)', (db) => {
  let server: TestServer | undefined;
  const streams: SseStream[] = [];
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await server?.close();
    server = undefined;
  });

  /** The server listening on a real port, and a stream opener for any user. */
  async function listening() {
    server = await startTestServer(db());
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as { port: number };
    const s = server;
    return async (username: string | null, headers: Record<string, string> = {}) => {
      const cookie: Record<string, string> = username ? { cookie: (await s.as(username)).cookie } : {};
      const stream = await openSse(`http://127.0.0.1:${port}/api/v1/events`, { ...cookie, ...headers });
      streams.push(stream);
      return stream;
    };
  }

  it('refuses strangers, and streams text/event-stream with a retry line to a signed-in caller', async () => {
    const open = await listening();
    expect((await open(null)).status).toBe(401);
    const stream = await open('ngo-reporter');
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toBe('no-store, no-transform'); // like every API answer: no copy anywhere
    expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
    await expect.poll(() => stream.raw()).toMatch(/^retry: \d+\n/);
  });

  it('sends a co_chairs report to a co-chair analyst but not to an NGO reporter; a public one to both', async () => {
    const open = await listening();
    const analyst = await open('us-analyst');
    const ngo = await open('ngo-reporter');
    const unAnalyst = await open('un-ose-analyst');
    await insertReport(db(), 'r-secret', 'co_chairs', 'ru');
    await insertReport(db(), 'r-public', 'public', 'ru');
    server!.ctx.events.publish({ type: 'report.created', entity: 'report', id: 'r-secret', at: AT });
    server!.ctx.events.publish({ type: 'report.created', entity: 'report', id: 'r-public', at: AT });

    const secret = await analyst.waitFor((m) => m.data.id === 'r-secret');
    expect(secret.id).toMatch(/^[0-9a-f]+-\d+$/);
    expect(secret.data).toMatchObject({
      type: 'report.created',
      entity: 'report',
      id: 'r-secret',
      at: '2016-09-19T18:00:00.000Z',
      data: { id: 'r-secret', org: 'ru', classification: 'co_chairs', act: 'shelling', narrative: 'report r-secret' },
    });
    await analyst.waitFor((m) => m.data.id === 'r-public');
    // Events are handled in order: once the public one is there, the secret one was judged already.
    await ngo.waitFor((m) => m.data.id === 'r-public');
    await unAnalyst.waitFor((m) => m.data.id === 'r-public');
    expect(records(ngo).map((m) => m.data.id)).toEqual(['r-public']);
    expect(records(unAnalyst).map((m) => m.data.id)).toEqual(['r-public']);
    expect(ngo.raw()).not.toContain('r-secret');
  });

  it('streams a report filed through POST /reports to those who may see it', async () => {
    const open = await listening();
    const analyst = await open('us-analyst');
    const ngo = await open('ngo-reporter');
    const file = (classification: string) =>
      server!.call('ru-reporter', {
        method: 'POST',
        url: '/api/v1/reports',
        payload: {
          claimed_at: '2016-09-19T18:00:00+03:00',
          location: { lon: 36.5, lat: 35.5 },
          act: 'shelling',
          classification,
        },
      });
    const secret = await file('co_chairs');
    const open1 = await file('public');
    expect([secret.statusCode, open1.statusCode]).toEqual([201, 201]);
    await analyst.waitFor((m) => m.data.type === 'report.created' && m.data.id === secret.json().id);
    await analyst.waitFor((m) => m.data.type === 'report.created' && m.data.id === open1.json().id);
    await ngo.waitFor((m) => m.data.type === 'report.created' && m.data.id === open1.json().id);
    expect(ngo.raw()).not.toContain(secret.json().id);
  });

  it('shows an org-classified report only to its own organization', async () => {
    const open = await listening();
    const own = await open('ngo-observer');
    const other = await open('us-admin');
    await insertReport(db(), 'r-own', 'org', 'ngo');
    await insertReport(db(), 'r-after', 'public', 'ngo');
    for (const id of ['r-own', 'r-after'])
      server!.ctx.events.publish({ type: 'report.created', entity: 'report', id, at: AT });
    await own.waitFor((m) => m.data.id === 'r-own');
    await other.waitFor((m) => m.data.id === 'r-after');
    expect(records(other).map((m) => m.data.id)).toEqual(['r-after']);
  });

  it('sends changed findings as their readers see them, with an alert for a violation', async () => {
    const open = await listening();
    const loaded = await loadScenario(db(), readFileSync(SYRIA, 'utf8'));
    expect(loaded.ok).toBe(true);
    const [violation, hidden] = await db().query<{ key: string; subject_id: string }>(
      `select key, subject_id from findings where kind = 'incident' and verdict = 'violation' order by key limit 2`,
    );
    await db().query(`update incidents set classification = 'co_chairs' where id = $1`, [hidden!.subject_id]);
    const analyst = await open('ru-analyst');
    const ngo = await open('ngo-humanitarian');
    for (const f of [hidden!, violation!])
      server!.ctx.events.publish({ type: 'finding.changed', entity: 'finding', id: f.key, at: AT });

    const alert = await ngo.waitFor((m) => m.data.type === 'alert' && m.data.id === violation!.key);
    expect(alert.data.data).toMatchObject({
      key: violation!.key,
      verdict: 'violation',
      reasons: expect.arrayContaining([expect.objectContaining({ rule: 'violation' })]),
    });
    expect(records(ngo).map((m) => [m.data.type, m.data.id])).toEqual([
      ['finding.changed', violation!.key],
      ['alert', violation!.key],
    ]);
    await analyst.waitFor((m) => m.data.type === 'alert' && m.data.id === violation!.key);
    expect(records(analyst).map((m) => [m.data.type, m.data.id])).toEqual([
      ['finding.changed', hidden!.key],
      ['alert', hidden!.key],
      ['finding.changed', violation!.key],
      ['alert', violation!.key],
    ]);
  });

  it("follows the record that moved findings: an incident's findings, an agreement only for those who may see it", async () => {
    const open = await listening();
    expect((await loadScenario(db(), readFileSync(SYRIA, 'utf8'))).ok).toBe(true);
    const first = async (agreement: string) =>
      (
        await db().query<{ subject_id: string }>(
          `select subject_id from findings where kind = 'incident' and verdict = 'violation' and agreement_id = $1 order by key limit 1`,
          [agreement],
        )
      )[0]!.subject_id;
    const [open1, secret1] = [await first('coh'), await first('coh-sept')];
    await db().query(`update agreements set classification = 'co_chairs' where id = 'coh-sept'`);
    const analyst = await open('us-analyst');
    const ngo = await open('ngo-reporter');
    server!.ctx.events.publish({ type: 'finding.changed', entity: 'agreement', id: 'coh-sept', at: AT });
    server!.ctx.events.publish({ type: 'finding.changed', entity: 'incident', id: secret1, at: AT });
    server!.ctx.events.publish({ type: 'finding.changed', entity: 'incident', id: open1, at: AT });
    const moved = await analyst.waitFor((m) => m.data.entity === 'agreement');
    expect(moved.data).toMatchObject({
      type: 'finding.changed',
      id: 'coh-sept',
      data: { id: 'coh-sept', classification: 'co_chairs' },
    });
    await analyst.waitFor((m) => m.data.type === 'finding.changed' && m.data.id === `incident:${secret1}:coh-sept`);
    await analyst.waitFor((m) => m.data.type === 'alert' && m.data.data.subject_id === open1);
    await ngo.waitFor((m) => m.data.type === 'alert' && m.data.data.subject_id === open1);
    const findings = ngo.messages.filter((m) => m.data.type === 'finding.changed');
    expect(findings.some((m) => m.data.id === `incident:${open1}:coh`)).toBe(true);
    // A finding under an agreement the NGO may not see is hidden like the agreement itself.
    expect(findings.map((m) => m.data.data.agreement_id)).not.toContain('coh-sept');
    expect(ngo.messages.some((m) => m.data.entity === 'agreement' || m.data.data.agreement_id === 'coh-sept')).toBe(
      false,
    );
  });

  it('alerts on a report within a notified protected site, naming only sites the reader may see', async () => {
    const open = await listening();
    await db().query(`insert into actors (id, name, kind) values ('un', 'United Nations', 'un')`);
    const site = (id: string, classification: string) =>
      db().query(
        `insert into protected_sites (id, kind, owner, geometry, buffer_m, valid_from, notified_to, classification)
       values ($1, 'hospital', 'un', '{"type":"Point","coordinates":[36.5,35.5]}', 500, '2016-01-01Z', '{ru,us}', $2)`,
        [id, classification],
      );
    await site('hospital-public', 'public');
    await site('hospital-secret', 'co_chairs');
    await insertReport(db(), 'r-near', 'public', 'ngo', { lon: 36.501, lat: 35.5 });
    const analyst = await open('us-analyst');
    const ngo = await open('ngo-reporter');
    server!.ctx.events.publish({ type: 'report.created', entity: 'report', id: 'r-near', at: AT });
    const sitesIn = (m: { data: { data: Record<string, unknown> } }) =>
      (m.data.data.reasons as { site: string }[]).map((r) => r.site);
    expect(sitesIn(await analyst.waitFor((m) => m.data.type === 'alert'))).toEqual([
      'hospital-public',
      'hospital-secret',
    ]);
    expect(sitesIn(await ngo.waitFor((m) => m.data.type === 'alert'))).toEqual(['hospital-public']);
  });

  it('gives an event id to send back as Last-Event-ID, and replays what was missed', async () => {
    const open = await listening();
    await insertReport(db(), 'r1', 'public', 'us');
    await insertReport(db(), 'r2', 'public', 'us');
    const first = await open('ngo-reporter');
    server!.ctx.events.publish({ type: 'report.created', entity: 'report', id: 'r1', at: AT });
    const seen = await first.waitFor((m) => m.data.id === 'r1');
    first.close();
    server!.ctx.events.publish({ type: 'report.created', entity: 'report', id: 'r2', at: AT });
    const again = await open('ngo-reporter', { 'last-event-id': seen.id! });
    await again.waitFor((m) => m.data.id === 'r2');
    expect(records(again).map((m) => m.data.id)).toEqual(['r2']);
  });

  it('lets go of a stream when the client leaves, and ends streams when the server closes', async () => {
    const open = await listening();
    const responses: ServerResponse[] = [];
    server!.app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.startsWith('/api/v1/events')) responses.push(res);
    });
    const leaving = await open('us-analyst');
    const staying = await open('us-observer');
    await expect.poll(() => staying.raw()).toContain('retry:');
    expect(responses.map((r) => r.writableEnded)).toEqual([false, false]);
    leaving.close();
    // The server ends the response (and drops the subscription) when the client goes away.
    await expect.poll(() => responses.map((r) => r.writableEnded)).toEqual([true, false]);
    const s = server!;
    server = undefined;
    await s.close();
    await staying.ended;
    expect(responses[1]!.writableEnded).toBe(true);
  });
});
