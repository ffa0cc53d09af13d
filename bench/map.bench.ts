/**
 * The map with 1,000,000 incidents against the same map with none, in the same run: the time from
 * navigation to the first complete render of the map page in Chromium (MapLibre's first `idle`
 * after the incidents arrived, set by the page as `window.__truceMapReady`), and the p95 latency
 * of the map's data requests, from the browser and from ~200 direct requests at varied box, zoom
 * and date. Absolute times differ twofold between machines of one kind here, so the goal is the
 * ratio of the two first renders, measured turn about under the same load.
 *
 * Two worlds, each in a new PostgreSQL database (dropped after): the demo bundle (2016 truce,
 * UCDP 2016) with its incidents and findings replicated with jitter up to 1,000,000, and the same
 * bundle with its incidents and their findings removed (the same zones, boundaries, agreements,
 * sites and convoys).
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import { loadAverage } from './lib/results.ts';
import { seededRandom } from './lib/prng.ts';
import { median, quantile, round } from './lib/timing.ts';

const ROOT = join(import.meta.dirname, '..');
const INCIDENTS = Number(process.env.TRUCE_BENCH_MAP_INCIDENTS ?? 1_000_000);
const RENDERS = 5;
const DIRECT = 200;
const EXTENT_COUNTS = 5;
const GOAL_RATIO = 1.25;
const GOAL_P95_MS = 100;
export const PASSWORD = 'bench password 2016';

const p95 = (values: number[]): number => quantile(values, 0.95);

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

/**
 * The demo world with no incident: its incidents, their findings and rulings removed, the reports
 * and convoy requests' steps about them kept but unlinked (neither is on the map). Zones, boundaries, agreements, sites,
 * convoys and the territory findings stay as they are. `replicateMs` is the time the removal took.
 */
async function loadEmptyWorld(db: Database): Promise<{ seedMs: number; replicateMs: number; incidents: number }> {
  const world = await loadWorld(db, 0);
  const t = performance.now();
  await db.query(`delete from ruling_approvals`);
  await db.query(`delete from rulings`);
  await db.query(`update reports set incident_id = null where incident_id is not null`);
  await db.query(`update convoy_requests_steps set incident_id = null where incident_id is not null`);
  await db.query(`delete from findings where kind = 'incident'`);
  await db.query(`delete from incidents`);
  await db.query('vacuum analyze');
  const [{ m }] = (await db.query<{ m: number }>(`select count(*)::int as m from incidents`)) as [{ m: number }];
  return { ...world, replicateMs: performance.now() - t, incidents: m };
}

/** One world served to its own browser context (its own cookies), with what was measured on it. */
interface Served {
  base: string;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
  renders: number[];
  browserRequests: { url: string; ms: number }[];
  direct: number[];
  directByKind: Record<string, number[]>;
  /** `/map/extent` with its count, which the page does not ask: every incident the reader may see, counted. */
  extentCount: number[];
}

/**
 * Serves the world in `db` and signs `bench` in. The page's `Date.now()` reads `clockAt` onwards:
 * with no incident the map opens on today, and with them on the day of the last one; on one clock
 * both open on the same day, with the same zones, sites and convoys.
 */
async function serve(db: Database, browser: Browser, clockAt: number): Promise<Served> {
  const ctx = createContext(db, { sealDelayMs: 20 });
  const app = await buildServer({ ctx });
  if (!app.hasRoute({ method: 'GET', url: '/*' })) await registerWeb(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Only Date.now, shifted: Playwright's own clock would replace the timers and performance.now
  // that MapLibre and the measurement run on.
  await context.addInitScript((at: number) => {
    const now = Date.now.bind(Date);
    const shift = at - now();
    Date.now = () => now() + shift;
  }, clockAt);
  const page = await context.newPage();
  const signIn = new SignInPage(page, base);
  await signIn.goto();
  await signIn.signIn('bench', PASSWORD);
  const served: Served = {
    base,
    context,
    page,
    close: async () => {
      await context.close();
      await app.close();
      await ctx.close();
    },
    renders: [],
    browserRequests: [],
    direct: [],
    directByKind: { incidents: [], zones: [], extent: [] },
    extentCount: [],
  };
  page.on('requestfinished', (r) => {
    const url = r.url();
    if (!/\/api\/v1\/(map\/|zones\.geojson)/.test(url)) return;
    const t = r.timing();
    served.browserRequests.push({ url: url.replace(base, ''), ms: t.responseEnd - t.requestStart });
  });
  return served;
}

/** The first render of /map, counted from the navigation's start (performance.now() in the page). */
async function renderMap(s: Served): Promise<number> {
  await s.page.goto(`${s.base}/incidents`);
  await s.page.locator('nav .nav').waitFor();
  await s.page.goto(`${s.base}/map`);
  await s.page.waitForFunction(
    () => typeof (globalThis as { __truceMapReady?: number }).__truceMapReady === 'number',
    null,
    { timeout: 60_000 },
  );
  return s.page.evaluate(() => (globalThis as { __truceMapReady?: number }).__truceMapReady!);
}

/** ~200 map requests at varied box, zoom and date, the same for every world. */
function directRequests(): { kind: string; url: string }[] {
  const random = seededRandom(2016);
  const requests: { kind: string; url: string }[] = [];
  for (let i = 0; i < DIRECT; i++) {
    const kind = i % 10 === 9 ? 'extent' : i % 5 === 4 ? 'zones' : 'incidents';
    const zoom = 5 + Math.floor(random.next() * 8);
    const span = Math.min(8, (360 / 2 ** zoom) * 2.5);
    const lon = 35.7 + random.next() * 6.7,
      lat = 32.3 + random.next() * 5;
    const day = new Date(Date.parse('2016-01-15T00:00:00Z') + Math.floor(random.next() * 350) * 86_400_000);
    const windowDays = [7, 30, 90, 0][Math.floor(random.next() * 4)]!;
    const q = new URLSearchParams();
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
      requests.push({ kind, url: `/api/v1/map/incidents?${q}` });
    } else if (kind === 'zones') {
      q.set('as_of', day.toISOString());
      requests.push({ kind, url: `/api/v1/zones.geojson?${q}` });
    } else requests.push({ kind, url: '/api/v1/map/extent?count=false' }); // as the page asks it
  }
  return requests;
}

