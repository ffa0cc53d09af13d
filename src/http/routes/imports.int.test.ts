/**
 * Imports over HTTP (docs/imports.md): UCDP GED, ACLED and HXL CSV sent as the body, on the demo
 * world. A dry run writes nothing and tells what would change; a file with a bad row is refused
 * whole, naming each bad row by line and column; a file imported twice changes nothing the second
 * time; the findings are judged; the classification chosen holds; HXL exported then imported into
 * a new database gives the same findings; an import streams its progress when asked.
 */
import { readFileSync } from 'node:fs';
import { expect, inject, it } from 'vitest';
import { loadScenario } from '../../app/scenario/load-scenario.ts';
import { buildServer } from '../server.ts';
import { openDatabase } from '../../store/database.ts';
import type { Database } from '../../store/sql.ts';
import { describeEachDatabase, emptyDatabase } from '../../../test/databases.ts';
import { PASSWORD, startTestServer } from '../../../test/server.ts';
import { startWorld } from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'utf8');
const UCDP = fixture('ucdp-sample.csv');
const ACLED = fixture('acled-sample.csv');
const SYRIA = readFileSync(new URL('../../../examples/syria-2016.json', import.meta.url), 'utf8');
const REAL_UCDP = new URL('../../../../shared/data/events/ucdp_ged_syria_20160101-20191130.csv', import.meta.url);

/** The sample UCDP file without its two bad rows (lines 34 and 39: each row is one line there). */
const UCDP_GOOD = UCDP.split('\n')
  .filter((_, i) => i + 1 !== 34 && i + 1 !== 39)
  .join('\n');

const counts = async (db: Database) =>
  (
    await db.query<{ incidents: number; findings: number; actors: number; audit: number }>(
      `select (select count(*)::int from incidents) as incidents, (select count(*)::int from findings) as findings,
              (select count(*)::int from actors) as actors, (select count(*)::int from audit_log) as audit`,
    )
  )[0]!;

