/**
 * Exports and the OGC API at scale, on PostgreSQL (a new database, dropped after), through
 * `truce serve` in a child process (so that its memory is its own), beside GDAL in the same run:
 *
 * - the export of every incident (TRUCE_BENCH_EXPORTS_N, 1,000,000 by default) over HTTP as
 *   GeoJSON and as HXL CSV: rows per second, and the server's peak resident memory (VmHWM) and
 *   its largest resident memory sampled during the exports; beside `ogr2ogr` writing the same rows
 *   (the same columns and actor names joined, the point made by PostGIS) from the same table to a
 *   GeoJSON file. Goals: the server under 300 MB; at least as fast as ogr2ogr;
 * - `ogr2ogr` copying 100,000 incidents from Truce's OGC API (OAPIF driver, pages of 10,000, the
 *   bearer token in GDAL_HTTP_HEADERS) into a GeoPackage, beside `ogr2ogr` copying the same
 *   100,000 straight from the table. Goal: under 2x the direct copy.
 *
 * The world is bench/lib/synthetic-world.ts (2,000 zones, 32 actors, 3 agreements), stored
 * through the import's path (judged as it goes in), then vacuum analyze; the reader is an analyst
 * of a task-force organization. Skipped, with the reason, without PostgreSQL, PostGIS or GDAL.
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { addOrganization } from '../src/app/accounts/add-organization.ts';
import { addUser } from '../src/app/accounts/add-user.ts';
import { createContext } from '../src/app/context.ts';
import { importIncidents, type IncidentBatch } from '../src/app/imports/import-incidents.ts';
import * as actors from '../src/store/actor.repository.ts';
import * as agreements from '../src/store/agreement.repository.ts';
import { openDatabase } from '../src/store/database.ts';
import * as zones from '../src/store/zone.repository.ts';
import { createScratchDatabase } from '../test/scratch-database.ts';
import { createApiToken, startTruceServe, truceEnv } from '../test/truce-process.ts';
import { atLeast, type Benchmark, type Cell, type Json } from './lib/benchmark.ts';
import { benchDatabaseUrl, shownUrl } from './lib/bench-databases.ts';
import { loadAverage, loadAverageNote } from './lib/results.ts';
import { syntheticWorld, type SyntheticWorld } from './lib/synthetic-world.ts';
import { round } from './lib/timing.ts';

const run = promisify(execFile);
const N = Number(process.env.TRUCE_BENCH_EXPORTS_N ?? 1_000_000);
const OGC_N = Math.min(100_000, N);
const OGC_PAGE = 10_000;
const WORLD = { zones: 2_000, incidents: N, seed: 20_160_227 };
const BATCH = 2_000;
const PASSWORD = 'bench password 2016';
const GOAL_RSS_MB = 300;
const GOAL_OGC_RATIO = 2;

async function* batchesOf(world: SyntheticWorld): AsyncGenerator<IncidentBatch> {
  for (let i = 0; i < world.incidents.length; i += BATCH)
    yield { incidents: world.incidents.slice(i, i + BATCH), actors: [] };
}

/** The synthetic world in Truce's tables, judged as it goes in, and an analyst `bench` of a task-force organization. */
export async function exportsLoadWorld(url: string, world: SyntheticWorld): Promise<number> {
  const t = performance.now();
  const db = await openDatabase({ url });
  try {
    await actors.upsert(db, world.actors);
    for (const g of world.agreements) await agreements.upsert(db, g);
    for (const z of world.zones)
      await zones.upsert(db, { ...z, control: z.control.filter((c) => c.to === null || c.to > c.from) });
    const ctx = createContext(db, { sealDelayMs: 20 });
    try {
      await addOrganization(ctx, 'operator', { id: 'bench', name: 'Bench', kind: 'monitor', taskForce: true });
      await addUser(ctx, 'operator', { username: 'bench', orgId: 'bench', role: 'analyst', password: PASSWORD });
    } finally {
      await ctx.close();
    }
    const imported = await importIncidents(db, batchesOf(world), { source: 'bench' });
    if (imported.inserted !== world.incidents.length)
      throw new Error(`imported ${imported.inserted} of ${world.incidents.length} incidents`);
    await db.query('vacuum analyze');
  } finally {
    await db.close();
  }
  return performance.now() - t;
}

