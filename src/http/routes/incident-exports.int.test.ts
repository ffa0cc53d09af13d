/**
 * Exports of the incidents list over HTTP: each format parsed back (GeoJSON, newline-delimited
 * GeoJSON, HXL CSV, ACLED CSV, the scenario bundle), the list's filters and the reader's
 * clearance honoured in every one, and the bundle's round trip (exported, loaded into a new
 * database, the same findings).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, inject, it } from 'vitest';
import { loadScenario } from '../../app/scenario/load-scenario.ts';
import { ACLED_COLUMNS } from '../../ingest/exports/acled-csv.ts';
import { openDatabase } from '../../store/database.ts';
import type { Database } from '../../store/sql.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { createIncident, startWorld } from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

const FORMATS = ['geojson', 'ndjson', 'hxl', 'acled', 'bundle'] as const;
type Format = (typeof FORMATS)[number];

/** The ids of the incidents a file of each format holds. */
function idsIn(format: Format, body: string): string[] {
  switch (format) {
    case 'geojson':
      return (JSON.parse(body) as { features: { id: string }[] }).features.map((f) => f.id);
    case 'ndjson':
      return body
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => (JSON.parse(l) as { id: string }).id);
    case 'hxl':
      return csv(body)
        .slice(2)
        .map((r) => r[0]!);
    case 'acled':
      return csv(body)
        .slice(1)
        .map((r) => r[0]!);
    case 'bundle':
      return (JSON.parse(body) as { incidents: { id: string }[] }).incidents.map((i) => i.id);
  }
}

const csv = (body: string): string[][] => parse(body, { bom: true, relax_column_count: false }) as string[][];

/** The findings as stored, in a form two databases can be compared by. */
const findingsOf = (db: Database) =>
  db.query(
    `select key, kind, subject_id, agreement_id, at, verdict, violators, reasons, rule, obligation, explanation
       from findings order by key`,
  );

