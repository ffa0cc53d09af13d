import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerWeb, staticFileFor, withBasemap } from './web.ts';

const root = mkdtempSync(join(tmpdir(), 'truce-web-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Truce</title>');
writeFileSync(join(root, 'assets/app-123.js'), 'console.log(1)');
writeFileSync(join(root, 'favicon.svg'), '<svg/>');
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function app(dir = root) {
  const a = Fastify();
  a.get('/api/v1/health', async () => ({ ok: true }));
  await registerWeb(a, { root: dir });
  return a;
}

describe('staticFileFor', () => {
  it.each([
    ['/assets/app-123.js', 'assets/app-123.js'],
    ['/favicon.svg', 'favicon.svg'],
    ['/favicon.svg?v=2', 'favicon.svg'],
    ['/', null],
    ['/map', null],
    ['/assets', null],
    ['/../package.json', null],
    ['/%2e%2e/package.json', null],
    ['/a%00b', null],
    ['/%zz', null],
  ] as const)('%s is %s', (url, file) => expect(staticFileFor(root, url)).toBe(file));
});

describe('the web app at /', () => {
  it('serves files, hashed assets cached for a year', async () => {
    const a = await app();
    const js = await a.inject({ url: '/assets/app-123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await a.inject({ url: '/favicon.svg' })).headers['content-type']).toContain('image/svg+xml');
  });

  it("answers the app's own paths with index.html, never cached", async () => {
    const a = await app();
    for (const url of ['/', '/map?day=2016-09-19', '/incidents/abc', '/index.html']) {
      const res = await a.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>Truce</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('leaves /api and missing files to the 404 handler', async () => {
    const a = await app();
    expect((await a.inject({ url: '/api/v1/health' })).json()).toEqual({ ok: true });
    expect((await a.inject({ url: '/api/v1/nope' })).statusCode).toBe(404);
    expect((await a.inject({ url: '/assets/missing-1.js' })).statusCode).toBe(404);
  });

  it("names the deployment's tiles in a <meta> of the page, escaped", async () => {
    const a = Fastify();
    await registerWeb(a, {
      root,
      basemap: { kind: 'xyz', url: 'https://t.example/{z}/{x}/{y}.png?a=1&b="2"', origin: 'https://t.example' },
    });
    const res = await a.inject({ url: '/map' });
    expect(res.body).toContain(
      '<meta name="truce-basemap" data-kind="xyz" content="https://t.example/{z}/{x}/{y}.png?a=1&amp;b=&quot;2&quot;">',
    );
    expect((await a.inject({ url: '/index.html' })).body).toBe(res.body);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(
      withBasemap('<html><head><title>T</title></head></html>', {
        kind: 'style',
        url: 'https://s/$&/style.json',
        origin: 'https://s',
      }),
    ).toBe(
      '<html><head><title>T</title><meta name="truce-basemap" data-kind="style" content="https://s/$&amp;/style.json"></head></html>',
    );
  });

  it('says how to build the app when it is not built', async () => {
    const a = await app(join(root, 'nowhere'));
    const res = await a.inject({ url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
  });
});