/** Starts a process's peak resident memory (VmHWM) again from what it holds now (Linux 4.0+: clear_refs 5). */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** Resident memory of a process now and at its peak (VmRSS, VmHWM), in MB, from /proc. */
function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

interface Download {
  ms: number;
  rows: number;
  bytes: number;
  /** The largest VmRSS sampled every 50 ms while it ran. */
  maxRssMb: number;
}

/**
 * Downloads an export to a file with curl, as a user would (a client in C, as GDAL is: Node's
 * fetch in this process took a share of the two cores from the server it measured), then counts
 * its rows by `marker` in the file, untimed.
 */
async function download(url: string, token: string, file: string, pid: number, marker: string): Promise<Download> {
  let maxRssMb = 0;
  const sampler = setInterval(() => (maxRssMb = Math.max(maxRssMb, memoryMb(pid).rss)), 50);
  const t = performance.now();
  let ms: number;
  try {
    await run('curl', ['--silent', '--show-error', '--fail', '-H', `authorization: Bearer ${token}`, '-o', file, url]);
    ms = performance.now() - t;
  } finally {
    clearInterval(sampler);
  }
  const pattern = Buffer.from(marker);
  let rows = 0,
    bytes = 0,
    tail = Buffer.alloc(0);
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    const buf = Buffer.concat([tail, chunk]);
    for (let at = buf.indexOf(pattern); at !== -1; at = buf.indexOf(pattern, at + pattern.length)) rows++;
    tail = buf.subarray(Math.max(0, buf.length - pattern.length + 1));
    bytes += chunk.length;
  }
  return { ms, rows, bytes, maxRssMb };
}

