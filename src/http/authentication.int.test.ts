/**
 * Authentication against guessing, seen in security probes: an unknown user's sign-in costs the
 * same hash check as a real one's; a username is refused after too many attempts from any
 * address and any server process (unknown names too), until its window ends; unknown API tokens
 * are limited per address; a single API token can be listed and revoked, at once.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { verifyPassword } from '../app/accounts/secrets.ts';
import { SIGN_IN_LIMIT } from '../app/accounts/sign-in.ts';
import { type AppContext, createContext } from '../app/context.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { PASSWORD, seedAccounts } from '../../test/server.ts';
import { TOKEN_FAILURES } from './auth.ts';
import { buildServer } from './server.ts';

// The real argon2, watched: which hashes a sign-in checks the password against.
const verify = vi.fn(verifyPassword);

describeEachDatabase('authentication against guessing', (db) => {
  let clock: number;
  let ctx: AppContext;
  let apps: FastifyInstance[];
  /** A server process of its own on the shared database (the clock is the test's). */
  const server = async () => {
    const app = await buildServer({ ctx });
    apps.push(app);
    return app;
  };
  beforeEach(async () => {
    clock = Date.now(); // sessions expire by the database's clock: start from the real time
    ctx = { ...createContext(db(), { sealDelayMs: 5, verifyPassword: verify }), now: () => clock };
    apps = [];
    await seedAccounts(ctx);
    verify.mockClear();
  });
  afterEach(async () => {
    for (const app of apps) await app.close();
    await ctx.close();
  });
  const login = (app: FastifyInstance, username: string, password: string, address = '10.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: address });

  it("checks an unknown user's password against a dummy hash of the same cost as a real one", async () => {
    const app = await server();
    const [real] = await db().query<{ password_hash: string }>(
      `select password_hash from users where username = 'us-analyst'`,
    );
    await db().query(`update users set disabled_at = now() where username = 'ngo-observer'`);
    const cost = (hash: string) => hash.split('$').slice(1, 4).join('$');
    for (const [username, password, status] of [
      ['us-analyst', 'not the password', 401],
      ['nobody-at-all', 'not the password', 401],
      ['ngo-observer', PASSWORD, 401],
      ['us-analyst', PASSWORD, 200],
    ] as const) {
      verify.mockClear();
      const res = await login(app, username, password, `10.0.1.${status}`);
      expect(res.statusCode, username).toBe(status);
      // One argon2 verification each, at the same cost (algorithm, version, memory, passes): the same time.
      expect(verify.mock.calls.length, username).toBe(1);
      const hash = String(verify.mock.calls[0]![0]);
      expect(cost(hash), username).toBe(cost(real!.password_hash));
      if (username === 'nobody-at-all') expect(hash).not.toBe(real!.password_hash);
    }
    expect(cost(real!.password_hash)).toBe('argon2id$v=19$m=19456,t=2,p=1');
  });

  it('refuses a username after too many attempts from any address and any server, unknown names alike, until its window ends', async () => {
    const [a, b] = [await server(), await server()];
    const { attempts } = SIGN_IN_LIMIT;
    // Each guess from a new address, alternating between two server processes.
    for (let i = 0; i < attempts; i++) {
      expect((await login(i % 2 ? a : b, 'us-analyst', `guess ${i}`, `10.1.${i}.1`)).statusCode).toBe(401);
      expect((await login(i % 2 ? b : a, 'no-such-user', `guess ${i}`, `10.2.${i}.1`)).statusCode).toBe(401);
    }
    // Then refused, the right password included, before any password is checked; an unknown name the same way.
    verify.mockClear();
    const refused = await login(a, 'us-analyst', PASSWORD, '10.3.0.1');
    const unknown = await login(b, 'no-such-user', PASSWORD, '10.3.0.2');
    for (const res of [refused, unknown]) {
      expect(res.statusCode).toBe(429);
      expect(res.json()).toEqual({
        code: 'RATE_LIMITED',
        message: 'too many sign-in attempts for this username: try again in 15 min',
        path: 'username',
        statement: { code: 'error.sign_in_held', params: { minutes: { number: 15 } } },
      });
    }
    expect(verify).not.toHaveBeenCalled();
    // Another user is not held back.
    expect((await login(b, 'ru-analyst', PASSWORD, '10.3.0.3')).statusCode).toBe(200);
    // Later in the window: still refused, with the time left.
    clock += 10 * 60_000;
    expect((await login(a, 'us-analyst', PASSWORD, '10.3.0.4')).json().message).toBe(
      'too many sign-in attempts for this username: try again in 5 min',
    );
    // Once the window has ended, the right password works, and the count starts afresh.
    clock += 5 * 60_000 + 1_000;
    expect((await login(b, 'us-analyst', PASSWORD, '10.3.0.5')).statusCode).toBe(200);
    for (let i = 0; i < attempts; i++)
      expect((await login(a, 'us-analyst', `again ${i}`, `10.4.${i}.1`)).statusCode).toBe(401);
    expect((await login(a, 'us-analyst', PASSWORD, '10.4.99.1')).statusCode).toBe(429);
    // Names are kept only as hashes.
    const stored = await db().query<{ account: string }>('select account from sign_in_attempts');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.account))).toBe(true);
  });

  it('refuses every bearer token from an address that sent too many unknown ones, for a while', async () => {
    const app = await server();
    const session = await login(app, 'ngo-reporter', PASSWORD);
    const cookie = `truce_session=${session.cookies.find((c) => c.name === 'truce_session')!.value}`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie, 'x-csrf-token': session.json().csrf_token },
      payload: { name: 'field app' },
    });
    const good = `Bearer ${created.json().token}`;
    const me = (authorization: string, address: string) =>
      app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization }, remoteAddress: address });
    for (let i = 0; i < TOKEN_FAILURES.max; i++)
      expect((await me(`Bearer truce_guess${i}`, '10.5.0.1')).statusCode).toBe(401);
    const limited = await me('Bearer truce_one-more', '10.5.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(
        /^too many requests with unknown API tokens from this address: try again in \d+ s$/,
      ),
    });
    expect((await me(good, '10.5.0.1')).statusCode).toBe(429);
    expect((await me(good, '10.5.0.2')).statusCode).toBe(200);
  });

  it("lists your API tokens and revokes one, at once, audited; admins may revoke their organization's", async () => {
    const app = await server();
    const sessions = new Map<string, { cookie: string; csrf: string }>();
    const as = async (user: string) => {
      if (!sessions.has(user)) {
        const res = await login(app, user, PASSWORD, `10.6.${sessions.size}.1`);
        sessions.set(user, {
          cookie: `truce_session=${res.cookies.find((c) => c.name === 'truce_session')!.value}`,
          csrf: res.json().csrf_token,
        });
      }
      const s = sessions.get(user)!;
      return { cookie: s.cookie, 'x-csrf-token': s.csrf };
    };
    const call = async (user: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      app.inject({ method, url, headers: await as(user), ...(payload ? { payload } : {}) });
    const bearer = (token: string) =>
      app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });

    const phone = (await call('ngo-reporter', 'POST', '/api/v1/auth/tokens', { name: 'phone' })).json();
    const laptop = (await call('ngo-reporter', 'POST', '/api/v1/auth/tokens', { name: 'laptop' })).json();
    const listed = await call('ngo-reporter', 'GET', '/api/v1/auth/tokens');
    expect(
      listed
        .json()
        .items.map((t: { id: string; name: string; user: string; revoked_at: null }) => [
          t.id,
          t.name,
          t.user,
          t.revoked_at,
        ]),
    ).toEqual([
      [phone.id, 'phone', 'ngo-reporter', null],
      [laptop.id, 'laptop', 'ngo-reporter', null],
    ]);
    expect(listed.body).not.toContain(phone.token);
    // Used once: its caller is now in this process's token cache.
    expect((await bearer(phone.token)).statusCode).toBe(200);

    const audited = async () =>
      db().query<{ user_id: string | null; entity_id: string; after: { revoked: boolean } }>(
        `select user_id, entity_id, after from audit_log where entity = 'api_token' and action = 'revoke' order by seq`,
      );
    expect((await call('ngo-reporter', 'DELETE', `/api/v1/auth/tokens/${phone.id}`)).statusCode).toBe(204);
    expect((await bearer(phone.token)).statusCode).toBe(401);
    expect((await bearer(laptop.token)).statusCode).toBe(200);
    expect(await audited()).toEqual([
      {
        user_id: expect.any(String),
        entity_id: phone.id,
        after: { name: 'phone', user: 'ngo-reporter', revoked: true },
      },
    ]);
    const after = (await call('ngo-reporter', 'GET', '/api/v1/auth/tokens')).json().items;
    expect(after.map((t: { revoked_at: string | null }) => t.revoked_at)).toEqual([
      new Date(clock).toISOString(),
      null,
    ]);
    // Again: nothing more happens, and nothing more is audited.
    expect((await call('ngo-reporter', 'DELETE', `/api/v1/auth/tokens/${phone.id}`)).statusCode).toBe(204);
    expect(await audited()).toHaveLength(1);

    // A colleague who is not an admin, and an admin of another organization, do not even learn it exists.
    for (const user of ['ngo-analyst', 'us-admin']) {
      const res = await call(user, 'DELETE', `/api/v1/auth/tokens/${laptop.id}`);
      expect(res.statusCode, user).toBe(404);
      expect(res.json()).toEqual({
        code: 'NOT_FOUND',
        message: `no API token "${laptop.id}"`,
        statement: { code: 'error.not_found', params: { record: { record: 'api token' }, id: { text: laptop.id } } },
      });
    }
    expect((await call('ngo-analyst', 'GET', '/api/v1/auth/tokens?user=ngo-reporter')).statusCode).toBe(403);
    expect((await call('us-admin', 'GET', '/api/v1/auth/tokens?user=ngo-reporter')).statusCode).toBe(404);
    expect((await call('ngo-admin', 'GET', '/api/v1/auth/tokens?user=ngo-reporter')).json().items).toHaveLength(2);
    expect((await bearer(laptop.token)).statusCode).toBe(200);
    // The organization's admin may.
    expect((await call('ngo-admin', 'DELETE', `/api/v1/auth/tokens/${laptop.id}`)).statusCode).toBe(204);
    expect((await bearer(laptop.token)).statusCode).toBe(401);
    expect((await audited()).map((e) => e.entity_id)).toEqual([phone.id, laptop.id]);
    expect((await call('ngo-admin', 'DELETE', '/api/v1/auth/tokens/no-such-token')).statusCode).toBe(404);
  });
});
