/**
 * What the server says about transport: `Cache-Control: no-store` on the API (not on the web
 * app's hashed assets); behind a trusted TLS-terminating proxy a `Secure` session cookie, HSTS and
 * `upgrade-insecure-requests`, and none of them over plain HTTP or from a proxy not trusted; and
 * slow clients: a body or headers sent a byte at a time are cut off with a 408, while the event
 * stream and a steady upload are not. Over real sockets where timing is the point.
 */
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { createContext } from '../app/context.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { attachment, urumReport } from '../../test/report-world.ts';
import { PASSWORD, seedAccounts } from '../../test/server.ts';
import { openSse } from '../../test/sse.ts';
import { loadScenario } from '../app/scenario/load-scenario.ts';
import { SYRIA } from '../../test/world.ts';
import { buildServer, type ServerOptions } from './server.ts';
import { WEB_DIST } from './web.ts';

describeEachDatabase('transport: caching, TLS behind a proxy, slow clients', (db) => {
  let apps: FastifyInstance[] = [];
  let contexts: ReturnType<typeof createContext>[] = [];
  afterEach(async () => {
    for (const app of apps) await app.close();
    for (const ctx of contexts) await ctx.close();
    apps = [];
    contexts = [];
  });
  const start = async (options: Omit<ServerOptions, 'ctx'> = {}, seed = true) => {
    const ctx = createContext(db(), { sealDelayMs: 5 });
    contexts.push(ctx);
    if (seed) await seedAccounts(ctx);
    const app = await buildServer({ ctx, ...options });
    apps.push(app);
    return app;
  };
  const login = (app: FastifyInstance, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'ngo-reporter', password: PASSWORD },
      headers,
      remoteAddress,
    });

  it("answers every API request with Cache-Control: no-store, and lets the web app's hashed assets be cached", async () => {
    const app = await start();
    const session = await login(app);
    const cookie = `truce_session=${session.cookies.find((c) => c.name === 'truce_session')!.value}`;
    for (const [url, headers] of [
      ['/api/v1/health', {}],
      ['/api/v1/reports', { cookie }],
      ['/api/v1/auth/me', { cookie }],
      ['/api/v1/reports', {}],
      ['/api/v1/nowhere', {}],
      ['/api/v1/openapi.json', {}],
    ] as const) {
      const res = await app.inject({ url, headers });
      expect(res.headers['cache-control'], `${url} (${res.statusCode})`).toBe('no-store');
    }
    expect(session.headers['cache-control']).toBe('no-store');
    const asset = readdirSync(`${WEB_DIST}assets`).find((f) => f.endsWith('.js'))!;
    const cached = await app.inject({ url: `/assets/${asset}` });
    expect(cached.statusCode).toBe(200);
    expect(cached.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends a Secure cookie, HSTS and upgrade-insecure-requests only to requests that came over TLS through a trusted proxy', async () => {
    const tls = { 'x-forwarded-proto': 'https' };
    const secure = (res: Awaited<ReturnType<typeof login>>) => ({
      status: res.statusCode,
      secureCookie: res.cookies.find((c) => c.name === 'truce_session')!.secure === true,
      hsts: res.headers['strict-transport-security'] ?? null,
      upgrade: String(res.headers['content-security-policy']).includes('upgrade-insecure-requests'),
    });
    const https = { status: 200, secureCookie: true, hsts: 'max-age=31536000; includeSubDomains', upgrade: true };
    const http = { status: 200, secureCookie: false, hsts: null, upgrade: false };

    const proxied = await start({ trustProxy: '127.0.0.1,10.0.0.0/8' });
    expect(secure(await login(proxied, tls))).toEqual(https);
    expect(secure(await login(proxied, tls, '10.20.30.40'))).toEqual(https);
    expect(secure(await login(proxied))).toEqual(http);
    // A client that is not the proxy cannot claim TLS.
    expect(secure(await login(proxied, tls, '192.0.2.7'))).toEqual(http);
    // Without --trust-proxy nothing forwarded is believed (and the default is plain HTTP: no HSTS to lock browsers out).
    const direct = await start({}, false);
    expect(secure(await login(direct, tls))).toEqual(http);
    expect(secure(await login(direct))).toEqual(http);
    // A number of hops works too.
    const hops = await start({ trustProxy: 1 }, false);
    expect(secure(await login(hops, tls, '203.0.113.9'))).toEqual(https);
  });

  /** Sends `head`, then `body` a byte every `everyMs`; resolves with what came back and how many body bytes went. */
  const dribble = (port: number, head: string, body: string, everyMs: number) =>
    new Promise<{ response: string; sent: number }>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let response = '';
      let sent = 0;
      const timer = setInterval(() => {
        if (sent < body.length && !socket.destroyed) socket.write(body[sent++]!);
      }, everyMs);
      socket.on('data', (chunk) => {
        response += String(chunk);
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ response, sent });
      });
      socket.write(head);
    });

  it('cuts off a request whose body, or whose headers, come a byte at a time: 408 {code, message}', async () => {
    const app = await start({ timeouts: { headersMs: 1_000, requestMs: 1_500, checkEveryMs: 100 } }, false);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    // 200 bytes at 10 a second would take 20 s; the limit is 1.5 s.
    const body = JSON.stringify({ username: 'ngo-reporter', password: 'x'.repeat(150) });
    const slowBody = await dribble(
      port,
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      body,
      100,
    );
    expect(slowBody.response).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(JSON.parse(slowBody.response.split('\r\n\r\n')[1]!)).toEqual({
      code: 'REQUEST_TIMEOUT',
      message: 'the request took too long to arrive',
    });
    expect(slowBody.sent).toBeLessThan(body.length);
    const headers = 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'y'.repeat(200) + '\r\n\r\n';
    const slowHeaders = await dribble(port, '', headers, 100);
    expect(slowHeaders.response).toMatch(/^HTTP\/1\.1 408 /);
    expect(slowHeaders.sent).toBeLessThan(headers.length);
  });

  it('keeps the event stream open past the idle timeout, and lets a steady upload take longer than it', async () => {
    const loaded = await loadScenario(db(), SYRIA);
    expect(loaded.ok).toBe(true);
    const app = await start({ timeouts: { idleMs: 800, checkEveryMs: 100 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const session = await login(app);
    const cookie = `truce_session=${session.cookies.find((c) => c.name === 'truce_session')!.value}`;
    const csrf = session.json().csrf_token as string;
    const stream = await openSse(`http://127.0.0.1:${port}/api/v1/events`, { cookie });
    // Well past the idle timeout with nothing sent (the heartbeat comes every 15 s).
    await new Promise((r) => setTimeout(r, 2_500));
    // A report of about 400 kB, sent in 16 kB pieces 100 ms apart: some 2.5 s in all, each gap under the idle timeout.
    const payload = JSON.stringify(
      urumReport({ narrative: 'steady upload', attachments: [attachment(Buffer.alloc(300_000, 7))] }),
    );
    const upload = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let response = '';
      socket.on('data', (chunk) => {
        response += String(chunk);
        if (response.includes('\r\n\r\n') && /"id"/.test(response)) socket.end();
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(response));
      socket.write(
        `POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nX-CSRF-Token: ${csrf}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n`,
      );
      let at = 0;
      const timer = setInterval(() => {
        socket.write(payload.slice(at, at + 16_384));
        at += 16_384;
        if (at >= payload.length) clearInterval(timer);
      }, 100);
    });
    expect(upload).toMatch(/^HTTP\/1\.1 201 /);
    const id = JSON.parse(
      upload
        .slice(upload.indexOf('\r\n\r\n') + 4)
        .replace(/^[0-9a-f]+\r\n/, '')
        .replace(/\r\n0\r\n\r\n$/, ''),
    ).id as string;
    // The stream, idle all along, is still open and delivers the new report.
    const created = await stream.waitFor((m) => m.data.type === 'report.created' && m.data.id === id, 10_000);
    expect(created.data.id).toBe(id);
    stream.close();
  });
});
