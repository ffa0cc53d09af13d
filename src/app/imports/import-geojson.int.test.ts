/**
 * Imports of GeoJSON zones and protected sites, and of a bundle (docs/imports.md), through the use
 * case on the demo world: imported then found; a dry run writes nothing; a ring crossing itself
 * refused by feature and position, or repaired when asked; a second import unchanged; the findings
 * judged again; the classification chosen holds for readers without clearance; a refused file
 * writes nothing.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import type { Classification } from '../../contract/access.ts';
import type { ImportFormat } from '../../contract/imports.ts';
import type { Database } from '../../store/sql.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { startWorld } from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { type Caller, clearanceOf } from '../caller.ts';
import { importFile, type RowProblem, RowsRefused } from './import-file.ts';

const SYRIA = readFileSync(new URL('../../../examples/syria-2016.json', import.meta.url), 'utf8');

/** Around Jabal Tharda (incident i26, a US air strike of 17 September 2016): held by ISIL from 2016. */
const THARDA = [
  [40.05, 35.2],
  [40.2, 35.2],
  [40.2, 35.3],
  [40.05, 35.3],
  [40.05, 35.2],
];
/** A bow tie: its first and third sides cross at (37.25, 36.05). */
const BOW_TIE = [
  [37.2, 36.0],
  [37.3, 36.1],
  [37.3, 36.0],
  [37.2, 36.1],
  [37.2, 36.0],
];

const feature = (id: string, coordinates: number[][][], properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Polygon', coordinates },
  properties,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

const ZONES = collection(
  feature('tharda', [THARDA], {
    name: 'Jabal Tharda',
    name_ar: 'جبل ثردة',
    controlled_by: 'isil',
    valid_from: '2016-01-01',
    source: 'a test',
    confidence: 'moderate',
  }),
  feature(
    'east-aleppo',
    [
      BOW_TIE.slice(0, 1).concat([
        [37.3, 36.0],
        [37.3, 36.1],
        [37.2, 36.1],
        [37.2, 36.0],
      ]),
    ],
    {
      name: 'A square east of Aleppo',
      control: [{ actors: ['Government of Syria'], from: '2016-02-27T00:00:00+02:00', to: null }],
    },
  ),
);
const BOW_TIE_ZONES = collection(
  feature('tharda', [THARDA], { name: 'Jabal Tharda', controlled_by: 'isil', valid_from: '2016-01-01' }),
  feature('bow-tie', [BOW_TIE], { name: 'A bow tie', controlled_by: 'sy-gov', valid_from: '2016-03-01' }),
);
const SITES = collection(
  {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [37.16, 36.21] },
    properties: {
      id: 'clinic-1',
      kind: 'hospital',
      owner: 'sarc',
      buffer_m: 500,
      valid_from: '2016-09-01',
      notified_to: 'ru, us',
    },
  },
  feature('camp-1', [THARDA], { kind: 'camp', owner: 'un', valid_from: '2016-01-01', valid_to: '2016-12-31' }),
);

const open = (text: string) => () => Readable.from([Buffer.from(text)]);

