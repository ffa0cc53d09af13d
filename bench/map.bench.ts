/**
 * The map with 100,000 incidents: the time from navigation to the first complete render of the
 * map page in Chromium (MapLibre's first `idle` after the incidents arrived, set by the page as
 * `window.__truceMapReady`), and the p95 latency of the map's data requests, from the browser and
 * from ~200 direct requests at varied box, zoom and date. On PostgreSQL (a new database, dropped
 * after) and on PGlite. The world: the demo bundle (2016 truce, UCDP 2016) and its incidents and
 * findings replicated with jitter up to 100,000.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { addUser } from '../src/app/accounts/add-user.ts';
import { createContext } from '../src/app/context.ts';
import { planFirstStart, seedDemoWorld } from '../src/app/scenario/seed-demo-world.ts';
import { buildServer } from '../src/http/server.ts';
import { registerWeb } from '../src/http/web.ts';
import { type Database, openDatabase } from '../src/store/database.ts';
import { buildWebIfStale } from '../e2e/harness.ts';
import { createScratchDatabase } from '../test/scratch-database.ts';
import { hasChromium, launchBrowser } from '../e2e/browser.ts';
import { SignInPage } from '../e2e/pages/sign-in.page.ts';
import { atMost, type Benchmark, type Cell, type Json } from './lib/benchmark.ts';
import { benchDatabaseUrl } from './lib/bench-databases.ts';
import { seededRandom } from './lib/prng.ts';
import { median, round } from './lib/timing.ts';

const ROOT = join(import.meta.dirname, '..');
const INCIDENTS = Number(process.env.TRUCE_BENCH_MAP_INCIDENTS ?? 100_000);
const RENDERS = 5;
const DIRECT = 200;
export const PASSWORD = 'bench password 2016';

const p95 = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
};

/** The demo world with its incidents and their findings replicated up to `incidents`, and an analyst `bench` of un-ose. */
export async function loadWorld(
  db: Database,
  incidents = INCIDENTS,
): Promise<{ seedMs: number; replicateMs: number; incidents: number }> {
  const ctx = createContext(db, { sealDelayMs: 20 });
  let t = performance.now();
  const plan = await planFirstStart(db, { empty: false });
  await seedDemoWorld(
    ctx,
    plan,
    {
      scenario: readFileSync(join(ROOT, 'examples/syria-2016.json'), 'utf8'),
      ucdpEvents: () =>
        pipeline(
          createReadStream(join(ROOT, 'data/ucdp-ged-syria-2016.csv.gz')),
          createGunzip(),
          () => undefined,
        ) as Readable,
    },
    { adminPassword: PASSWORD },
  );
  await addUser(ctx, 'operator', { username: 'bench', orgId: 'un-ose', role: 'analyst', password: PASSWORD });
  const seedMs = performance.now() - t;
  t = performance.now();
  const [{ n }] = (await db.query<{ n: number }>(`select count(*)::int as n from incidents`)) as [{ n: number }];
  const copies = Math.max(0, Math.ceil((incidents - n) / n));
  // Copies of every incident, moved up to ±0.15° and ±10 days, with copies of their findings.
  await db.query(`create temp table bench_copies as
    select i.id as src, 'bench-' || g || '-' || i.id as id, g,
      least(greatest(i.lon + (random() - 0.5) * 0.3, -180), 180) as lon, least(greatest(i.lat + (random() - 0.5) * 0.3, -90), 90) as lat,
      i.occurred_at + (random() - 0.5) * interval '20 days' as occurred_at
    from incidents i, generate_series(1, ${copies}) g order by g, i.id limit ${Math.max(0, incidents - n)}`);
  await db.query(`insert into incidents (id, occurred_at, occurred_until, date_precision, lon, lat, location_precision, place, act, perpetrator,
      target_civilian, target_actor, self_defense_claim, deaths_low, deaths_best, deaths_high, deaths, sides, source, source_ref, headline,
      classification, owner_org, status, grade, worst_rank, verdict_agreements, verdict_zones, needs_review)
    select c.id, c.occurred_at, null, i.date_precision, c.lon, c.lat, i.location_precision, i.place, i.act, i.perpetrator,
      i.target_civilian, i.target_actor, i.self_defense_claim, i.deaths_low, i.deaths_best, i.deaths_high, i.deaths, i.sides, 'bench', c.id, i.headline,
      i.classification, i.owner_org, i.status, i.grade, i.worst_rank, i.verdict_agreements, i.verdict_zones, i.needs_review
    from bench_copies c join incidents i on i.id = c.src`);
  await db.query(`insert into findings (key, kind, subject_id, agreement_id, at, verdict, violators, reasons, rule, obligation, explanation, facts, rules_version)
    select f.key || '-bench-' || c.g, 'incident', c.id, f.agreement_id, c.occurred_at, f.verdict, f.violators, f.reasons, f.rule, f.obligation, f.explanation, f.facts, f.rules_version
    from bench_copies c join findings f on f.kind = 'incident' and f.subject_id = c.src`);
  await db.query('drop table bench_copies');
  // As autovacuum would soon after a load this size: statistics, and a visibility map that lets
  // the map count from its covering index.
  await db.query('vacuum analyze');
  const [{ m }] = (await db.query<{ m: number }>(`select count(*)::int as m from incidents`)) as [{ m: number }];
  return { seedMs, replicateMs: performance.now() - t, incidents: m };
}

