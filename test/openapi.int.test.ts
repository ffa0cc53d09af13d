/**
 * The OpenAPI document, checked by an independent validator (@apidevtools/swagger-parser, which
 * validates OpenAPI 3.1 against its JSON Schema and checks $refs), and against the routes the
 * server really registers: each has an operation (the hidden ones aside), with a summary and a
 * 4xx error response.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from './databases.ts';
import { startTestServer, type TestServer } from './server.ts';

const HIDDEN = new Set(['/api/v1/openapi.json', '/api/v1/health']);
/** The OGC API - Features has its own definition (its service-desc, /api/v1/ogc/api): docs/exports.md. */
const OWN_DEFINITION = '/api/v1/ogc';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every (method, path) under /api/v1 from Fastify's route tree, paths in OpenAPI form. */
function registeredRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('');
    if (
      !m[3] ||
      !path.startsWith('/api/v1/') ||
      path.startsWith('/api/v1/docs') ||
      path.startsWith(OWN_DEFINITION) ||
      HIDDEN.has(path)
    )
      continue;
    for (const method of m[3].split(', ')) {
      if (method !== 'HEAD') routes.push(`${method.toLowerCase()} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes.sort();
}

describeEachDatabase('the OpenAPI document', (db) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(db());
  });
  afterEach(() => server.close());

  it('is valid OpenAPI 3.1 for an independent validator', async () => {
    const res = await server.call(null, { method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    // validate() dereferences in place: give it a copy, and report every error it names.
    let error: unknown = null;
    try {
      await SwaggerParser.validate(structuredClone(doc));
    } catch (e) {
      error = e;
    }
    expect(error && String((error as Error).message), 'swagger-parser errors').toBeNull();
    // The validator does reject a broken document.
    const broken = structuredClone(doc);
    broken.paths['/api/v1/reports'].get.responses = 'none';
    await expect(SwaggerParser.validate(broken)).rejects.toThrow();
  });

  it('documents every registered route, each with a summary and a 4xx error response', async () => {
    const doc = (await server.call(null, { method: 'GET', url: '/api/v1/openapi.json' })).json();
    const documented: string[] = [];
    const problems: string[] = [];
    for (const [path, item] of Object.entries<
      Record<string, { summary?: string; responses?: Record<string, unknown> }>
    >(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        documented.push(`${method} ${path}`);
        if (!op.summary?.trim()) problems.push(`${method} ${path}: no summary`);
        if (!Object.keys(op.responses ?? {}).some((code) => /^4(\d\d|XX)$/.test(code)))
          problems.push(`${method} ${path}: no 4xx response`);
      }
    }
    const registered = registeredRoutes(server.app.printRoutes({ commonPrefix: false }));
    expect(registered.length).toBeGreaterThan(30);
    expect(
      registered.filter((r) => !documented.includes(r)),
      'routes missing from the document',
    ).toEqual([]);
    expect(
      documented.filter((r) => !registered.includes(r)),
      'operations with no route',
    ).toEqual([]);
    expect(problems).toEqual([]);
  });
});