describeEachDatabase('imports of GeoJSON zones and sites, and of bundles', (db) => {
  const server = useTestServer(db, { start: startWorld });

  const callerOf = async (username: string): Promise<Caller> => {
    const [u] = await db().query<{
      id: string;
      org_id: string;
      role: Caller['role'];
      kind: Caller['orgKind'];
      task_force: boolean;
    }>(
      `select u.id, u.org_id, u.role, o.kind, o.task_force from users u join organizations o on o.id = u.org_id where u.username = $1`,
      [username],
    );
    return { userId: u!.id, username, orgId: u!.org_id, orgKind: u!.kind, role: u!.role, clearance: clearanceOf(u!) };
  };
  const run = async (
    username: string,
    format: ImportFormat,
    text: string,
    options: { dryRun?: boolean; repair?: boolean; classification?: Classification } = {},
  ) =>
    importFile(server.ctx, await callerOf(username), {
      format,
      classification: options.classification ?? 'public',
      dryRun: options.dryRun ?? false,
      repair: options.repair ?? false,
      open: open(text),
    });
  const refusal = async (promise: Promise<unknown>): Promise<RowsRefused> => {
    const e = await promise.then(
      () => null,
      (error: unknown) => error,
    );
    expect(e).toBeInstanceOf(RowsRefused);
    return e as RowsRefused;
  };
  const counts = async (d: Database) =>
    (
      await d.query<{
        zones: number;
        sites: number;
        findings: number;
        history: number;
        audit: number;
        incidents: number;
      }>(
        `select (select count(*)::int from zones) as zones, (select count(*)::int from protected_sites) as sites,
                (select count(*)::int from findings) as findings, (select count(*)::int from finding_history) as history,
                (select count(*)::int from audit_log) as audit, (select count(*)::int from incidents) as incidents`,
      )
    )[0]!;
  const said = (problems: RowProblem[]) => problems.map((p) => `${p.line} ${p.path}: ${p.message}`);

  it('imports zones, judges the findings they affect again, and finds them; the dry run wrote nothing; again, unchanged', async () => {
    await server.fresh();
    const before = await counts(db());
    const dry = await run('us-analyst', 'geojson_zones', ZONES, { dryRun: true });
    expect(dry).toMatchObject({
      written: false,
      rows: 2,
      records: [{ kind: 'zones', new: 2, unchanged: 0, differing: 0 }],
    });
    expect(dry.findingsChanged).toBeGreaterThan(0);
    expect(await counts(db())).toEqual(before);

    const done = await run('us-analyst', 'geojson_zones', ZONES, { classification: 'task_force' });
    expect(done).toMatchObject({
      written: true,
      records: [{ kind: 'zones', new: 2 }],
      findingsChanged: dry.findingsChanged,
    });
    const zones = await db().query<Record<string, unknown>>(
      `select id, name, name_ar, classification, owner_org from zones where id like '%~us' order by id`,
    );
    expect(zones).toEqual([
      {
        id: 'east-aleppo~us',
        name: 'A square east of Aleppo',
        name_ar: null,
        classification: 'task_force',
        owner_org: 'us',
      },
      { id: 'tharda~us', name: 'Jabal Tharda', name_ar: 'جبل ثردة', classification: 'task_force', owner_org: 'us' },
    ]);
    const control = await db().query<Record<string, unknown>>(
      `select zone_id, actors, source, confidence from zone_control where zone_id like '%~us' order by zone_id`,
    );
    expect(control).toEqual([
      { zone_id: 'east-aleppo~us', actors: ['sy-gov'], source: null, confidence: null },
      { zone_id: 'tharda~us', actors: ['isil'], source: 'a test', confidence: 'moderate' },
    ]);
    const audit = await db().query<{ action: string; classification: string; owner_org: string; user_id: string }>(
      `select action, classification, owner_org, user_id from audit_log where entity = 'zone' and entity_id like '%~us'`,
    );
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ action: 'create', classification: 'task_force', owner_org: 'us' });
    // Found through the API by a reader cleared for the task force, not by one who is not.
    const listed = async (user: string) =>
      (await server.call(user, { method: 'GET', url: '/api/v1/zones?limit=100' }))
        .json()
        .items.map((z: { id: string }) => z.id)
        .filter((id: string) => id.endsWith('~us'));
    expect((await listed('ru-observer')).sort()).toEqual(['east-aleppo~us', 'tharda~us']);
    expect(await listed('ngo-analyst')).toEqual([]);
    const after = await counts(db());
    expect(after.history).toBeGreaterThan(before.history);

    const again = await run('us-analyst', 'geojson_zones', ZONES, { classification: 'task_force' });
    expect(again).toMatchObject({
      written: true,
      records: [{ kind: 'zones', new: 0, unchanged: 2, differing: 0 }],
      findingsChanged: 0,
    });
    expect(await counts(db())).toEqual(after);
  });

  it('refuses a ring crossing itself by its feature and where, and writes nothing; repairs it when asked', async () => {
    await server.fresh();
    const before = await counts(db());
    for (const dryRun of [true, false]) {
      const refused = await refusal(run('us-analyst', 'geojson_zones', BOW_TIE_ZONES, { dryRun }));
      expect(said(refused.problems)).toEqual([
        '1 features[1].geometry.coordinates[0]: the ring crosses itself near 36.0500° N, 37.2500° E',
      ]);
      expect(refused.problems[0]!.statement).toEqual({
        code: 'problem.ring_crosses',
        params: { point: { point: { lon: 37.25, lat: 36.05 } } },
      });
      expect(refused.path).toBe('features[1].geometry.coordinates[0]');
    }
    expect(await counts(db())).toEqual(before);

    const dry = await run('us-analyst', 'geojson_zones', BOW_TIE_ZONES, { dryRun: true, repair: true });
    expect(dry.records).toEqual([{ kind: 'zones', new: 2, unchanged: 0, differing: 0 }]);
    expect(said(dry.repaired)).toEqual([
      '1 features[1].geometry.coordinates[0]: crossed itself near 36.0500° N, 37.2500° E: split there into 2 parts, as GIS tools repair it',
    ]);
    expect(await counts(db())).toEqual(before);
    await run('us-analyst', 'geojson_zones', BOW_TIE_ZONES, { repair: true });
    const [stored] = await db().query<{ geometry: unknown }>(`select geometry from zones where id = 'bow-tie~us'`);
    // Split at the crossing into its two triangles, as PostGIS's ST_MakeValid and QGIS do: no ground added.
    expect(stored!.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [37.25, 36.05],
            [37.2, 36.1],
            [37.2, 36.0],
            [37.25, 36.05],
          ],
        ],
        [
          [
            [37.25, 36.05],
            [37.3, 36.1],
            [37.3, 36.0],
            [37.25, 36.05],
          ],
        ],
      ],
    });
    // Repaired the same way again: unchanged.
    expect((await run('us-analyst', 'geojson_zones', BOW_TIE_ZONES, { repair: true })).records).toEqual([
      { kind: 'zones', new: 0, unchanged: 2, differing: 0 },
    ]);
  });

  it('names every bad feature by its index and property path, and writes nothing', async () => {
    await server.fresh();
    const before = await counts(db());
    const bad = collection(
      feature('a', [THARDA], { name: 'A', controlled_by: 'nobody', valid_from: '2016-13-01' }),
      { type: 'Feature', properties: { id: 'b', name: 'B' }, geometry: { type: 'Point', coordinates: [37, 36] } },
      feature('c', [THARDA], { name: 'C' }),
      feature('c', [THARDA], { name: 'C again' }),
    );
    const refused = await refusal(run('us-analyst', 'geojson_zones', bad));
    expect(said(refused.problems)).toEqual([
      '0 features[0].properties.controlled_by: names no actor Truce knows: "nobody"',
      '0 features[0].properties.valid_from: must be a date YYYY-MM-DD or an instant such as 2016-09-19T16:15:00Z, not "2016-13-01"',
      '1 features[1].geometry: must be a Polygon / MultiPolygon, not "Point"',
      '3 features[3].properties.id: repeats the id of feature 2',
    ]);
    expect((await refusal(run('us-analyst', 'geojson_zones', '{"type": "Feature"}'))).problems[0]).toMatchObject({
      path: '(file)',
      statement: { code: 'problem.import_not_collection' },
    });
    expect(await counts(db())).toEqual(before);
  });

  it('imports protected sites under the classification chosen; again, unchanged; a humanitarian may, a monitor may not', async () => {
    await server.fresh();
    const before = await counts(db());
    const dry = await run('ngo-humanitarian', 'geojson_sites', SITES, { dryRun: true, classification: 'org' });
    expect(dry).toMatchObject({ written: false, records: [{ kind: 'protected_sites', new: 2 }] });
    expect(await counts(db())).toEqual(before);
    await run('ngo-humanitarian', 'geojson_sites', SITES, { classification: 'org' });
    const sites = await db().query<Record<string, unknown>>(
      `select id, kind, owner, buffer_m, notified_to, classification, owner_org from protected_sites where id like '%~ngo' order by id`,
    );
    expect(sites).toEqual([
      {
        id: 'camp-1~ngo',
        kind: 'camp',
        owner: 'un',
        buffer_m: 0,
        notified_to: [],
        classification: 'org',
        owner_org: 'ngo',
      },
      {
        id: 'clinic-1~ngo',
        kind: 'hospital',
        owner: 'sarc',
        buffer_m: 500,
        notified_to: ['ru', 'us'],
        classification: 'org',
        owner_org: 'ngo',
      },
    ]);
    const seen = async (user: string) =>
      (await server.call(user, { method: 'GET', url: '/api/v1/protected-sites?limit=100' }))
        .json()
        .items.filter((s: { id: string }) => s.id.endsWith('~ngo')).length;
    expect(await seen('ngo-analyst')).toBe(2);
    expect(await seen('us-admin')).toBe(0);
    expect((await run('ngo-humanitarian', 'geojson_sites', SITES, { classification: 'org' })).records).toEqual([
      { kind: 'protected_sites', new: 0, unchanged: 2, differing: 0 },
    ]);
    await expect(run('us-monitor', 'geojson_sites', SITES)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(run('ngo-humanitarian', 'geojson_zones', ZONES)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('imports a bundle: a dry run says what it would add; what the caller sees stored is left alone; again, unchanged', async () => {
    await server.fresh();
    const before = await counts(db());
    // The demo world is loaded and public: everything in its bundle is stored already.
    const same = await run('us-analyst', 'bundle', SYRIA, { dryRun: true });
    expect(same.records.every((r) => r.new === 0 && r.differing === 0)).toBe(true);
    expect(same.incidents).toMatchObject({ new: 0, unchanged: 30 });

    const small = JSON.stringify({
      format: 'truce-scenario/1',
      name: 'a small world',
      timezone: 'Asia/Damascus',
      actors: [{ id: 'new-group', name: 'A new group', kind: 'armed_group' }, ...JSON.parse(SYRIA).actors],
      agreements: [],
      zones: [
        {
          id: 'tharda',
          name: 'Jabal Tharda',
          geometry: { type: 'Polygon', coordinates: [THARDA] },
          control: [{ actors: ['isil'], from: '2016-01-01T00:00:00+02:00', to: null }],
        },
      ],
      incidents: [
        {
          id: 'x1',
          occurred_at: '2016-09-18T10:00:00+03:00',
          location: { lon: 40.1, lat: 35.25 },
          act: 'shelling',
          perpetrator: 'new-group',
          target: null,
          self_defense_claim: false,
        },
      ],
    });
    const dry = await run('us-analyst', 'bundle', small, { dryRun: true, classification: 'co_chairs' });
    expect(dry.records.find((r) => r.kind === 'zones')).toMatchObject({ new: 1 });
    expect(dry.records.find((r) => r.kind === 'actors')).toMatchObject({ new: 1, unchanged: 14 });
    expect(dry.incidents).toEqual({ new: 1, unchanged: 0, differing: 0 });
    expect(dry.actorsNew).toEqual(['new-group']);
    expect(await counts(db())).toEqual(before);
    const done = await run('us-analyst', 'bundle', small, { classification: 'co_chairs' });
    expect(done).toMatchObject({ written: true, incidents: { new: 1 }, findingsChanged: dry.findingsChanged });
    const [incident] = await db().query<Record<string, unknown>>(
      `select id, classification, owner_org from incidents where id = 'x1~us'`,
    );
    expect(incident).toEqual({ id: 'x1~us', classification: 'co_chairs', owner_org: 'us' });
    const after = await counts(db());
    expect(after.zones - before.zones).toBe(1);
    expect((await run('us-analyst', 'bundle', small, { classification: 'co_chairs' })).incidents).toEqual({
      new: 0,
      unchanged: 1,
      differing: 0,
    });
    expect(await counts(db())).toEqual(after);

    const broken = await refusal(run('us-analyst', 'bundle', small.replace('"actors":["isil"]', '"actors":["ghost"]')));
    expect(said(broken.problems)).toEqual(['0 zones[0].control[0].actors[0]: unknown actor "ghost"']);
    expect(broken.problems[0]!.statement.code).toBe('problem.import_unknown_actor');
    // A zone's area is held to the zone editor's checks: a bow tie crosses itself.
    const bowTie = [
      [40.0, 35.0],
      [40.1, 35.1],
      [40.1, 35.0],
      [40.0, 35.1],
      [40.0, 35.0],
    ];
    const crossed = JSON.parse(small) as { zones: { geometry: unknown }[] };
    crossed.zones[0]!.geometry = { type: 'Polygon', coordinates: [bowTie] };
    const unsound = await refusal(run('us-analyst', 'bundle', JSON.stringify(crossed)));
    expect(unsound.problems.map((p) => [p.path, p.statement.code])).toEqual([
      ['zones[0].geometry.coordinates[0]', 'problem.ring_crosses'],
    ]);
    expect(await counts(db())).toEqual(after);
    await expect(run('ngo-humanitarian', 'bundle', small)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
