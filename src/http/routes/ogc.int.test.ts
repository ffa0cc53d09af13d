/**
 * OGC API - Features over HTTP: the landing page, conformance, the collections, items with bbox,
 * datetime, limit and next links, one feature; each collection under the caller's clearance by
 * API token. Then GDAL's own client (`ogrinfo`, `ogr2ogr` from Debian's gdal-bin, which .ci/run
 * installs) against the server listening on a port: it lists the collections and copies the
 * incidents into a GeoPackage, every one of them.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { createIncident, startWorld } from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

const run = promisify(execFile);
const GDAL = existsSync('/usr/bin/ogr2ogr') && existsSync('/usr/bin/ogrinfo');
const OGC = '/api/v1/ogc';

describeEachDatabase('OGC API - Features', (db) => {
  const server = useTestServer(db, { start: startWorld });
  const tokenOf = async (user: string) => {
    const res = await server.call(user, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'gis' } });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { token: string }).token;
  };
  const getAs = async (token: string, url: string, status = 200) => {
    const res = await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(status);
    return res;
  };
  /** Every feature of a collection, following the next links. */
  const everyFeature = async (token: string, url: string) => {
    const features: { id: string; properties: Record<string, unknown> }[] = [];
    let pages = 0;
    for (let next: string | undefined = url; next; pages++) {
      const body: {
        features: { id: string; properties: Record<string, unknown> }[];
        numberReturned: number;
        links: { rel: string; href: string }[];
      } = (await getAs(token, next)).json();
      features.push(...body.features);
      expect(body.numberReturned).toBe(body.features.length);
      next = body.links.find((l) => l.rel === 'next')?.href.replace(/^https?:\/\/[^/]+/, '');
    }
    return { features, pages };
  };

  it('answers the landing page, conformance, collections and a collection, with links', async () => {
    await server.fresh();
    const token = await tokenOf('ngo-observer');
    const landing = (await getAs(token, OGC)).json();
    const rels = landing.links.map((l: { rel: string }) => l.rel);
    for (const rel of ['self', 'service-desc', 'conformance', 'data']) expect(rels).toContain(rel);
    expect(landing.links.find((l: { rel: string }) => l.rel === 'data').href).toMatch(/\/api\/v1\/ogc\/collections$/);
    expect((await getAs(token, `${OGC}/conformance`)).json().conformsTo).toEqual([
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
    ]);
    const api = (await getAs(token, `${OGC}/api`)).json();
    expect(api.paths['/collections/{collectionId}/items'].get.parameters).toContainEqual(
      expect.objectContaining({ name: 'limit', schema: expect.objectContaining({ maximum: 10_000 }) }),
    );
    const collections = (await getAs(token, `${OGC}/collections`)).json().collections;
    expect(collections.map((c: { id: string }) => c.id)).toEqual([
      'incidents',
      'zones',
      'protected_sites',
      'territory_findings',
    ]);
    const incidents = (await getAs(token, `${OGC}/collections/incidents`)).json();
    expect(incidents.extent.spatial.bbox[0]).toHaveLength(4);
    expect(incidents.links).toContainEqual(
      expect.objectContaining({ rel: 'items', type: 'application/geo+json', href: expect.stringMatching(/\/items$/) }),
    );
    expect((await getAs(token, `${OGC}/collections/nope`, 404)).json().code).toBe('NOT_FOUND');
    // Without a token or a session: nothing.
    expect((await server.app.inject({ method: 'GET', url: `${OGC}/collections` })).statusCode).toBe(401);
  });

  it('pages the items by limit and next links, and filters by bbox and datetime', async () => {
    await server.fresh();
    const token = await tokenOf('ngo-observer');
    const count = (await server.call('ngo-observer', { method: 'GET', url: '/api/v1/incidents/count' })).json()
      .count as number;
    const first = await getAs(token, `${OGC}/collections/incidents/items?limit=7`);
    expect(first.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(first.json()).toMatchObject({ type: 'FeatureCollection', numberReturned: 7 });
    const all = await everyFeature(token, `${OGC}/collections/incidents/items?limit=7`);
    expect(all.features).toHaveLength(count);
    expect(new Set(all.features.map((f) => f.id)).size).toBe(count);
    expect(all.pages).toBe(Math.ceil(count / 7));
    // Oldest first.
    const times = all.features.map((f) => f.properties.occurred_at as string);
    expect([...times].sort()).toEqual(times);

    const box = '36.0,35.9,37.5,36.8';
    const inBox = await everyFeature(token, `${OGC}/collections/incidents/items?limit=4&bbox=${box}`);
    expect(inBox.features.length).toBeGreaterThan(0);
    expect(inBox.features.length).toBeLessThan(count);
    for (const f of inBox.features as unknown as { geometry: { coordinates: [number, number] } }[]) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon >= 36 && lon <= 37.5 && lat >= 35.9 && lat <= 36.8).toBe(true);
    }
    const september = await everyFeature(
      token,
      `${OGC}/collections/incidents/items?datetime=2016-09-12T00:00:00Z/2016-09-30T00:00:00Z&limit=100`,
    );
    expect(september.features.length).toBeGreaterThan(0);
    for (const f of september.features) expect(f.properties.occurred_at).toMatch(/^2016-09-(1[2-9]|2\d)/);
    const until = await everyFeature(token, `${OGC}/collections/incidents/items?datetime=../2016-09-12T00:00:00Z`);
    expect(until.features.length + september.features.length).toBeLessThanOrEqual(count);
    // The list's filters, as on GET /incidents.
    for (const f of (await everyFeature(token, `${OGC}/collections/incidents/items?act=air_strike`)).features)
      expect(f.properties.act).toBe('air_strike');

    // One feature; the zones as of a date; sites; territory findings.
    const one = (await getAs(token, `${OGC}/collections/incidents/items/${all.features[0]!.id}`)).json();
    expect(one).toMatchObject({ type: 'Feature', id: all.features[0]!.id, geometry: { type: 'Point' } });
    expect(one.links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'collection']);
    const zones = await everyFeature(token, `${OGC}/collections/zones/items?datetime=2016-03-01T00:00:00Z&limit=5`);
    expect(zones.features.length).toBe(13);
    expect(zones.features[0]!.properties).toMatchObject({ as_of: '2016-03-01T00:00:00Z', status: expect.any(String) });
    expect((await everyFeature(token, `${OGC}/collections/protected_sites/items`)).features.length).toBe(6);
    const territory = await everyFeature(token, `${OGC}/collections/territory_findings/items`);
    expect(territory.features.length).toBeGreaterThan(0);
    expect(territory.features[0]!.properties).toMatchObject({
      verdict: expect.any(String),
      zone_name: expect.any(String),
    });

    // Bad parameters are named; an unknown one is refused, as the standard asks.
    const bad = await getAs(token, `${OGC}/collections/incidents/items?datetime=yesterday`, 400);
    expect(bad.json().path).toBe('querystring.datetime');
    expect((await getAs(token, `${OGC}/collections/incidents/items?colour=red`, 400)).json().code).toBe('VALIDATION');
    expect((await getAs(token, `${OGC}/collections/incidents/items?cursor=abc`, 400)).json().path).toBe(
      'querystring.cursor',
    );
  });

  it("holds only what the token's user may see", async () => {
    await server.fresh();
    const secret = await createIncident(server, 'us-analyst', {
      occurred_at: '2016-05-01T10:00:00Z',
      location: { lon: 36.2, lat: 36.2 },
      act: 'shelling',
      perpetrator: 'sy-gov',
      classification: 'co_chairs',
    });
    const ngo = await tokenOf('ngo-observer');
    const us = await tokenOf('us-observer');
    const ids = async (token: string) =>
      (await everyFeature(token, `${OGC}/collections/incidents/items?limit=1000`)).features.map((f) => f.id);
    expect(await ids(ngo)).not.toContain(secret.id);
    expect(await ids(us)).toContain(secret.id);
    await getAs(ngo, `${OGC}/collections/incidents/items/${secret.id}`, 404);
    await getAs(us, `${OGC}/collections/incidents/items/${secret.id}`, 200);
  });

  it.skipIf(!GDAL)('is read by GDAL: ogrinfo lists the collections, ogr2ogr copies every incident', async () => {
    await server.fresh();
    const token = await tokenOf('ngo-observer');
    const count = (await server.call('ngo-observer', { method: 'GET', url: '/api/v1/incidents/count' })).json()
      .count as number;
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `OAPIF:http://127.0.0.1:${(server.app.server.address() as { port: number }).port}${OGC}`;
    // GDAL sends the token as a header given in its configuration (GDAL_HTTP_HEADERS, GDAL 3.6+).
    const env = { ...process.env, GDAL_HTTP_HEADERS: `Authorization: Bearer ${token}` };
    const dir = mkdtempSync(join(tmpdir(), 'truce-gdal-'));
    try {
      const listed = await run('ogrinfo', ['-ro', '-q', url], { env });
      for (const c of ['incidents', 'zones', 'protected_sites', 'territory_findings'])
        expect(listed.stdout).toMatch(new RegExp(`: ${c} \\(`));
      const gpkg = join(dir, 'incidents.gpkg');
      // A small page, so that GDAL follows the next links.
      await run('ogr2ogr', ['-f', 'GPKG', gpkg, url, 'incidents', '-oo', 'PAGE_SIZE=7'], { env });
      const counted = await run('ogrinfo', ['-ro', '-q', gpkg, '-sql', 'select count(*) as n from incidents'], {
        env,
      });
      expect(Number(/n \(Integer\) = (\d+)/.exec(counted.stdout)?.[1])).toBe(count);
      const fields = await run('ogrinfo', ['-ro', '-so', gpkg, 'incidents'], { env });
      expect(fields.stdout).toMatch(/governorate: String/);
      // Without the token, GDAL is refused.
      await expect(run('ogrinfo', ['-ro', '-q', url], { env: { ...process.env } })).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
