/**
 * The e2e world: the real server (in this process, on a random port) on an in-memory PGlite
 * database of its own with the demo world loaded (the 2016 truce bundle and the UCDP events of
 * 2016; seeded once per test run, then copied: sharedSeed), a user of each role the tests play,
 * and the web app built if web/dist is missing or older than its sources.
 */
import type { Role } from '../src/contract/access.ts';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { addUser } from '../src/app/accounts/add-user.ts';
import { type AppContext, createContext } from '../src/app/context.ts';
import { planFirstStart, seedDemoWorld } from '../src/app/scenario/seed-demo-world.ts';
import { buildServer } from '../src/http/server.ts';
import { registerWeb } from '../src/http/web.ts';
import { openDatabase } from '../src/store/database.ts';
import { hashOncePerPassword } from '../test/server.ts';

const ROOT = join(import.meta.dirname, '..');
export const PASSWORD = 'e2e password 2016';

/** Who plays in the tests: organization and role. */
export const E2E_USERS: { username: string; org: string; role: Role }[] = [
  { username: 'analyst', org: 'un-ose', role: 'analyst' },
  { username: 'reporter', org: 'sarc', role: 'reporter' },
  { username: 'observer', org: 'ocha', role: 'observer' },
  // The co-chairs' analysts, who approve rulings.
  { username: 'us-analyst', org: 'us', role: 'analyst' },
  { username: 'ru-analyst', org: 'ru', role: 'analyst' },
  // Convoy requests: OCHA's humanitarian organizes, the Syrian foreign ministry decides for the government.
  { username: 'ocha-humanitarian', org: 'ocha', role: 'humanitarian' },
  { username: 'mofa-analyst', org: 'sy-mofa', role: 'analyst' },
];

export interface E2EWorld {
  baseUrl: string;
  /** An incident made of two contradictory accounts, reviewed once. */
  disputedIncident: string;
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(
    s.mtimeMs,
    ...readdirSync(path)
      .filter((n) => n !== 'dist' && n !== 'node_modules')
      .map((n) => newestMtime(join(path, n))),
  );
}

/** Builds web/dist when it is missing or older than web/ (sources, public files, config). */
export function buildWebIfStale(): void {
  const index = join(ROOT, 'web/dist/index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, 'web'))) return;
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      // Vitest sets NODE_ENV=test, which would bundle React's development build.
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0) throw new Error(`the web build failed:\n${r.stdout}\n${r.stderr}`);
}

function gunzipped(file: string): Readable {
  return pipeline(createReadStream(file), createGunzip(), () => undefined);
}

export async function startE2EWorld(): Promise<E2EWorld> {
  buildWebIfStale();
  const seeded = await sharedSeed();
  const db = await openDatabase({ dataDir: 'memory://', loadDataDir: seeded.dump });
  let ctx: AppContext | null = null;
  try {
    ctx = createContext(db, { sealDelayMs: 20, hashPassword: hashOncePerPassword });
    const app = await server(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const opened = ctx;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      app,
      ctx,
      disputedIncident: seeded.disputedIncident,
      close: async () => {
        await app.close();
        await opened.close();
        await db.close();
      },
    };
  } catch (e) {
    await ctx?.close();
    await db.close();
    throw e;
  }
}

async function server(ctx: AppContext): Promise<FastifyInstance> {
  const app = await buildServer({ ctx });
  // Until buildServer serves the web app itself.
  if (!app.hasRoute({ method: 'GET', url: '/*' })) await registerWeb(app);
  return app;
}

interface Seeded {
  /** The data directory of the seeded world, as PGlite dumps it. */
  dump: Blob;
  disputedIncident: string;
}

/** The demo world, its users and the disputed incident, in a new database: some 8 s of work. */
async function seed(): Promise<Seeded> {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    const ctx = createContext(db, { sealDelayMs: 20, hashPassword: hashOncePerPassword });
    const plan = await planFirstStart(db, { empty: false });
    await seedDemoWorld(
      ctx,
      plan,
      {
        scenario: readFileSync(join(ROOT, 'examples/syria-2016.json'), 'utf8'),
        ucdpEvents: () => gunzipped(join(ROOT, 'data/ucdp-ged-syria-2016.csv.gz')),
      },
      { adminPassword: PASSWORD },
    );
    for (const u of E2E_USERS)
      await addUser(ctx, 'operator', { username: u.username, orgId: u.org, role: u.role, password: PASSWORD });
    const app = await server(ctx);
    const disputedIncident = await seedDisputedIncident(app);
    await app.close();
    await ctx.close();
    return { dump: await db.dumpDataDir!(), disputedIncident };
  } finally {
    await db.close();
  }
}