async function fetchTimed(s: Served, url: string, cookie: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(s.base + url, { headers: { cookie } });
  await res.arrayBuffer();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return ms;
}

interface Measured {
  empty: Served;
  full: Served;
  load: { start: number[]; end: number[] };
}

/**
 * Both worlds served at once and measured turn about, the order swapped each round, so that a
 * change of load on the machine falls on both: a warm-up round, then `RENDERS` first renders
 * each, then the direct requests, each sent to one world and then the other.
 */
async function measure(emptyDb: Database, fullDb: Database): Promise<Measured> {
  const [{ last }] = (await fullDb.query<{ last: Date }>(`select max(occurred_at) as last from incidents`)) as [
    { last: Date },
  ];
  const browser = await launchBrowser();
  const opened: Served[] = [];
  try {
    const empty = await serve(emptyDb, browser, new Date(last).getTime());
    opened.push(empty);
    const full = await serve(fullDb, browser, new Date(last).getTime());
    opened.push(full);
    const start = loadAverage();
    for (let i = 0; i <= RENDERS; i++) {
      for (const s of i % 2 === 0 ? [empty, full] : [full, empty]) {
        const ms = await renderMap(s);
        if (i > 0) s.renders.push(ms); // the first round warms the browser's and the servers' caches
      }
    }
    const cookies = new Map<Served, string>();
    for (const s of [empty, full])
      cookies.set(s, (await s.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; '));
    for (const [i, { kind, url }] of directRequests().entries())
      for (const s of i % 2 === 0 ? [empty, full] : [full, empty]) {
        const ms = await fetchTimed(s, url, cookies.get(s)!);
        s.direct.push(ms);
        s.directByKind[kind]!.push(ms);
      }
    for (let i = 0; i < EXTENT_COUNTS; i++)
      for (const s of [empty, full]) s.extentCount.push(await fetchTimed(s, '/api/v1/map/extent', cookies.get(s)!));
    return { empty, full, load: { start, end: loadAverage() } };
  } finally {
    for (const s of opened) await s.close();
    await browser.close();
  }
}

interface Target {
  name: string;
  /** A new, migrated, empty database, and how to be rid of it. */
  open(label: string): Promise<{ db: Database; dispose(): Promise<void> }>;
}

const KEEP = process.env.TRUCE_BENCH_MAP_KEEP === '1';

function targets(): Target[] {
  const list: Target[] = [
    {
      name: 'postgres',
      open: async (label) => {
        const database = await createScratchDatabase(benchDatabaseUrl(), `truce_bench_map_${label}_${Date.now()}`);
        const db = await openDatabase({ url: database.url });
        return {
          db,
          dispose: async () => {
            await db.close();
            if (KEEP) console.log(`kept ${database.url}`);
            else await database.drop();
          },
        };
      },
    },
  ];
  // PGlite at a million incidents takes long to load; asked for, it runs as PostgreSQL does.
  if (process.env.TRUCE_BENCH_MAP_PGLITE === '1')
    list.push({
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
  return list;
}

export const mapBenchmark: Benchmark = {
  name: 'map',
  description:
    'first render of the map page with 1,000,000 incidents against the same map with none, and the p95 of its data requests',
  async run() {
    if (!hasChromium()) throw new Error('no Chromium at /usr/bin/chromium (TRUCE_CHROMIUM)');
    buildWebIfStale();
    const columns = [
      'database',
      'incidents',
      'first render median ms',
      'first render max ms',
      'render ratio',
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
    let pgGoal: { ratio: number; p95: number } | null = null;

    for (const target of targets()) {
      const empty = await target.open('empty');
      try {
        const full = await target.open('full');
        try {
          const fullWorld = await loadWorld(full.db);
          const emptyWorld = await loadEmptyWorld(empty.db);
          const m = await measure(empty.db, full.db);
          const ratio = median(m.full.renders) / median(m.empty.renders);
          const byWorld: Record<string, Json> = { load: m.load };
          for (const [s, world] of [
            [m.empty, emptyWorld],
            [m.full, fullWorld],
          ] as const) {
            const browserMs = s.browserRequests.map((r) => r.ms);
            rows.push({
              database: target.name,
              incidents: world.incidents,
              'first render median ms': round(median(s.renders)),
              'first render max ms': round(Math.max(...s.renders)),
              'render ratio': s === m.full ? round(ratio, 2) : 1,
              'browser requests': browserMs.length,
              'browser p95 ms': round(p95(browserMs), 1),
              'direct requests': s.direct.length,
              'direct p95 ms': round(p95(s.direct), 1),
              'direct incidents p95 ms': round(p95(s.directByKind.incidents!), 1),
              'direct zones p95 ms': round(p95(s.directByKind.zones!), 1),
            });
            byWorld[s === m.full ? 'full' : 'empty'] = {
              incidents: world.incidents,
              seedMs: round(world.seedMs),
              replicateMs: round(world.replicateMs),
              rendersMs: s.renders.map((r) => round(r)),
              browserRequests: s.browserRequests.map((r) => ({ url: r.url, ms: round(r.ms, 1) })),
              directMs: s.direct.map((d) => round(d, 1)),
              directP95ByKind: Object.fromEntries(
                Object.entries(s.directByKind).map(([k, v]) => [k, round(p95(v), 1)]),
              ),
              extentWithCountMs: s.extentCount.map((d) => round(d, 1)),
            };
          }
          figures[target.name] = byWorld;
          if (target.name === 'postgres') {
            const fullBrowser = p95(m.full.browserRequests.map((r) => r.ms));
            pgGoal = { ratio, p95: Math.max(fullBrowser, p95(m.full.direct)) };
          }
        } finally {
          await full.dispose();
        }
      } finally {
        await empty.dispose();
      }
    }
    notes.push(
      `Worlds: the demo bundle (2016 truce, UCDP 2016) with its incidents and their findings copied, moved up to ±0.15° and ±10 days, up to ${INCIDENTS.toLocaleString('en-US')}; and the same bundle with its incidents, their findings and rulings removed (zones, boundaries, agreements, sites and convoys kept). Each in a database of its own, served by a server of its own in this process.`,
      `First render: performance.now() at MapLibre's first idle after the incidents arrived (window.__truceMapReady), counted from the navigation to /map; one warm-up round, then ${RENDERS} rounds, each rendering both maps one after the other (the order swapped each round); signed in, 1280x800, Chromium with SwiftShader. The pages' Date.now() reads the last incident's instant, so that both maps open on the same day. Render ratio: the median with incidents over the median without.`,
      `Browser p95: every /api/v1/map/* and /api/v1/zones.geojson request of those runs (responseEnd - requestStart). Direct p95: ${DIRECT} sequential fetches with the session cookie (70 % incidents at zoom 5-12 over random boxes and windows of 7/30/90 days or all, 20 % zones.geojson, 10 % extent as the page asks it, without the count), each sent to both worlds in turn. Then ${EXTENT_COUNTS} requests of /map/extent with its count (figures: extentWithCountMs), which the page does not ask.`,
      `Load average (1, 5, 15 min) when the renders began and when the direct requests ended: ${JSON.stringify(figures.postgres && (figures.postgres as { load: Json }).load)}.`,
      `Goal on PostgreSQL: the first render with ${INCIDENTS.toLocaleString('en-US')} incidents at most ${GOAL_RATIO} times that with none (medians, same run), and its map requests' p95 under ${GOAL_P95_MS} ms (the larger of the browser and direct p95).`,
    );
    return {
      columns,
      rows,
      notes,
      figures,
      goal: pgGoal
        ? {
            ...atMost(
              `on PostgreSQL, first render with ${INCIDENTS.toLocaleString('en-US')} incidents at most ${GOAL_RATIO} times that with none (medians, same run), and map requests p95 under ${GOAL_P95_MS} ms`,
              'times (first render)',
              GOAL_RATIO,
              round(pgGoal.ratio, 2),
            ),
            met: pgGoal.ratio <= GOAL_RATIO && pgGoal.p95 < GOAL_P95_MS,
          }
        : null,
    };
  },
};
