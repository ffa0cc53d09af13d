/**
 * Webhooks over HTTP: made (the secret shown once, never again, not even in the audit trail),
 * listed, paused, changed and deleted by their owner, each change audited; anyone else's is not
 * found (404, not listed, even for an admin of the same organization); bad input refused naming the
 * field, writing nothing; loopback and private targets refused unless the server allows them.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { countRows } from '../../../test/world.ts';
import { asReader } from '../../store/reader.ts';

const HOOK = { name: 'Ops room', url: 'https://hooks.example.org/truce', events: ['incident.created'] };

describeEachDatabase('webhooks over HTTP', (db) => {
  const server = useTestServer(db);

  const call = (user: string | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    server.call(user, { method, url, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });

  async function make(user: string, body: Record<string, unknown> = {}) {
    const res = await call(user, 'POST', '/api/v1/webhooks', { ...HOOK, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; secret: string }>();
  }

  it('makes a webhook with its secret shown once, lists it without, pauses, changes and deletes it, auditing each', async () => {
    await server.fresh();
    const made = await call('ngo-observer', 'POST', '/api/v1/webhooks', {
      ...HOOK,
      area: { bbox: [36, 35, 38, 37] },
    });
    expect(made.statusCode, made.body).toBe(201);
    const hook = made.json();
    expect(hook).toMatchObject({
      name: 'Ops room',
      url: 'https://hooks.example.org/truce',
      events: ['incident.created'],
      area: { bbox: [36, 35, 38, 37] },
      active: true,
    });
    expect(hook.secret).toMatch(/^whsec_/);
    const listed = await call('ngo-observer', 'GET', '/api/v1/webhooks');
    expect(listed.json().items).toEqual([{ ...hook, secret: undefined }].map(({ secret: _s, ...rest }) => rest));
    expect(listed.body).not.toContain(hook.secret);
    expect((await call('ngo-observer', 'GET', `/api/v1/webhooks/${hook.id}`)).body).not.toContain(hook.secret);

    const paused = await call('ngo-observer', 'PATCH', `/api/v1/webhooks/${hook.id}`, { active: false });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ active: false, name: 'Ops room', area: { bbox: [36, 35, 38, 37] } });
    const changed = await call('ngo-observer', 'PATCH', `/api/v1/webhooks/${hook.id}`, {
      events: ['finding.changed', 'ruling.changed', 'finding.changed'],
      area: null,
    });
    expect(changed.json()).toMatchObject({ events: ['finding.changed', 'ruling.changed'], area: null, active: false });
    // Changing nothing writes nothing.
    const entries = await countRows(db(), 'audit_log');
    expect((await call('ngo-observer', 'PATCH', `/api/v1/webhooks/${hook.id}`, { active: false })).statusCode).toBe(
      200,
    );
    expect(await countRows(db(), 'audit_log')).toBe(entries);

    expect((await call('ngo-observer', 'DELETE', `/api/v1/webhooks/${hook.id}`)).statusCode).toBe(204);
    expect((await call('ngo-observer', 'GET', `/api/v1/webhooks/${hook.id}`)).statusCode).toBe(404);
    expect((await call('ngo-observer', 'GET', '/api/v1/webhooks')).json().items).toEqual([]);

    const audited = await db().query<{ action: string; after: Record<string, unknown> | null; owner_org: string }>(
      `select action, after, owner_org from audit_log where entity = 'webhook' and entity_id = $1 order by seq`,
      [hook.id],
    );
    expect(audited.map((a) => a.action)).toEqual(['create', 'update', 'update', 'delete']);
    expect(audited[1]!.after).toMatchObject({ active: false, user: 'ngo-observer' });
    expect(audited.every((a) => a.owner_org === 'ngo')).toBe(true);
    const trail = await db().query<{ text: string }>(`select before::text || after::text as text from audit_log`);
    expect(
      trail.some((e) => e.text?.includes(hook.secret)),
      'the secret is in the audit trail',
    ).toBe(false);
    // Requests read as truce_reader, which may not read the subscriptions (their secrets) nor the outbox at all.
    for (const table of ['webhook_subscriptions', 'webhook_outbox'])
      await expect(
        asReader(db(), { userId: null, orgId: 'ngo', clearance: 'public' }, (sql) =>
          sql.query(`select * from ${table}`),
        ),
      ).rejects.toThrow(/permission denied/);
    // Its history: for an admin of its organization, as an API token's.
    expect((await call('ngo-admin', 'GET', `/api/v1/audit/webhook/${hook.id}`)).statusCode).toBe(200);
    expect((await call('us-admin', 'GET', `/api/v1/audit/webhook/${hook.id}`)).statusCode).toBe(404);
    expect((await call('ngo-analyst', 'GET', `/api/v1/audit/webhook/${hook.id}`)).statusCode).toBe(403);
  });

  it("finds nobody's webhook but the owner's: another user's is 404 to read, change, delete or list its log", async () => {
    await server.fresh();
    const hook = await make('us-analyst');
    for (const other of ['us-admin', 'us-monitor', 'ru-analyst', 'ngo-admin']) {
      for (const [method, url, body] of [
        ['GET', `/api/v1/webhooks/${hook.id}`],
        ['GET', `/api/v1/webhooks/${hook.id}/deliveries`],
        ['PATCH', `/api/v1/webhooks/${hook.id}`, { active: false }],
        ['DELETE', `/api/v1/webhooks/${hook.id}`],
      ] as const) {
        const res = await call(other, method, url, body);
        expect(res.statusCode, `${other} ${method} ${url}`).toBe(404);
        expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
        // As one that does not exist.
        const none = await call(other, method, url.replace(hook.id, 'whk-none'), body);
        expect(none.body).toBe(res.body.replaceAll(hook.id, 'whk-none'));
      }
      expect((await call(other, 'GET', '/api/v1/webhooks')).json().items).toEqual([]);
    }
    expect((await call(null, 'GET', '/api/v1/webhooks')).statusCode).toBe(401);
    expect((await call('us-analyst', 'GET', `/api/v1/webhooks/${hook.id}`)).json()).toMatchObject({ active: true });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    await server.fresh();
    const zone = await call('us-analyst', 'POST', '/api/v1/zones', {
      name: 'for us only',
      classification: 'org',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [36, 35],
            [36.1, 35],
            [36.1, 35.1],
            [36, 35.1],
            [36, 35],
          ],
        ],
      },
    });
    expect(zone.statusCode, zone.body).toBe(201);
    const hiddenZone = zone.json<{ zone: { id: string } }>().zone.id;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ url: 'ftp://hooks.example.org/' }, 'url', /http or https/],
      [{ url: 'not a url' }, 'url', /absolute http or https URL/],
      [{ url: 'https://me:pw@hooks.example.org/' }, 'url', /user name or password/],
      [{ url: 'http://127.0.0.1:8080/hook' }, 'url', /loopback or private address/],
      [{ url: 'http://169.254.169.254/latest' }, 'url', /loopback or private address/],
      [{ url: 'http://localhost/hook' }, 'url', /loopback or private address/],
      [{ url: '' }, 'url', /must not be empty/],
      [{ name: '  ' }, 'name', /must not be empty/],
      [{ name: 'x'.repeat(101) }, 'name', /at most 100/],
      [{ events: [] }, 'events', /at least one event/],
      [{ events: ['incident.deleted'] }, 'events[0]', /./],
      [{ area: { bbox: [38, 35, 36, 37] } }, 'area.bbox', /min before max/],
      [{ area: { bbox: [36, 35, 238, 37] } }, 'area.bbox[2]', /between -180 and 180/],
      [{ area: { zone: hiddenZone } }, 'area.zone', /there is no zone/],
      [{ area: { zone: 'no-such-zone' } }, 'area.zone', /there is no zone/],
      [{ area: {} }, 'area', /either bbox or zone/],
      [{ url: undefined }, 'url', /required/],
    ];
    await call('ngo-analyst', 'GET', '/api/v1/webhooks'); // signed in (an audited sign-in) before counting
    const before = await countRows(db(), 'audit_log');
    for (const [body, path, message] of cases) {
      const res = await call('ngo-analyst', 'POST', '/api/v1/webhooks', { ...HOOK, ...body });
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(400);
      const err = res.json<{ path?: string; message: string; problems?: { path: string; message: string }[] }>();
      const problem = err.problems?.find((p) => p.path === path) ?? (err.path === path ? err : undefined);
      expect(problem, `${JSON.stringify(body)} names ${path}: ${res.body}`).toBeDefined();
      expect(problem!.message).toMatch(message);
    }
    const hook = await make('ngo-analyst');
    const patched = await call('ngo-analyst', 'PATCH', `/api/v1/webhooks/${hook.id}`, {});
    expect(patched.statusCode).toBe(400);
    expect(patched.body).toContain('give at least one field to change');
    const badUrl = await call('ngo-analyst', 'PATCH', `/api/v1/webhooks/${hook.id}`, { url: 'http://10.0.0.1/' });
    expect(badUrl.json()).toMatchObject({ path: 'url' });
    expect(await countRows(db(), 'webhook_subscriptions')).toBe(1);
    expect(await countRows(db(), 'audit_log')).toBe(before + 1);
  });

  it('keeps at most 20 webhooks per user', async () => {
    await server.fresh();
    for (let i = 0; i < 20; i++) await make('ngo-reporter', { name: `hook ${i}` });
    const refused = await call('ngo-reporter', 'POST', '/api/v1/webhooks', HOOK);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('delete one first');
    await make('ngo-analyst'); // another user's count is their own
  });
});
