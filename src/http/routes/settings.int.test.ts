import { expect, it } from 'vitest';
import type { Caller } from '../../app/caller.ts';
import type { TruceEvent } from '../../app/events.ts';
import { visibleMessages } from '../../app/live/live-events.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { countRows, startWorldServer } from '../../../test/world.ts';

/** The demo bundle's calm setting: the September arrangement, 12-20 Sept 2016, at most 2 violations a day, 7 days. */
const SEPT = { agreement: 'coh-sept', threshold_per_day: 2, days_required: 7 };
const BODY = { timezone: 'Asia/Damascus', host_state: 'sy-gov', calm: [SEPT] };
const WINDOW = 'from=2016-09-12&to=2016-09-20';

const longest = (days: { streak: number }[]) => Math.max(0, ...days.map((d) => d.streak));

describeEachDatabase('settings API', (db) => {
  const server = useTestServer(db, { start: startWorldServer, perTest: true });

  const get = async (user: string | null, url: string) => server.call(user, { method: 'GET', url });
  const put = async (user: string, payload: object, dryRun = false) =>
    server.call(user, { method: 'PUT', url: `/api/v1/settings${dryRun ? '?dry_run=true' : ''}`, payload });
  const state = async (user: string, query = `${WINDOW}&agreement=coh-sept`) =>
    (await get(user, `/api/v1/state?${query}`)).json();

  it('shows the settings to any signed-in user, and lets only those who manage the world change them', async () => {
    const res = await get('ngo-reporter', '/api/v1/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      name: expect.any(String),
      timezone: 'Asia/Damascus',
      host_state: 'sy-gov',
      calm: [{ ...SEPT, period: { from: '2016-09-12', to: '2016-09-20' }, default: true }],
    });
    expect((await get(null, '/api/v1/settings')).statusCode).toBe(401);

    for (const user of ['us-monitor', 'ngo-monitor', 'us-reporter', 'ru-observer', 'un-ose-humanitarian']) {
      const refused = await put(user, { ...BODY, timezone: 'UTC' });
      expect(refused.statusCode, user).toBe(403);
    }
    // The same settings again: accepted, nothing to write, no entry in the trail.
    for (const user of ['ngo-analyst', 'us-admin']) await server.as(user);
    const entries = await countRows(db(), 'audit_log');
    for (const user of ['ngo-analyst', 'us-admin']) {
      const same = await put(user, BODY);
      expect(same.statusCode, same.body).toBe(200);
      expect(same.json().changes).toEqual({ timezone: null, host_state: null, calm: [] });
    }
    expect(await countRows(db(), 'audit_log')).toBe(entries);

    // Bad input is refused naming the field at fault, and writes nothing.
    const bad: [object, string][] = [
      [{ ...BODY, timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      [{ ...BODY, timezone: '' }, 'timezone'],
      [{ ...BODY, host_state: 'nobody' }, 'host_state'],
      [{ ...BODY, calm: [{ ...SEPT, agreement: 'nothing' }] }, 'calm[0].agreement'],
      [{ ...BODY, calm: [{ ...SEPT, threshold_per_day: -1 }] }, 'calm[0].threshold_per_day'],
      [{ ...BODY, calm: [{ ...SEPT, threshold_per_day: 1.5 }] }, 'calm[0].threshold_per_day'],
      [{ ...BODY, calm: [{ ...SEPT, days_required: 0 }] }, 'calm[0].days_required'],
      [{ ...BODY, calm: [SEPT, { ...SEPT, threshold_per_day: 3 }] }, 'calm[1].agreement'],
      [{ ...BODY, calm: [{ ...SEPT, period: { from: '2016-09-20', to: '2016-09-12' } }] }, 'calm[0].period.to'],
      [{ ...BODY, calm: [{ ...SEPT, period: { from: '2016-02-30', to: '2016-03-02' } }] }, 'calm[0].period.from'],
      [{ timezone: 'UTC', host_state: null }, 'calm'],
    ];
    // (With a valid new timezone beside the fault: it is not saved either.)
    for (const [payload, path] of bad) {
      const refused = await put('ngo-analyst', { ...payload, ...(path === 'timezone' ? {} : { timezone: 'UTC' }) });
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(refused.json(), JSON.stringify(payload)).toMatchObject({ code: 'VALIDATION', path });
    }
    expect(await countRows(db(), 'audit_log')).toBe(entries);
    expect((await get('ngo-reporter', '/api/v1/settings')).json()).toEqual(res.json());

    // The host state: none, then an actor again; each change on the trail with what it was and became.
    const none = await put('us-admin', { ...BODY, host_state: null });
    expect(none.json()).toMatchObject({
      settings: { host_state: null },
      changes: { host_state: { before: 'sy-gov', after: null } },
    });
    const trail = await get('ngo-analyst', '/api/v1/audit/settings/world');
    expect(trail.json().items.at(-1)).toMatchObject({
      action: 'update',
      before: { timezone: 'Asia/Damascus', host_state: 'sy-gov' },
      after: { timezone: 'Asia/Damascus', host_state: null },
    });
  });

  it("moves the state's days of calm with the agreement's threshold: previewed by a dry run, then saved", async () => {
    const before = await state('ngo-observer');
    expect(before.calm).toMatchObject({ agreement: 'coh-sept', threshold_per_day: 2, reduced_violence_on: null });
    // Violations 12-20 Sept: [1, 0, 1, 2, 2, 0, 0, 0, 0], in force the 13th to the 18th: six calm days in a row.
    expect(longest(before.calm.days)).toBe(6);

    const change = { ...BODY, calm: [{ ...SEPT, threshold_per_day: 0, days_required: 2 }] };
    await server.as('ru-analyst');
    const entries = await countRows(db(), 'audit_log');
    const events: TruceEvent[] = [];
    // (The audit trail's seals come when they come: not what is tested here.)
    const unsubscribe = server.ctx.events.subscribe((e) => e.type !== 'audit.appended' && events.push(e));
    const dry = await put('ru-analyst', change, true);
    expect(dry.statusCode, dry.body).toBe(200);
    // At most none a day: the 13th alone, then the 17th and 18th; two in a row, reached on the 18th.
    const sept = (threshold: number, days: number, run: number, reached: string | null) => ({
      threshold_per_day: threshold,
      days_required: days,
      period: { from: '2016-09-12', to: '2016-09-20' },
      longest_run: run,
      reduced_violence_on: reached,
    });
    expect(dry.json()).toEqual({
      dry_run: true,
      settings: expect.objectContaining({
        calm: [expect.objectContaining({ threshold_per_day: 0, days_required: 2 })],
      }),
      changes: {
        timezone: null,
        host_state: null,
        calm: [{ agreement: 'coh-sept', before: sept(2, 7, 6, null), after: sept(0, 2, 2, '2016-09-18') }],
      },
    });
    expect(events).toEqual([]);
    expect(await countRows(db(), 'audit_log')).toBe(entries);
    expect((await state('ngo-observer')).calm.threshold_per_day).toBe(2);

    const saved = await put('ru-analyst', change);
    unsubscribe();
    expect(saved.json()).toMatchObject({ dry_run: false, changes: dry.json().changes });
    expect(events).toEqual([
      { type: 'settings.changed', entity: 'calm_setting', id: 'coh-sept', at: expect.any(Number) },
    ]);
    const after = await state('ngo-observer');
    expect(after.calm).toMatchObject({ threshold_per_day: 0, days_required: 2, reduced_violence_on: '2016-09-18' });
    expect(longest(after.calm.days)).toBe(2);
    expect(after.calm.window.map((d: { calm: boolean }) => d.calm)).toEqual([
      false,
      true,
      false,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
    const trail = (await get('ru-analyst', '/api/v1/audit/calm_setting/coh-sept')).json().items;
    expect(trail.at(-1)).toMatchObject({
      action: 'update',
      before: { agreement_id: 'coh-sept', threshold_per_day: 2, days_required: 7 },
      after: { agreement_id: 'coh-sept', threshold_per_day: 0, days_required: 2 },
    });

    // Another agreement's own setting, with no period of its own: counted over the window asked for.
    const both = await put('ru-analyst', {
      ...change,
      calm: [...change.calm, { agreement: 'coh', threshold_per_day: 2, days_required: 3 }],
    });
    expect(both.json().changes.calm).toEqual([
      {
        agreement: 'coh',
        before: null,
        after: { threshold_per_day: 2, days_required: 3, period: null, longest_run: null, reduced_violence_on: null },
      },
    ]);
    const coh = await state('ngo-observer', `${WINDOW}&agreement=coh`);
    // Under coh: [3, 0, 1, 2, 2, 0, 0, 2, 0], coh in force all along: calm from the 13th to the 20th.
    expect(coh.calm).toMatchObject({
      agreement: 'coh',
      threshold_per_day: 2,
      from: '2016-09-12',
      to: '2016-09-20',
      reduced_violence_on: '2016-09-15',
    });
    expect(longest(coh.calm.days)).toBe(8);
    // No agreement asked (every agreement): the default one, the bundle's.
    expect((await state('ngo-observer', WINDOW)).calm.agreement).toBe('coh-sept');
    // Left out of the list: counted no more.
    const dropped = await put('ru-analyst', change);
    expect(dropped.json().changes.calm).toEqual([{ agreement: 'coh', before: expect.any(Object), after: null }]);
    expect((await state('ngo-observer', `${WINDOW}&agreement=coh`)).calm.agreement).toBe('coh-sept');
  });

  it("counts the state's days in the timezone set", async () => {
    const day = async (date: string) => state('ngo-observer', `from=${date}&to=${date}&agreement=coh-sept`);
    const violations = (await get('ngo-observer', '/api/v1/findings?verdict=violation&agreement=coh-sept&limit=500'))
      .json()
      .items.map((f: { at: string }) => Date.parse(f.at));
    const between = (from: string, to: string) =>
      violations.filter((t: number) => t >= Date.parse(from) && t < Date.parse(to)).length;
    // i22 at 2016-09-15T22:30Z is 01:30 on the 16th in Damascus, still the 15th in UTC.
    expect((await day('2016-09-15')).violations.total).toBe(between('2016-09-14T21:00:00Z', '2016-09-15T21:00:00Z'));
    const events: TruceEvent[] = [];
    // (The audit trail's seals come when they come: not what is tested here.)
    const unsubscribe = server.ctx.events.subscribe((e) => e.type !== 'audit.appended' && events.push(e));
    const res = await put('us-analyst', { ...BODY, timezone: 'UTC' });
    unsubscribe();
    expect(res.json().changes).toMatchObject({
      timezone: { before: 'Asia/Damascus', after: 'UTC' },
      // The same setting, counted over other days: its figures are said again.
      calm: [{ agreement: 'coh-sept', before: { threshold_per_day: 2 }, after: { threshold_per_day: 2 } }],
    });
    expect(events.map((e) => `${e.type} ${e.entity} ${e.id}`)).toEqual(['settings.changed settings world']);
    const fifteenth = await day('2016-09-15');
    expect(fifteenth.timezone).toBe('UTC');
    expect(fifteenth.window).toMatchObject({ start: '2016-09-15T00:00:00Z', end: '2016-09-16T00:00:00Z' });
    expect(fifteenth.violations.total).toBe(between('2016-09-15T00:00:00Z', '2016-09-16T00:00:00Z'));
    expect(between('2016-09-15T00:00:00Z', '2016-09-16T00:00:00Z')).not.toBe(
      between('2016-09-14T21:00:00Z', '2016-09-15T21:00:00Z'),
    );
    // A fixed offset, as a bundle may give, is taken too.
    expect((await put('us-analyst', { ...BODY, timezone: '+03:00' })).statusCode).toBe(200);
    expect((await day('2016-09-15')).window.start).toBe('2016-09-14T21:00:00Z');
  });

  it('shows an agreement’s days of calm only to those who may see the agreement', async () => {
    const made = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/agreements',
      payload: {
        title: 'Co-chairs’ draft',
        classification: 'co_chairs',
        in_force: [{ from: '2016-09-01T00:00:00Z', to: null }],
      },
    });
    const secret = made.json().agreement.id as string;
    const withSecret = { ...BODY, calm: [SEPT, { agreement: secret, threshold_per_day: 4, days_required: 5 }] };
    const events: TruceEvent[] = [];
    // (The audit trail's seals come when they come: not what is tested here.)
    const unsubscribe = server.ctx.events.subscribe((e) => e.type !== 'audit.appended' && events.push(e));
    expect((await put('us-analyst', withSecret)).statusCode).toBe(200);
    unsubscribe();

    const seen = async (user: string) => {
      const settings = await get(user, '/api/v1/settings');
      const state = await get(user, `/api/v1/state?${WINDOW}&agreement=coh-sept`);
      return {
        agreements: settings.json().calm.map((c: { agreement: string }) => c.agreement),
        hinted: settings.body.includes(secret) || state.body.includes(secret),
        trail: (await get(user, `/api/v1/audit/calm_setting/${secret}`)).statusCode,
      };
    };
    for (const user of ['us-analyst', 'ru-analyst'])
      expect(await seen(user), user).toEqual({ agreements: ['coh-sept', secret], hinted: true, trail: 200 });
    for (const user of ['un-ose-analyst', 'ngo-analyst'])
      expect(await seen(user), user).toEqual({ agreements: ['coh-sept'], hinted: false, trail: 404 });
    expect((await state('ru-observer', `${WINDOW}&agreement=${secret}`)).calm).toMatchObject({ threshold_per_day: 4 });

    // The live event of the hidden setting reaches only those who may see its agreement.
    const event = events.find((e) => e.entity === 'calm_setting')!;
    expect(event.id).toBe(secret);
    const reader = (orgId: string, clearance: Caller['clearance']): Caller => ({
      userId: `u-${orgId}`,
      username: `${orgId}-analyst`,
      orgId,
      orgKind: 'other',
      role: 'analyst',
      clearance,
    });
    expect(await visibleMessages(server.ctx, reader('ru', 'co_chairs'), event)).toHaveLength(1);
    expect(await visibleMessages(server.ctx, reader('ngo', 'public'), event)).toEqual([]);

    // Naming it is as naming an agreement that does not exist; leaving it out keeps it.
    const refused = await put('ngo-analyst', withSecret);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION', path: 'calm[1].agreement' });
    expect(refused.body).toContain('unknown agreement');
    const kept = await put('ngo-analyst', { ...BODY, calm: [{ ...SEPT, threshold_per_day: 1 }] });
    expect(kept.json().changes.calm.map((c: { agreement: string }) => c.agreement)).toEqual(['coh-sept']);
    expect((await seen('us-analyst')).agreements).toEqual(['coh-sept', secret]);
  });
});