describeEachDatabase('imports over HTTP', (db) => {
  const server = useTestServer(db, { start: startWorld });
  /** The counts, once the users who will call have signed in (signing in is audited). */
  const countsAfterSignIn = async (...users: string[]) => {
    for (const u of users) await server.as(u);
    return counts(db());
  };
  const post = (user: string | null, query: string, body: string, headers: Record<string, string> = {}) =>
    server.call(user, {
      method: 'POST',
      url: `/api/v1/imports?${query}`,
      headers: { 'content-type': 'text/csv', ...headers },
      payload: body,
    });

  it('tells in a dry run what a UCDP file would change, and writes nothing', async () => {
    await server.fresh();
    const before = await countsAfterSignIn('us-analyst', 'ngo-analyst');
    const res = await post('us-analyst', 'format=ucdp&dry_run=true', UCDP_GOOD);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({
      format: 'ucdp',
      dry_run: true,
      rows: 38,
      incidents: { new: 38, unchanged: 0, differing: 0 },
      written: false,
    });
    expect(report.findings.total).toBeGreaterThan(0);
    expect(report.notes).toEqual([
      { line: 28, path: 'low/best/high', message: 'best (142) is below low (177); kept as UCDP published it' },
    ]);
    expect(await counts(db())).toEqual(before);
  });

  it('refuses a file with bad rows whole, naming each by its line and column', async () => {
    await server.fresh();
    const before = await countsAfterSignIn('us-analyst', 'ngo-analyst');
    for (const dry of ['true', 'false']) {
      const res = await post('us-analyst', `format=ucdp&dry_run=${dry}`, UCDP);
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json();
      expect(body).toMatchObject({ code: 'VALIDATION', path: 'line 34: latitude' });
      expect(body.message).toMatch(/^2 of 40 rows cannot be imported, so nothing was: line 34: latitude/);
      expect(body.problems.map((p: { line: number; path: string }) => [p.line, p.path])).toEqual([
        [34, 'latitude'],
        [39, 'date_start'],
      ]);
      // Each problem also as a statement, for the reader's language; the English is rendered from it.
      expect(body.problems.map((p: { message: string; statement: unknown }) => [p.message, p.statement])).toEqual([
        [
          'must be between -90 and 90, not "123"',
          {
            code: 'problem.import_between',
            params: { value: { text: '123' }, min: { number: -90 }, max: { number: 90 } },
          },
        ],
        [
          'must be a date YYYY-MM-DD, not "2016-02-30"',
          { code: 'problem.import_day', params: { value: { text: '2016-02-30' } } },
        ],
      ]);
    }
    expect(await counts(db())).toEqual(before);
  });

  it('imports a UCDP file, judges it, audits it under the classification chosen, and adds nothing the second time', async () => {
    await server.fresh();
    const before = await countsAfterSignIn('us-analyst', 'ngo-analyst');
    const res = await post('ngo-analyst', 'format=ucdp&classification=org', UCDP_GOOD);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ written: true, incidents: { new: 38, unchanged: 0 } });
    const after = await counts(db());
    expect(after.incidents - before.incidents).toBe(38);
    expect(after.findings - before.findings).toBe(report.findings.total);
    const [stored] = await db().query<{ classification: string; owner_org: string }>(
      `select classification, owner_org from incidents where id = 'ucdp-318815~ngo'`,
    );
    expect(stored).toEqual({ classification: 'org', owner_org: 'ngo' });
    const audit = await db().query<{ user_id: string; classification: string; owner_org: string }>(
      `select user_id, classification, owner_org from audit_log where action = 'import'`,
    );
    expect(audit.length).toBeGreaterThan(0);
    expect(audit[0]).toMatchObject({ classification: 'org', owner_org: 'ngo' });
    // Classified for the NGO: another organization sees none of them.
    const seen = async (user: string) =>
      (await server.call(user, { method: 'GET', url: '/api/v1/incidents?limit=500' }))
        .json()
        .items.filter((i: { id: string }) => i.id.startsWith('ucdp-')).length;
    expect(await seen('ngo-analyst')).toBe(38);
    expect(await seen('us-analyst')).toBe(0);

    const again = await post('ngo-analyst', 'format=ucdp&classification=org', UCDP_GOOD);
    expect(again.json()).toMatchObject({ incidents: { new: 0, unchanged: 38, differing: 0 }, actors_new: [] });
    expect(await counts(db())).toMatchObject({ incidents: after.incidents, findings: after.findings });
  });

  it('answers and stores the same whether or not an incident the caller may not see has the same source id', async () => {
    await server.fresh();
    const importAs = async (user: string, query: string) => {
      const res = await post(user, `format=acled&${query}`, ACLED);
      expect(res.statusCode, res.body).toBe(200);
      const { actors_new: _, ...answer } = res.json();
      return answer;
    };
    // Without a hidden twin: what the NGO's dry run and import answer, and what they store.
    const alone = { dry: await importAs('ngo-analyst', 'dry_run=true&classification=org') };
    const aloneWritten = await importAs('ngo-analyst', 'classification=org');
    const stored = async () =>
      db().query<Record<string, unknown>>(
        `select id, owner_org, classification from incidents where source = 'acled' order by id`,
      );
    const ngoOwn = await stored();
    expect(ngoOwn.map((r) => r.id)).toEqual(['9001', '9002', '9003', '9004'].map((n) => `acled-SYR${n}~ngo`));

    // The same file, imported first by the US for itself only: the NGO's answers and records do not change.
    await emptyDatabase(db());
    await server.fresh();
    await importAs('us-analyst', 'classification=org');
    const dry = await importAs('ngo-analyst', 'dry_run=true&classification=org');
    const written = await importAs('ngo-analyst', 'classification=org');
    expect({ dry, written }).toEqual({ dry: alone.dry, written: aloneWritten });
    expect(await stored()).toEqual(
      [
        ...ngoOwn,
        ...['9001', '9002', '9003', '9004'].map((n) => ({
          id: `acled-SYR${n}~us`,
          owner_org: 'us',
          classification: 'org',
        })),
      ].sort((a, b) => String(a.id).localeCompare(String(b.id))),
    );
    // One the NGO may see is stored already: the US's public import is not imported again.
    await emptyDatabase(db());
    await server.fresh();
    await importAs('us-analyst', 'classification=public');
    expect(await importAs('ngo-analyst', 'classification=org')).toMatchObject({
      incidents: { new: 0, unchanged: 4, differing: 0 },
      written: true,
    });
  });

  it('reads the whole UCDP Syria file in a dry run', { timeout: 120_000 }, async () => {
    await server.fresh();
    const before = await countsAfterSignIn('us-analyst', 'ngo-analyst');
    const res = await post('us-analyst', 'format=ucdp&dry_run=true', readFileSync(REAL_UCDP, 'utf8'));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json()).toMatchObject({ rows: 16_566, incidents: { new: 16_566 }, written: false });
    expect(await counts(db())).toEqual(before);
  });

  it('imports ACLED: its event types as acts, its actors by name, protests left out, bad rows named', async () => {
    await server.fresh();
    const dry = await post('us-analyst', 'format=acled&dry_run=true&classification=public', ACLED);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ rows: 5, skipped: 1, incidents: { new: 4 }, written: false });
    expect(dry.json().notes).toEqual([
      { line: 6, path: 'event_type', message: 'Protests are not incidents of a truce' },
    ]);

    const res = await post('us-analyst', 'format=acled&classification=public', ACLED);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await db().query<Record<string, unknown>>(
      `select id, act, perpetrator, target_civilian, target_actor, deaths_best, source, source_ref, place
         from incidents where source = 'acled' order by id`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'acled-SYR9001~us',
        act: 'air_strike',
        perpetrator: 'sy-gov',
        target_civilian: 'civilians',
        deaths_best: 20,
        source_ref: 'SYR9001',
        place: 'Urum al-Kubra, Jebel Saman, Aleppo',
      }),
      expect.objectContaining({ id: 'acled-SYR9002~us', act: 'shelling', perpetrator: 'ru' }),
      expect.objectContaining({
        id: 'acled-SYR9003~us',
        act: 'ground_assault',
        perpetrator: 'hts',
        target_actor: 'sy-gov',
      }),
      expect.objectContaining({
        id: 'acled-SYR9004~us',
        act: 'arrest',
        perpetrator: null,
        target_civilian: 'civilians',
      }),
    ]);
    const [judged] = await db().query<{ n: number }>(
      `select count(*)::int as n from findings where subject_id = 'acled-SYR9001~us'`,
    );
    expect(judged!.n).toBeGreaterThan(0);
    const again = await post('us-analyst', 'format=acled&classification=public', ACLED);
    expect(again.json()).toMatchObject({ incidents: { new: 0, unchanged: 4 } });

    const bad = ACLED.replace('36.155,36.931', '36.155,east').replace('2016-09-20', '2016-09-31');
    const refused = await post('us-analyst', 'format=acled&dry_run=true', bad);
    expect(refused.statusCode).toBe(400);
    expect(
      refused.json().problems.map((p: { line: number; path: string; message: string }) => `${p.line} ${p.path}`),
    ).toEqual(['2 longitude', '3 event_date']);
  });

  it('refuses a file that is not of its format, an empty body, and a role that may not import', async () => {
    await server.fresh();
    const wrong = await post('us-analyst', 'format=acled', UCDP_GOOD);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/^line 1: not in the ACLED format: the header lacks event_id_cnty/);
    expect((await post('us-analyst', 'format=hxl', '')).statusCode).toBe(400);
    for (const user of ['us-monitor', 'us-reporter', 'ngo-humanitarian', 'ru-observer'])
      expect((await post(user, 'format=ucdp', UCDP_GOOD)).statusCode).toBe(403);
    expect((await post(null, 'format=ucdp', UCDP_GOOD)).statusCode).toBe(401);
  });

  it('imports GeoJSON zones and sites and bundles for the roles that may enter them by hand, names a bad feature by its index', async () => {
    await server.fresh();
    const square = [
      [40.05, 35.2],
      [40.2, 35.2],
      [40.2, 35.3],
      [40.05, 35.3],
      [40.05, 35.2],
    ];
    const bowTie = [
      [37.2, 36.0],
      [37.3, 36.1],
      [37.3, 36.0],
      [37.2, 36.1],
      [37.2, 36.0],
    ];
    const zones = (ring: number[][]) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: 'z1',
            properties: { name: 'Z', controlled_by: 'isil', valid_from: '2016-01-01' },
            geometry: { type: 'Polygon', coordinates: [ring] },
          },
        ],
      });
    const sites = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 's1', kind: 'school', owner: 'sarc', valid_from: '2016-09-01' },
          geometry: { type: 'Point', coordinates: [37.16, 36.21] },
        },
      ],
    });
    const before = await countsAfterSignIn(
      'us-analyst',
      'ngo-humanitarian',
      'us-monitor',
      'us-reporter',
      'ru-observer',
    );
    for (const user of ['us-monitor', 'us-reporter', 'ngo-humanitarian', 'ru-observer'])
      expect((await post(user, 'format=geojson_zones', zones(square))).statusCode).toBe(403);
    for (const user of ['us-monitor', 'us-reporter', 'ru-observer'])
      expect((await post(user, 'format=geojson_sites', sites)).statusCode).toBe(403);
    for (const user of ['us-monitor', 'ngo-humanitarian'])
      expect((await post(user, 'format=bundle', SYRIA)).statusCode).toBe(403);
    expect((await post(null, 'format=geojson_zones', zones(square))).statusCode).toBe(401);

    const refused = await post('us-analyst', 'format=geojson_zones', zones(bowTie));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION', path: 'features[0].geometry.coordinates[0]' });
    expect(refused.json().problems).toEqual([
      {
        line: 0,
        path: 'features[0].geometry.coordinates[0]',
        message: 'the ring crosses itself near 36.0500° N, 37.2500° E',
        statement: { code: 'problem.ring_crosses', params: { point: { point: { lon: 37.25, lat: 36.05 } } } },
      },
    ]);
    expect(await counts(db())).toEqual(before);
    const repaired = await post('us-analyst', 'format=geojson_zones&dry_run=true&repair=true', zones(bowTie));
    expect(repaired.statusCode, repaired.body).toBe(200);
    expect(repaired.json()).toMatchObject({
      format: 'geojson_zones',
      dry_run: true,
      records: [{ kind: 'zones', new: 1, unchanged: 0, differing: 0 }],
      repaired: [{ line: 0, path: 'features[0].geometry.coordinates[0]' }],
      written: false,
    });
    expect(await counts(db())).toEqual(before);

    const streamed = await post('us-analyst', 'format=geojson_zones&classification=task_force', zones(square), {
      accept: 'application/x-ndjson',
    });
    const lines = streamed.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1).report).toMatchObject({ written: true, records: [{ kind: 'zones', new: 1 }] });
    const site = await post('ngo-humanitarian', 'format=geojson_sites&classification=org', sites);
    expect(site.json()).toMatchObject({ written: true, records: [{ kind: 'protected_sites', new: 1 }] });
    const bundle = await post('us-analyst', 'format=bundle&dry_run=true', SYRIA);
    expect(bundle.statusCode, bundle.body).toBe(200);
    expect(bundle.json().incidents).toMatchObject({ new: 0, unchanged: 30 });
  });

  it('streams the progress of an import when asked, the report last', async () => {
    await server.fresh();
    const res = await post('us-analyst', 'format=ucdp&classification=task_force', UCDP_GOOD, {
      accept: 'application/x-ndjson',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ progress: { rows_written: 0, rows_total: 38 } });
    expect(lines.at(-2)).toEqual({ progress: { rows_written: 38, rows_total: 38 } });
    expect(lines.at(-1).report).toMatchObject({ written: true, incidents: { new: 38 } });
    // A refused file is still a 400 before any line is sent.
    const refused = await post('us-analyst', 'format=ucdp', UCDP, { accept: 'application/x-ndjson' });
    expect(refused.statusCode).toBe(400);
  });

  it('refuses a file larger than the limit (413) and writes nothing', async () => {
    await server.fresh();
    const app = await buildServer({ ctx: server.ctx, importMaxBytes: 1_000 });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'us-analyst', password: PASSWORD },
      });
      const cookie = login.cookies.find((c) => c.name === 'truce_session')!;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/imports?format=ucdp',
        headers: { cookie: `truce_session=${cookie.value}`, 'x-csrf-token': login.json().csrf_token },
        payload: UCDP_GOOD,
      });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    } finally {
      await app.close();
    }
  });

  it('round-trips HXL: exported, imported into a new database with the same world, the same findings', async () => {
    await server.fresh();
    const exported = await server.call('us-analyst', { method: 'GET', url: '/api/v1/incidents/export?format=hxl' });
    expect(exported.statusCode).toBe(200);
    // Into the same database: every incident is there already, as it is.
    const same = await post('us-analyst', 'format=hxl&dry_run=true', exported.body);
    expect(same.statusCode, same.body).toBe(200);
    const total = same.json().rows as number;
    expect(total).toBeGreaterThan(20);
    expect(same.json().incidents).toEqual({ new: 0, unchanged: total, differing: 0 });

    const fresh = await openDatabase({
      dataDir: 'memory://',
      loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]),
    });
    const other = await startTestServer(fresh);
    try {
      const world = JSON.parse(SYRIA);
      const loaded = await loadScenario(fresh, JSON.stringify({ ...world, incidents: [] }));
      expect(loaded.ok).toBe(true);
      const res = await other.call('us-analyst', {
        method: 'POST',
        url: '/api/v1/imports?format=hxl&classification=public',
        headers: { 'content-type': 'text/csv' },
        payload: exported.body,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ incidents: { new: total }, actors_new: [] });
      // Stored there as the US's own import of each (decision 031).
      const findings = (d: Database) =>
        d.query(
          `select replace(key, '~us:', ':') as key, verdict, violators, rule from findings where kind = 'incident' order by 1`,
        );
      expect(await findings(fresh)).toEqual(await findings(db()));
      const [ids] = await fresh.query<{ own: number; all: number }>(
        `select count(*) filter (where id like '%~us')::int as own, count(*)::int as "all" from incidents`,
      );
      expect(ids).toEqual({ own: total, all: total });
    } finally {
      await other.close();
      await fresh.close();
    }
  });
});