describeEachDatabase('incident exports over HTTP', (db) => {
  const server = useTestServer(db, { start: startWorld });
  const download = async (user: string, query: string) => {
    const res = await server.call(user, { method: 'GET', url: `/api/v1/incidents/export?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const count = async (user: string, query = '') => {
    const res = await server.call(user, { method: 'GET', url: `/api/v1/incidents/count?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { count: number }).count;
  };

  it('writes GeoJSON (RFC 7946) with flat properties, names in both languages, and the list filtered', async () => {
    await server.fresh();
    const res = await download('ngo-observer', 'format=geojson');
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="truce-incidents-.*\.geojson"$/);
    const collection = res.json();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(await count('ngo-observer'));
    for (const f of collection.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      expect(f.geometry.coordinates).toEqual([expect.any(Number), expect.any(Number)]);
      expect(f.properties.id).toBe(f.id);
    }
    // The list's order: newest first.
    const times = collection.features.map((f: { properties: { occurred_at: string } }) => f.properties.occurred_at);
    expect([...times].sort().reverse()).toEqual(times);
    const bySyria = collection.features.find(
      (f: { properties: { perpetrator: string | null } }) => f.properties.perpetrator === 'sy-gov',
    );
    expect(bySyria.properties).toMatchObject({
      perpetrator_name: 'Syrian Arab Army and government forces',
      perpetrator_name_ar: 'الجيش العربي السوري والقوات الحكومية',
      governorate: expect.any(String),
      governorate_ar: expect.any(String),
      governorate_pcode: expect.stringMatching(/^SY\d\d$/),
      verdicts: expect.stringMatching(/^coh: /),
    });

    const filtered = await download('ngo-observer', 'format=geojson&act=air_strike&from=2016-03-01T00:00:00Z');
    const features = filtered.json().features;
    expect(features.length).toBeGreaterThan(0);
    expect(features.length).toBe(await count('ngo-observer', 'act=air_strike&from=2016-03-01T00:00:00Z'));
    expect(features.length).toBeLessThan(collection.features.length);
    for (const f of features) {
      expect(f.properties.act).toBe('air_strike');
      expect(f.properties.occurred_at >= '2016-03-01').toBe(true);
    }

    const lines = (await download('ngo-observer', 'format=ndjson&act=air_strike&from=2016-03-01T00:00:00Z')).body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual(features);
  });

  it('writes HXL CSV: headings in the reader’s language, the hashtag row, names and dates for people', async () => {
    await server.fresh();
    const en = csv((await download('ngo-observer', 'format=hxl')).body);
    expect(en[0]!.slice(0, 3)).toEqual(['Incident', 'Type', 'Date']);
    const tags = en[1]!;
    for (const tag of [
      '#event+type',
      '#date+occurred',
      '#adm1+name',
      '#adm1+code',
      '#geo+lat',
      '#geo+lon',
      '#group+name+perpetrator',
      '#affected+killed',
    ])
      expect(tags).toContain(tag);
    expect(en.length - 2).toBe(await count('ngo-observer'));
    const column = (rows: string[][], tag: string) => rows.slice(2).map((r) => r[tags.indexOf(tag)]!);
    for (const date of column(en, '#date+occurred')) expect(date).toMatch(/^2016-\d\d-\d\d$/);
    // A governorate for every incident in Syria (one or two of the bundle's lie across a border).
    const codes = column(en, '#adm1+code');
    for (const code of codes) expect(code).toMatch(/^(SY\d\d)?$/);
    expect(codes.filter((c) => c !== '').length).toBeGreaterThan(codes.length * 0.8);
    expect(column(en, '#group+name+perpetrator')).toContain('Syrian Arab Army and government forces');
    expect(column(en, '#adm1+name')).toContain('Aleppo');

    // Arabic: by the lang parameter or the request's language; the same rows, names in Arabic.
    const ar = csv((await download('ngo-observer', 'format=hxl&lang=ar')).body);
    expect(ar[0]![0]).toBe('الحادثة');
    expect(ar[1]).toEqual(tags);
    expect(column(ar, '#event+id')).toEqual(column(en, '#event+id'));
    expect(column(ar, '#group+name+perpetrator')).toContain('الجيش العربي السوري والقوات الحكومية');
    expect(column(ar, '#adm1+name')).toContain('حلب');
    const byHeader = await server.call('ngo-observer', {
      method: 'GET',
      url: '/api/v1/incidents/export?format=hxl',
      headers: { 'accept-language': 'ar-SY,ar;q=0.9' },
    });
    expect(csv(byHeader.body)[0]![0]).toBe('الحادثة');
    // A byte order mark first, so that a spreadsheet reads the Arabic as UTF-8.
    expect(byHeader.body.charCodeAt(0)).toBe(0xfeff);
  });

  it("writes ACLED-style CSV with ACLED's columns and event types", async () => {
    await server.fresh();
    const rows = csv((await download('ngo-observer', 'format=acled')).body);
    expect(rows[0]).toEqual([...ACLED_COLUMNS]);
    expect(rows.length - 1).toBe(await count('ngo-observer'));
    const at = (r: string[], c: (typeof ACLED_COLUMNS)[number]) => r[ACLED_COLUMNS.indexOf(c)]!;
    const types = new Set([
      'Battles',
      'Explosions/Remote violence',
      'Violence against civilians',
      'Strategic developments',
    ]);
    for (const r of rows.slice(1)) {
      expect(types).toContain(at(r, 'event_type'));
      expect(at(r, 'event_date')).toMatch(/^2016-\d\d-\d\d$/);
      expect(['Syria', '']).toContain(at(r, 'country'));
      expect(Number(at(r, 'fatalities'))).toBeGreaterThanOrEqual(0);
    }
    const geojson = (await download('ngo-observer', 'format=geojson')).json();
    const airStrike = geojson.features.find((f: { properties: { act: string } }) => f.properties.act === 'air_strike');
    const row = rows.find((r) => r[0] === airStrike.id)!;
    expect(rows.filter((r) => at(r, 'country') === 'Syria').length).toBeGreaterThan(rows.length * 0.8);
    expect([at(row, 'event_type'), at(row, 'sub_event_type')]).toEqual([
      'Explosions/Remote violence',
      'Air/drone strike',
    ]);
    expect(Number(at(row, 'latitude'))).toBe(airStrike.geometry.coordinates[1]);
  });

  it('gives a reader without clearance no classified incident in any format, and counts that match the list', async () => {
    await server.fresh();
    const secret = await createIncident(server, 'us-analyst', {
      occurred_at: '2016-05-01T10:00:00Z',
      location: { lon: 36.2, lat: 36.2 },
      act: 'shelling',
      perpetrator: 'sy-gov',
      headline: 'co-chairs only',
      classification: 'co_chairs',
    });
    const taskForce = await createIncident(server, 'un-ose-analyst', {
      occurred_at: '2016-05-02T10:00:00Z',
      location: { lon: 36.3, lat: 36.1 },
      act: 'shelling',
      perpetrator: 'sy-gov',
      classification: 'task_force',
    });
    for (const format of FORMATS) {
      const ngo = idsIn(format, (await download('ngo-observer', `format=${format}`)).body);
      expect(ngo, format).not.toContain(secret.id);
      expect(ngo, format).not.toContain(taskForce.id);
      expect(ngo.length, format).toBe(await count('ngo-observer'));
      const un = idsIn(format, (await download('un-ose-observer', `format=${format}`)).body);
      expect(un, format).not.toContain(secret.id);
      expect(un, format).toContain(taskForce.id);
      expect(un.length, format).toBe(await count('un-ose-observer'));
      const us = idsIn(format, (await download('us-observer', `format=${format}`)).body);
      expect(us, format).toContain(secret.id);
      expect(us.length, format).toBe(await count('us-observer'));
    }
    // Not by a filter either: asking for the classification finds nothing.
    expect(idsIn('geojson', (await download('ngo-observer', 'format=geojson&classification=co_chairs')).body)).toEqual(
      [],
    );
    // Strangers get nothing; a bad format is named.
    expect(
      (await server.call(null, { method: 'GET', url: '/api/v1/incidents/export?format=geojson' })).statusCode,
    ).toBe(401);
    const bad = await server.call('ngo-observer', { method: 'GET', url: '/api/v1/incidents/export?format=xlsx' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().path).toBe('querystring.format');
  });

  it('pages through more incidents than one read holds, each once, in order', async () => {
    await server.fresh();
    // 2,500 incidents more, five pages (of 500) and more, with times that tie; one in five for the co-chairs.
    await db().query(
      `insert into incidents (id, occurred_at, lon, lat, act, perpetrator, self_defense_claim, classification)
       select 'copy-' || g, timestamptz '2016-06-01T00:00:00Z' + (g % 700) * interval '1 hour', 36 + (g % 50) * 0.01, 35.5,
         'shelling', 'sy-gov', false, case when g % 5 = 0 then 'co_chairs' else 'public' end
       from generate_series(1, 2500) g`,
    );
    const ids = idsIn('ndjson', (await download('ngo-observer', 'format=ndjson&sort=occurred_at')).body);
    expect(ids.length).toBe(await count('ngo-observer'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('copy-'))).toHaveLength(2000);
    const byDeaths = idsIn('acled', (await download('us-observer', 'format=acled&sort=-deaths')).body);
    expect(new Set(byDeaths).size).toBe(await count('us-observer'));
  });

  it('round-trips the scenario bundle: exported, loaded into a new database, the same findings', async () => {
    await server.fresh();
    const res = await download('us-analyst', 'format=bundle');
    expect(res.headers['content-disposition']).toMatch(/\.scenario\.json"$/);
    const bundle = res.json();
    const original = JSON.parse(readFileSync(new URL('../../../examples/syria-2016.json', import.meta.url), 'utf8'));
    expect(bundle).toMatchObject({ format: 'truce-scenario/1', name: original.name, timezone: original.timezone });
    expect(bundle.incidents).toHaveLength(original.incidents.length);
    expect(bundle.zones.map((z: { id: string }) => z.id).sort()).toEqual(
      original.zones.map((z: { id: string }) => z.id).sort(),
    );

    const fresh = await openDatabase({
      dataDir: 'memory://',
      loadDataDir: new Blob([readFileSync(inject('pgliteDump'))]),
    });
    try {
      const loaded = await loadScenario(fresh, res.body);
      expect(loaded.ok, JSON.stringify(loaded)).toBe(true);
      const before = await findingsOf(db());
      expect(before.length).toBeGreaterThan(30);
      expect(await findingsOf(fresh)).toEqual(before);
    } finally {
      await fresh.close();
    }
  });
});