/**
 * The seeded world, made once per test run by the first e2e file to ask and read by the others
 * from the run's directory (test/global-setup.ts): each file then starts from its own copy in
 * about 2 s instead of seeding for 8. Outside a test run, seeded here.
 */
async function sharedSeed(): Promise<Seeded> {
  let dir: string;
  try {
    dir = inject('e2eWorldDir');
  } catch {
    return seed();
  }
  const [dumpFile, metaFile, lockFile, failedFile] = ['world.tar.gz', 'world.json', 'world.lock', 'world.failed'].map(
    (n) => join(dir, n),
  ) as [string, string, string, string];
  const read = (): Seeded => ({
    dump: new Blob([readFileSync(dumpFile)]),
    ...(JSON.parse(readFileSync(metaFile, 'utf8')) as { disputedIncident: string }),
  });
  try {
    closeSync(openSync(lockFile, 'wx'));
  } catch {
    // Another file is seeding it: wait for it (its own start takes 4 minutes at most).
    for (let waited = 0; !existsSync(metaFile); waited += 250) {
      if (existsSync(failedFile))
        throw new Error(`the e2e world could not be seeded: ${readFileSync(failedFile, 'utf8')}`);
      if (waited > 240_000) throw new Error('the e2e world was not seeded within 4 minutes by another test file');
      await new Promise((r) => setTimeout(r, 250));
    }
    return read();
  }
  try {
    const seeded = await seed();
    writeFileSync(dumpFile, Buffer.from(await seeded.dump.arrayBuffer()));
    writeFileSync(`${metaFile}.tmp`, JSON.stringify({ disputedIncident: seeded.disputedIncident }));
    renameSync(`${metaFile}.tmp`, metaFile);
    return seeded;
  } catch (e) {
    writeFileSync(failedFile, e instanceof Error ? e.message : String(e));
    throw e;
  }
}

/** Two organizations' accounts of the Urum al-Kubra convoy strike that disagree, linked into one incident and reviewed. */
async function seedDisputedIncident(app: FastifyInstance): Promise<string> {
  const as = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'truce_session')!;
    return { cookie: `truce_session=${cookie.value}`, 'x-csrf-token': res.json<{ csrf_token: string }>().csrf_token };
  };
  const call = async (headers: Record<string, string>, method: 'POST' | 'PATCH', url: string, payload: unknown) => {
    const res = await app.inject({ method, url, headers, payload: payload as Record<string, unknown> });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<{ id: string }>();
  };
  const reporter = await as('reporter');
  const analyst = await as('analyst');
  const a = await call(reporter, 'POST', '/api/v1/reports', {
    claimed_at: '2016-09-19T19:15:00+03:00',
    time_precision_s: 900,
    location: { lon: 36.93, lat: 36.155 },
    location_precision_m: 500,
    act: 'air_strike',
    alleged_perpetrator: 'ru',
    target: { civilian: 'convoy' },
    casualties: { low: 18, best: 20, high: 21 },
    narrative: 'Our warehouse team saw aircraft strike the trucks and the warehouse at dusk; 18 of 31 trucks burnt.',
    classification: 'public',
    attachments: [
      { filename: 'trucks.txt', media_type: 'text/plain', content_base64: Buffer.from('photo log').toString('base64') },
    ],
  });
  const b = await call(analyst, 'POST', '/api/v1/reports', {
    claimed_at: '2016-09-19T19:40:00+03:00',
    time_precision_s: 1800,
    location: { lon: 36.932, lat: 36.154 },
    location_precision_m: 2000,
    act: 'shelling',
    alleged_perpetrator: 'sy-gov',
    target: { civilian: 'convoy' },
    casualties: { low: 12, best: null, high: null },
    narrative: 'Phone call from a driver: shells and helicopter fire hit the convoy while it was parked.',
    classification: 'public',
  });
  const incident = await call(analyst, 'POST', '/api/v1/incidents', {
    report_ids: [a.id, b.id],
    place: 'Urum al-Kubra',
    headline: 'Aid convoy struck at Urum al-Kubra',
    classification: 'public',
  });
  await call(analyst, 'PATCH', `/api/v1/incidents/${incident.id}`, { status: 'under_review', grade: 'contested' });
  return incident.id;
}
