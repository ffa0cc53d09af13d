import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { PASSWORD } from '../../test/server.ts';
import { useTestServer } from '../../test/use-test-server.ts';
import { parseBasemap } from './basemap.ts';
import { buildServer } from './server.ts';

describeEachDatabase('the HTTP server', (db) => {
  // The database is emptied before each test: server.fresh() seeds the accounts again.
  const server = useTestServer(db);

  it('signs in with a password and says who you are', async () => {
    await server.fresh();
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'us-analyst', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'truce_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(login.json()).toMatchObject({
      signed_in: true,
      username: 'us-analyst',
      org: 'us',
      role: 'analyst',
      clearance: 'co_chairs',
    });
    const me = await server.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `truce_session=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({ username: 'us-analyst', csrf_token: login.json().csrf_token });
    expect(login.headers['x-content-type-options']).toBe('nosniff');
  });

  it('tells a visitor without a session that nobody is signed in, without an error', async () => {
    await server.fresh();
    const visitor = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ signed_in: false });
    // A session that ended (signed out, expired, or never was) is the same: no session.
    const stale = await server.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: 'truce_session=not-a-session' },
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.json()).toEqual({ signed_in: false });
    // Signed in, the answer says so; and writes still need the CSRF token it carries.
    const { cookie } = await server.as('us-analyst');
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ signed_in: true, username: 'us-analyst' });
    expect(me.json().csrf_token).toMatch(/\S{16,}/);
    const write = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie },
      payload: { name: 'x' },
    });
    expect(write.json().code).toBe('CSRF');
  });

  it("lets the browser fetch the deployment's tiles, and nothing else from elsewhere", async () => {
    const basemap = parseBasemap('pmtiles://https://files.example.org/syria.pmtiles');
    if (typeof basemap === 'string') throw new Error(basemap);
    const app = await buildServer({ ctx: server.ctx, basemap });
    try {
      const csp = String((await app.inject({ url: '/api/v1/health' })).headers['content-security-policy']);
      expect(csp).toContain("connect-src 'self' https://files.example.org");
      expect(csp).toContain("img-src 'self' data: blob: https://files.example.org");
      expect(csp).toContain("script-src 'self'");
    } finally {
      await app.close();
    }
    const plain = String((await server.app.inject({ url: '/api/v1/health' })).headers['content-security-policy']);
    expect(plain).toMatch(/connect-src 'self'(;|$)/);
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    await server.fresh();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'us-analyst', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'wrong username or password',
      statement: { code: 'error.wrong_password', params: {} },
    });
  });

  it('rejects a cookie-authenticated write without the CSRF token', async () => {
    await server.fresh();
    const { cookie } = await server.as('us-analyst');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie },
      payload: { name: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
  });

  it('issues API tokens that authenticate machines', async () => {
    await server.fresh();
    const created = await server.call('ngo-reporter', {
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'field app' },
    });
    expect(created.statusCode).toBe(201);
    const me = await server.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${created.json().token}` },
    });
    expect(me.json()).toMatchObject({ username: 'ngo-reporter', clearance: 'public' });
    const bad = await server.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: 'Bearer nope' },
    });
    expect(bad.statusCode).toBe(401);
  });

  it('answers client mistakes with 4xx and { code, message, path }', async () => {
    await server.fresh();
    const malformed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'BAD_REQUEST' });
    const wrongType = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 5, password: 'x' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({ code: 'VALIDATION', path: 'username' });
    const missing = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    expect(missing.json()).toMatchObject({ code: 'VALIDATION', path: 'password', message: 'password: is required' });
    const huge = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x', password: 'y'.repeat(9 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
    const nowhere = await server.app.inject({ method: 'GET', url: '/api/v1/nowhere' });
    expect(nowhere.statusCode).toBe(404);
  });

  it('rate-limits sign-in attempts', async () => {
    await server.fresh();
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(
        (
          await server.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'ru-admin', password: 'wrong' },
          })
        ).statusCode,
      );
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('serves an OpenAPI 3.1 document and its reference page', async () => {
    await server.fresh();
    const doc = await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(doc.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'Truce API' } });
    expect(Object.keys(doc.json().paths)).toContain('/api/v1/auth/login');
    const page = await server.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});
