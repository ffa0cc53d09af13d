/**
 * An HTTP test world: the server on a test database, with organizations of every kind and a
 * user of every role, and helpers to call it as any of them (fastify.inject, no sockets).
 */
import type { Role } from '../src/contract/access.ts';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { addOrganization } from '../src/app/accounts/add-organization.ts';
import { addUser } from '../src/app/accounts/add-user.ts';
import { type AppContext, createContext } from '../src/app/context.ts';
import { hashPassword } from '../src/app/accounts/secrets.ts';
import { buildServer } from '../src/http/server.ts';
import type { Database } from '../src/store/sql.ts';

export const PASSWORD = 'correct horse battery';

/** Organizations of the test world: two co-chairs, the UN secretariat, an NGO, a monitor. */
export const ORGS = [
  { id: 'us', name: 'United States (co-chair)', kind: 'co_chair', taskForce: true },
  { id: 'ru', name: 'Russian Federation (co-chair)', kind: 'co_chair', taskForce: true },
  { id: 'un-ose', name: 'Office of the UN Special Envoy', kind: 'un', taskForce: true },
  { id: 'ngo', name: 'A humanitarian NGO', kind: 'humanitarian', taskForce: false },
] as const;

/** One user per (org, role) that the tests use: `${org}-${role}`. */
export const USERS: { org: string; role: Role }[] = [
  ...ORGS.flatMap((o) =>
    (['admin', 'analyst', 'monitor', 'reporter', 'humanitarian', 'observer'] as Role[]).map((role) => ({
      org: o.id,
      role,
    })),
  ),
];

const hashes = new Map<string, Promise<string>>();
/**
 * The server's own argon2id, run once per password per test process: a world of 24 accounts is
 * started before most int tests, and hashing each account's password anew took a third of a
 * second of CPU every time. Signing in still verifies against the real hash.
 */
export function hashOncePerPassword(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestServer {
  app: FastifyInstance;
  ctx: AppContext;
  /** Signs in as `${org}-${role}`; sessions are cached per user. */
  as(username: string): Promise<Session>;
  /** A request, as a user or as nobody; writes carry the CSRF token. */
  call(username: string | null, options: InjectOptions): Promise<Awaited<ReturnType<FastifyInstance['inject']>>>;
  close(): Promise<void>;
}

export async function seedAccounts(ctx: AppContext): Promise<void> {
  for (const org of ORGS) await addOrganization(ctx, 'operator', org);
  for (const u of USERS)
    await addUser(ctx, 'operator', { username: `${u.org}-${u.role}`, orgId: u.org, role: u.role, password: PASSWORD });
}

/** `context`: more of the context's options (webhooks to loopback addresses, for a receiver in the test). */
export async function startTestServer(
  db: Database,
  context: Omit<Parameters<typeof createContext>[1], 'sealDelayMs'> = {},
): Promise<TestServer> {
  const ctx = createContext(db, { hashPassword: hashOncePerPassword, ...context, sealDelayMs: 5 });
  await seedAccounts(ctx);
  const app = await buildServer({ ctx });
  const sessions = new Map<string, Session>();
  const as = async (username: string): Promise<Session> => {
    const cached = sessions.get(username);
    if (cached) return cached;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'truce_session')!;
    const session = { cookie: `truce_session=${cookie.value}`, csrf: res.json<{ csrf_token: string }>().csrf_token };
    sessions.set(username, session);
    return session;
  };
  return {
    app,
    ctx,
    as,
    call: async (username, options) => {
      const session = username ? await as(username) : null;
      const headers = {
        ...(options.headers ?? {}),
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      };
      return app.inject({ ...options, headers });
    },
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}