interface Measured {
  renders: number[];
  browserRequests: { url: string; ms: number }[];
  direct: number[];
  directByKind: Record<string, number[]>;
  seedMs: number;
  replicateMs: number;
  incidents: number;
}

async function measure(db: Database): Promise<Measured> {
  const world = await loadWorld(db);
  const ctx = createContext(db, { sealDelayMs: 20 });
  const app = await buildServer({ ctx });
  if (!app.hasRoute({ method: 'GET', url: '/*' })) await registerWeb(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const signIn = new SignInPage(page, base);
    await signIn.goto();
    await signIn.signIn('bench', PASSWORD);
    const browserRequests: { url: string; ms: number }[] = [];
    page.on('requestfinished', (r) => {
      const url = r.url();
      if (!/\/api\/v1\/(map\/|zones\.geojson)/.test(url)) return;
      const t = r.timing();
      browserRequests.push({ url: url.replace(base, ''), ms: t.responseEnd - t.requestStart });
    });
    const renders: number[] = [];
    for (let i = 0; i <= RENDERS; i++) {
      await page.goto(`${base}/incidents`);
      await page.locator('nav .nav').waitFor();
      const start = Date.now();
      await page.goto(`${base}/map`);
      await page.waitForFunction(
        () => typeof (globalThis as { __truceMapReady?: number }).__truceMapReady === 'number',
        null,
        { timeout: 60_000 },
      );
      const ready = await page.evaluate(() => (globalThis as { __truceMapReady?: number }).__truceMapReady!);
      // performance.now() counts from the navigation's start.
      if (i > 0) renders.push(ready); // the first run warms the browser's and the server's caches
      void start;
    }
    // Direct: ~200 map requests at varied box, zoom and date, with the session cookie.
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const random = seededRandom(2016);
    const direct: number[] = [];
    const directByKind: Record<string, number[]> = { incidents: [], zones: [], extent: [] };
    for (let i = 0; i < DIRECT; i++) {
      const kind = i % 10 === 9 ? 'extent' : i % 5 === 4 ? 'zones' : 'incidents';
      const zoom = 5 + Math.floor(random.next() * 8);
      const span = Math.min(8, (360 / 2 ** zoom) * 2.5);
      const lon = 35.7 + random.next() * 6.7,
        lat = 32.3 + random.next() * 5;
      const day = new Date(Date.parse('2016-01-15T00:00:00Z') + Math.floor(random.next() * 350) * 86_400_000);
      const windowDays = [7, 30, 90, 0][Math.floor(random.next() * 4)]!;
      const q = new URLSearchParams();
      let url: string;
      if (kind === 'incidents') {
        q.set(
          'bbox',
          [
            Math.max(lon - span / 2, -180),
            Math.max(lat - span / 4, -90),
            Math.min(lon + span / 2, 180),
            Math.min(lat + span / 4, 90),
          ]
            .map((n) => n.toFixed(4))
            .join(','),
        );
        q.set('zoom', String(zoom));
        q.set('to', day.toISOString());
        if (windowDays) q.set('from', new Date(day.getTime() - windowDays * 86_400_000).toISOString());
        url = `/api/v1/map/incidents?${q}`;
      } else if (kind === 'zones') {
        q.set('as_of', day.toISOString());
        url = `/api/v1/zones.geojson?${q}`;
      } else url = '/api/v1/map/extent';
      const t = performance.now();
      const res = await fetch(base + url, { headers: { cookie } });
      await res.arrayBuffer();
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      direct.push(ms);
      directByKind[kind]!.push(ms);
    }
    return { renders, browserRequests, direct, directByKind, ...world };
  } finally {
    await browser.close();
    await app.close();
    await ctx.close();
  }
}

