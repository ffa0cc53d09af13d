/**
 * Hostile input seen in security probes: a NUL character or a lone surrogate in a JSON string, a
 * field name, a path id or a query parameter; bodies nested without end; forged pagination
 * cursors. Each is the client's mistake: 400 with `{code, message, path}` naming the field, and
 * nothing written.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { startWorld, urumReport } from '../../test/report-world.ts';
import type { TestServer } from '../../test/server.ts';
import { countRows } from '../../test/world.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describeEachDatabase('hostile input', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startWorld(db());
  });
  afterAll(() => server.close());
  // The database is emptied before each test: build the world again where a test needs it.
  const fresh = async () => {
    await server.close();
    server = await startWorld(db());
  };

  const expectRefused = async (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    path: string,
    message: RegExp,
    payload?: unknown,
  ) => {
    await server.as('us-admin'); // signing in is audited: before counting
    const before = await countRows(db(), 'audit_log');
    const headers = typeof payload === 'string' ? { 'content-type': 'application/json' } : {};
    const res = await server.call('us-admin', {
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', path });
    expect(res.json().message).toMatch(message);
    expect(await countRows(db(), 'audit_log'), `${method} ${url} wrote nothing`).toBe(before);
  };

  it('refuses a NUL character in a body string, a field name, a path id and a query parameter, naming where', async () => {
    await fresh();
    await server.as('us-admin');
    const nul = /must not contain a NUL character/;
    await expectRefused('POST', '/api/v1/reports', 'narrative', nul, urumReport({ narrative: 'convoy\u0000struck' }));
    await expectRefused(
      'POST',
      '/api/v1/reports',
      'target.civilian',
      nul,
      urumReport({ target: { civilian: '\u0000' } }),
    );
    await expectRefused(
      'POST',
      '/api/v1/reports',
      'location',
      /has a field name with a NUL character/,
      urumReport({ location: { lon: 36.9, lat: 36.1, 'x\u0000': 1 } }),
    );
    await expectRefused('PATCH', '/api/v1/actors/sy-gov', 'aliases[1]', nul, { aliases: ['ok', 'bad\u0000'] });
    await expectRefused('GET', '/api/v1/reports/a%00b', 'params.id', nul);
    await expectRefused('GET', '/api/v1/actors/%00', 'params.id', nul);
    await expectRefused('GET', '/api/v1/incidents?q=a%00b', 'querystring.q', nul);
    await expectRefused('GET', '/api/v1/actors?q=%00', 'querystring.q', nul);
    await expectRefused('GET', '/api/v1/findings?subject=i1%00', 'querystring.subject', nul);
    await expectRefused('GET', '/api/v1/events?last_event_id=%00', 'querystring.last_event_id', nul);
  });

  it('refuses a lone surrogate, which would be stored as U+FFFD: the text changed without a word', async () => {
    await fresh();
    await expectRefused(
      'POST',
      '/api/v1/reports',
      'narrative',
      /lone UTF-16 surrogate/,
      urumReport({ narrative: 'a\ud800b' }),
    );
    await expectRefused(
      'POST',
      '/api/v1/reports',
      'narrative',
      /lone UTF-16 surrogate/,
      urumReport({ narrative: '\udc00' }),
    );
    // Percent-encoded UTF-8 cannot hold a lone surrogate (%ED%A0%80 is not UTF-8): it is not decoded, and finds nothing.
    const encoded = await server.call('us-admin', { method: 'GET', url: '/api/v1/incidents?q=%ED%A0%80' });
    expect([encoded.statusCode, encoded.json().items]).toEqual([200, []]);
    // A surrogate pair (an emoji) is valid text and is kept.
    const kept = await server.call('ngo-reporter', {
      method: 'POST',
      url: '/api/v1/reports',
      payload: urumReport({ narrative: 'convoy \ud83d\ude9a struck' }),
    });
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json().narrative).toBe('convoy \u{1F69A} struck');
  });

  it('refuses a body nested deeper than any the API takes', async () => {
    await fresh();
    // Written out by hand: JSON.stringify itself recurses, and the client would overflow first.
    const n = 100_000;
    const deep = JSON.stringify(urumReport({ location: '(deep)' })).replace(
      '"(deep)"',
      `{"coordinates":${'['.repeat(n)}1${']'.repeat(n)}}`,
    );
    await expectRefused(
      'POST',
      '/api/v1/reports',
      `location.coordinates${'[0]'.repeat(30)}`,
      /nested too deeply/,
      deep,
    );
  });

  it('refuses forged pagination cursors: a boolean, an object, 1e308, values of the wrong kind', async () => {
    await fresh();
    const refused = (url: string, message = /is not a cursor this API gave/) =>
      expectRefused('GET', url, 'querystring.cursor', message);
    for (const list of [
      '/api/v1/incidents?',
      '/api/v1/reports?',
      '/api/v1/findings?',
      '/api/v1/actors?',
      '/api/v1/actors?sort=name&',
      '/api/v1/zones?',
      '/api/v1/agreements?',
      '/api/v1/convoys?',
    ]) {
      for (const forged of [
        true,
        {},
        1e308,
        null,
        'x',
        [],
        [true],
        [{}],
        [1e308],
        [null, 'x'],
        [true, 'x'],
        [{}, 'x'],
        [1e308, 'x'],
        ['x', 'y', 'z'],
      ]) {
        await refused(`${list}cursor=${b64(forged)}`);
      }
      await refused(`${list}cursor=${encodeURIComponent('not base64 at all!')}`);
    }
    // A time that is no time, where an instant is sorted on; a count where a time is.
    for (const list of ['/api/v1/incidents?', '/api/v1/reports?', '/api/v1/findings?']) {
      await refused(`${list}cursor=${b64(['nonsense', 'x'])}`);
      await refused(`${list}cursor=${b64(['2016-13-45T99:00:00.000Z', 'x'])}`);
      await refused(`${list}cursor=${b64(['2016-09-19T16:15:00.000Z', 'x\u0000'])}`);
    }
    await refused(`/api/v1/incidents?cursor=${b64([14, 'x'])}`, /belongs to another sort order/);
    await refused(
      `/api/v1/incidents?sort=-deaths&cursor=${b64(['2016-09-19T16:15:00.000Z', 'x'])}`,
      /belongs to another sort order/,
    );
    await refused(`/api/v1/incidents?sort=-deaths&cursor=${b64([1e308, 'x'])}`);
    await refused(`/api/v1/incidents?sort=-deaths&cursor=${b64([2 ** 40, 'x'])}`);
    await refused(`/api/v1/incidents?sort=-deaths&cursor=${b64([1.5, 'x'])}`);
  });

  it('refuses a date that has the form of one but is no day (it reached the database)', async () => {
    await fresh();
    for (const url of ['/api/v1/state?to=6999-33-87', '/api/v1/state?from=2016-02-30', '/api/v1/state?to=1732-74-92']) {
      await expectRefused(
        'GET',
        url,
        url.includes('from') ? 'querystring.from' : 'querystring.to',
        /must be a date YYYY-MM-DD that exists/,
      );
    }
  });

  it('still follows the cursors it gave, page after page, for every sort', async () => {
    await fresh();
    for (const url of [
      '/api/v1/incidents?limit=7',
      '/api/v1/incidents?limit=7&sort=-deaths',
      '/api/v1/reports?limit=1',
      '/api/v1/findings?limit=9&sort=-at',
      '/api/v1/actors?limit=5&sort=name',
    ]) {
      await server.call('ngo-reporter', { method: 'POST', url: '/api/v1/reports', payload: urumReport() });
      const seen: string[] = [];
      let next: string | null = null;
      do {
        const res = await server.call('us-admin', { method: 'GET', url: `${url}${next ? `&cursor=${next}` : ''}` });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        const body = res.json<{ items: { id?: string; key?: string }[]; next_cursor: string | null }>();
        seen.push(...body.items.map((i) => i.id ?? i.key!));
        next = body.next_cursor;
      } while (next !== null);
      const all = await server.call('us-admin', { method: 'GET', url: `${url.replace(/limit=\d+/, 'limit=500')}` });
      expect(seen, url).toEqual(
        all.json<{ items: { id?: string; key?: string }[] }>().items.map((i) => i.id ?? i.key!),
      );
      expect(seen.length, url).toBeGreaterThan(1);
    }
  });
});