async function timedRun(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<number> {
  const t = performance.now();
  await run(cmd, args, { env: env ?? process.env, maxBuffer: 64 * 1024 * 1024 });
  return performance.now() - t;
}

async function featureCount(file: string, layer: string): Promise<number> {
  const { stdout } = await run('ogrinfo', ['-ro', '-q', file, '-sql', `select count(*) as n from "${layer}"`]);
  return Number(/n \(Integer\) = (\d+)/.exec(stdout)?.[1] ?? NaN);
}

/** The columns an export reads from the table, with the actors' names and the verdicts, as GDAL is given them. */
const ANCHOR_SELECT = `select i.id, i.occurred_at, i.occurred_until, i.date_precision, i.location_precision, i.place, i.headline, i.act,
    i.perpetrator, p.name as perpetrator_name, p.name_ar as perpetrator_name_ar, i.target_civilian, i.target_actor,
    t.name as target_name, t.name_ar as target_name_ar, i.self_defense_claim, i.deaths_low, i.deaths_best, i.deaths_high,
    i.status, i.grade, i.classification, i.owner_org, i.source, i.source_ref,
    (select string_agg(coalesce(f.agreement_id, 'none') || ': ' || coalesce(f.ruled_verdict, f.verdict), '; ' order by f.agreement_id)
       from findings f where f.kind = 'incident' and f.subject_id = i.id) as verdicts,
    st_setsrid(st_makepoint(i.lon, i.lat), 4326) as geom
  from incidents i left join actors p on p.id = i.perpetrator left join actors t on t.id = i.target_actor`;

const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

export const exportsBenchmark: Benchmark = {
  name: 'exports',
  description: `export of ${N.toLocaleString('en-US')} incidents as GeoJSON and CSV over HTTP beside ogr2ogr; ogr2ogr from the OGC API beside from the table`,
  async run() {
    const notes: string[] = [];
    const missing = ['/usr/bin/ogr2ogr', '/usr/bin/ogrinfo'].filter((f) => !existsSync(f));
    if (missing.length > 0) throw new Error(`GDAL is not installed (${missing.join(', ')}): apt-get install gdal-bin`);
    const serverUrl = benchDatabaseUrl();
    const database = await createScratchDatabase(serverUrl, `truce_bench_exports_${Date.now()}`);
    const dir = mkdtempSync(join(tmpdir(), 'truce-bench-exports-'));
    const loadStart = loadAverage();
    try {
      const world = syntheticWorld(WORLD);
      const loadMs = await exportsLoadWorld(database.url, world);
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      try {
        await admin.query('create extension if not exists postgis');
      } finally {
        await admin.end();
      }
      const pgConn = (() => {
        const u = new URL(database.url);
        return `PG:host=${u.hostname} port=${u.port || 5432} user=${decodeURIComponent(u.username)} dbname=${u.pathname.slice(1)}${u.password ? ` password=${decodeURIComponent(u.password)}` : ''}`;
      })();

      const server = await startTruceServe(['--database-url', database.url], truceEnv({}));
      try {
        const pid = server.child.pid!;
        const token = await createApiToken(server.url, 'bench', PASSWORD, 'bench');
        const idle = memoryMb(pid);
        resetPeak(pid);
        const exportUrl = (format: string) => `${server.url}/api/v1/incidents/export?format=${format}&sort=occurred_at`;
        const geojson = await download(
          exportUrl('geojson'),
          token,
          join(dir, 'truce.geojson'),
          pid,
          '{"type":"Feature"',
        );
        const csv = await download(exportUrl('hxl'), token, join(dir, 'truce.csv'), pid, '\r\n');
        csv.rows -= 2; // the headings and the hashtags
        const afterExports = memoryMb(pid);
        const peak = afterExports.peak;
        if (geojson.rows !== N || csv.rows !== N)
          throw new Error(`exported ${geojson.rows} features and ${csv.rows} CSV rows of ${N}`);

        // The anchor: ogr2ogr, the same rows from the same table to a GeoJSON file.
        const ogrGeojsonFile = join(dir, 'ogr.geojson');
        const ogrGeojsonMs = await timedRun('ogr2ogr', [
          '-f',
          'GeoJSON',
          ogrGeojsonFile,
          pgConn,
          '-sql',
          `${ANCHOR_SELECT} order by i.occurred_at, i.id`,
          '-nln',
          'incidents',
        ]);
        const ogrGeojsonRows = await featureCount(ogrGeojsonFile, 'incidents');
        rmSync(ogrGeojsonFile, { force: true });

        // OGC API: ogr2ogr into a GeoPackage, from Truce and straight from the table.
        resetPeak(pid);
        const env = { ...process.env, GDAL_HTTP_HEADERS: `Authorization: Bearer ${token}` };
        const viaOgc = join(dir, 'ogc.gpkg');
        const ogcMs = await timedRun(
          'ogr2ogr',
          [
            '-f',
            'GPKG',
            viaOgc,
            `OAPIF:${server.url}/api/v1/ogc`,
            'incidents',
            '-oo',
            `PAGE_SIZE=${OGC_PAGE}`,
            '-limit',
            String(OGC_N),
          ],
          env,
        );
        const ogcRows = await featureCount(viaOgc, 'incidents');
        const direct = join(dir, 'direct.gpkg');
        const directMs = await timedRun('ogr2ogr', [
          '-f',
          'GPKG',
          direct,
          pgConn,
          '-sql',
          `${ANCHOR_SELECT} order by i.occurred_at, i.id limit ${OGC_N}`,
          '-nln',
          'incidents',
        ]);
        const directRows = await featureCount(direct, 'incidents');
        const ogcPeak = memoryMb(pid).peak;

        const rows: Record<string, Cell>[] = [
          {
            what: 'export GeoJSON over HTTP (truce serve)',
            rows: geojson.rows,
            seconds: round(geojson.ms / 1000, 1),
            'rows/s': perSecond(geojson.rows, geojson.ms),
            MB: round(geojson.bytes / 1e6, 0),
            'server RSS max MB': round(geojson.maxRssMb, 0),
          },
          {
            what: 'export HXL CSV over HTTP (truce serve)',
            rows: csv.rows,
            seconds: round(csv.ms / 1000, 1),
            'rows/s': perSecond(csv.rows, csv.ms),
            MB: round(csv.bytes / 1e6, 0),
            'server RSS max MB': round(csv.maxRssMb, 0),
          },
          {
            what: 'anchor: ogr2ogr PostgreSQL -> GeoJSON file',
            rows: ogrGeojsonRows,
            seconds: round(ogrGeojsonMs / 1000, 1),
            'rows/s': perSecond(ogrGeojsonRows, ogrGeojsonMs),
            MB: '',
            'server RSS max MB': '',
          },
          {
            what: `ogr2ogr OGC API -> GeoPackage (pages of ${OGC_PAGE.toLocaleString('en-US')})`,
            rows: ogcRows,
            seconds: round(ogcMs / 1000, 1),
            'rows/s': perSecond(ogcRows, ogcMs),
            MB: '',
            'server RSS max MB': '',
          },
          {
            what: 'anchor: ogr2ogr PostgreSQL -> GeoPackage',
            rows: directRows,
            seconds: round(directMs / 1000, 1),
            'rows/s': perSecond(directRows, directMs),
            MB: '',
            'server RSS max MB': '',
          },
        ];
        const slowest = Math.min(perSecond(geojson.rows, geojson.ms), perSecond(csv.rows, csv.ms));
        const anchorRate = perSecond(ogrGeojsonRows, ogrGeojsonMs);
        const ogcRatio = round(ogcMs / directMs, 2);
        const rssOk = peak < GOAL_RSS_MB;
        const ogcOk = ogcRatio < GOAL_OGC_RATIO;
        notes.push(
          `${N.toLocaleString('en-US')} incidents (synthetic world, judged on import) on PostgreSQL at ${shownUrl(serverUrl)}, a new database; loaded in ${round(loadMs / 1000, 0)} s.`,
          `The server (truce serve, one Node process): ${round(idle.rss, 0)} MB resident before the exports, ${round(afterExports.rss, 0)} MB after; its peak resident memory during the two exports (VmHWM, reset before them) ${round(peak, 0)} MB (goal under ${GOAL_RSS_MB} MB: ${rssOk ? 'met' : 'NOT MET'}); during the OGC copy (pages of ${OGC_PAGE.toLocaleString('en-US')}) ${round(ogcPeak, 0)} MB.`,
          `Exports read pages of 500 rows as the reader (keyset on the list's sort), each its own transaction, written 50 rows at a time as the client (curl) reads them.`,
          `OGC API: ${ogcRatio}x the direct copy (goal under ${GOAL_OGC_RATIO}x: ${ogcOk ? 'met' : 'NOT MET'}).`,
          loadAverageNote(loadStart),
        );
        const figures: Record<string, Json> = {
          incidents: N,
          loadMs: round(loadMs),
          geojson: { ...geojson },
          csv: { ...csv },
          ogr2ogrGeojson: { ms: round(ogrGeojsonMs), rows: ogrGeojsonRows },
          ogc: { ms: round(ogcMs), rows: ogcRows, pageSize: OGC_PAGE },
          ogr2ogrGpkg: { ms: round(directMs), rows: directRows },
          ogcRatio,
          serverMb: {
            idle: round(idle.rss, 1),
            afterExports: round(afterExports.rss, 1),
            exportsPeak: round(peak, 1),
            ogcPeak: round(ogcPeak, 1),
          },
        };
        const goal = atLeast(
          `exports at least as fast as ogr2ogr (${anchorRate.toLocaleString('en-US')} rows/s), with the server under ${GOAL_RSS_MB} MB and the OGC copy under ${GOAL_OGC_RATIO}x`,
          'rows/s (the slower export)',
          anchorRate,
          slowest,
        );
        goal.met = goal.met && rssOk && ogcOk;
        return {
          columns: ['what', 'rows', 'seconds', 'rows/s', 'MB', 'server RSS max MB'],
          rows,
          notes,
          figures,
          goal,
        };
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }
  },
};