export const mapBenchmark: Benchmark = {
  name: 'map',
  description: 'first render of the map page with 100,000 incidents, and the p95 of its data requests',
  async run() {
    if (!hasChromium()) throw new Error('no Chromium at /usr/bin/chromium (TRUCE_CHROMIUM)');
    buildWebIfStale();
    const columns = [
      'database',
      'incidents',
      'first render median ms',
      'first render max ms',
      'browser requests',
      'browser p95 ms',
      'direct requests',
      'direct p95 ms',
      'direct incidents p95 ms',
      'direct zones p95 ms',
    ];
    const rows: Record<string, Cell>[] = [];
    const figures: Record<string, Json> = {};
    const notes: string[] = [];
    let pgGoal: { render: number; p95: number } | null = null;

    const targets: { name: string; open(): Promise<{ db: Database; dispose(): Promise<void> }> }[] = [];
    const url = benchDatabaseUrl();
    targets.push({
      name: 'postgres',
      open: async () => {
        const database = await createScratchDatabase(url, `truce_bench_map_${Date.now()}`);
        const db = await openDatabase({ url: database.url });
        return {
          db,
          dispose: async () => {
            await db.close();
            await database.drop();
          },
        };
      },
    });
    if (!process.env.TRUCE_BENCH_MAP_ONLY_PG)
      targets.push({
        name: 'pglite',
        open: async () => {
          const dir = mkdtempSync(join(tmpdir(), 'truce-bench-map-'));
          const db = await openDatabase({ dataDir: dir });
          return {
            db,
            dispose: async () => {
              await db.close();
              rmSync(dir, { recursive: true, force: true });
            },
          };
        },
      });

    for (const target of targets) {
      const { db, dispose } = await target.open();
      try {
        const m = await measure(db);
        const browserMs = m.browserRequests.map((r) => r.ms);
        const row = {
          database: target.name,
          incidents: m.incidents,
          'first render median ms': round(median(m.renders)),
          'first render max ms': round(Math.max(...m.renders)),
          'browser requests': browserMs.length,
          'browser p95 ms': round(p95(browserMs), 1),
          'direct requests': m.direct.length,
          'direct p95 ms': round(p95(m.direct), 1),
          'direct incidents p95 ms': round(p95(m.directByKind.incidents!), 1),
          'direct zones p95 ms': round(p95(m.directByKind.zones!), 1),
        };
        rows.push(row);
        figures[target.name] = {
          incidents: m.incidents,
          seedMs: round(m.seedMs),
          replicateMs: round(m.replicateMs),
          rendersMs: m.renders.map((r) => round(r)),
          browserRequests: m.browserRequests.map((r) => ({ url: r.url, ms: round(r.ms, 1) })),
          directMs: m.direct.map((d) => round(d, 1)),
          directP95ByKind: Object.fromEntries(Object.entries(m.directByKind).map(([k, v]) => [k, round(p95(v), 1)])),
        };
        if (target.name === 'postgres')
          pgGoal = { render: median(m.renders), p95: Math.max(p95(browserMs), p95(m.direct)) };
      } finally {
        await dispose();
      }
    }
    notes.push(
      `World: the demo bundle (2016 truce, UCDP 2016) with its incidents and their findings copied, moved up to ±0.15° and ±10 days, up to ${INCIDENTS.toLocaleString('en-US')}.`,
      `First render: performance.now() at MapLibre's first idle after the incidents arrived (window.__truceMapReady), counted from the navigation to /map; ${RENDERS} runs after one warm-up, signed in, 1280x800, Chromium with SwiftShader.`,
      'Browser p95: every /api/v1/map/* and /api/v1/zones.geojson request of those runs (responseEnd - requestStart). Direct p95: 200 sequential fetches with the session cookie (70 % incidents at zoom 5-12 over random boxes and windows of 7/30/90 days or all, 20 % zones.geojson, 10 % extent).',
      'Goal on PostgreSQL: first render under 2 s and p95 under 100 ms (the larger of the browser and direct p95).',
    );
    const met = pgGoal !== null && pgGoal.render < 2000 && pgGoal.p95 < 100;
    return {
      columns,
      rows,
      notes,
      figures,
      goal: pgGoal
        ? {
            ...atMost(
              'on PostgreSQL, first render under 2,000 ms (median) and map requests p95 under 100 ms',
              'ms (first render)',
              2000,
              round(pgGoal.render),
            ),
            met,
          }
        : null,
    };
  },
};
