import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { countRows, q, startWorldServer } from '../../../test/world.ts';

const CHANGE = '2016-08-27T00:00:00+03:00';

const daraya = (over: Record<string, unknown> = {}) => ({
  name: 'Daraya: the town handed over',
  name_ar: 'داريا: تسليم المدينة',
  zone_id: 'z-daraya',
  concluded_on: '2016-08-25',
  terms: 'Fighters to Idlib, civilians to Harjalleh and Qudsaya.',
  source: 'AFP, 26 August 2016',
  control_change_at: CHANGE,
  parties: [
    { role: 'party', actor: 'fsa-south' },
    { role: 'party', actor: 'sy-gov' },
    { role: 'mediator', name: 'Local reconciliation committee' },
  ],
  ...over,
});

const toIdlib = (over: Record<string, unknown> = {}) => ({
  status: 'under_way',
  started_on: '2016-08-26',
  people: { fighters: 700 },
  origins: [{ name: 'Daraya', name_ar: 'داريا' }],
  destinations: [{ name: 'Idlib', name_ar: 'إدلب' }],
  source: 'SANA via AFP',
  ...over,
});

describeEachDatabase(
  'local agreements API: agreements, evacuations, the change of control they came by, who sees',
  (db) => {
    const server = useTestServer(db, { start: startWorldServer, perTest: true });
    const call = (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
      server.call(user, {
        method,
        url: `/api/v1${url}`,
        ...(payload ? { payload: payload as Record<string, unknown> } : {}),
      });
    const must = async (user: string, method: 'POST' | 'PATCH', url: string, payload: unknown) => {
      const res = await call(user, method, url, payload);
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    /** Daraya's change of control of 27 August, as a reader's territory findings give it. */
    const darayaChange = async (user: string) =>
      (
        await call(
          user,
          'GET',
          `/findings?kind=territory&subject=z-daraya&from=${q(CHANGE)}&to=${q('2016-08-27T00:00:01+03:00')}`,
        )
      ).json().items;

    it('records an agreement linked to the change of control that followed, with its evacuations', async () => {
      expect(
        (await darayaChange('ngo-observer')).map((f: { by_local_agreement: unknown }) => f.by_local_agreement),
      ).toEqual([null]);
      const g = await must('un-ose-analyst', 'POST', '/local-agreements', daraya());
      expect(g).toMatchObject({
        zone_id: 'z-daraya',
        concluded_on: '2016-08-25',
        owner_org: 'un-ose',
        classification: 'public',
        parties: [
          { role: 'party', actor: 'fsa-south', name: null },
          { role: 'party', actor: 'sy-gov', name: null },
          { role: 'mediator', actor: null, name: 'Local reconciliation committee' },
        ],
        evacuations: [],
      });
      expect(Date.parse(g.control_change_at)).toBe(Date.parse(CHANGE));
      // The territory finding of that change says it came by agreement (its verdict is the rules', unchanged).
      const [finding] = await darayaChange('ngo-observer');
      expect(finding).toMatchObject({
        verdict: 'violation',
        by_local_agreement: { id: g.id, name: 'Daraya: the town handed over', concluded_on: '2016-08-25' },
      });
      const history = (
        await call('ngo-observer', 'GET', `/findings/${encodeURIComponent(finding.key)}/history`)
      ).json();
      expect(history.current.by_local_agreement.id).toBe(g.id);
      // An incident finding came by no agreement.
      const incident = (await call('ngo-observer', 'GET', '/findings?subject=i14-daraya-evacuation')).json().items[0];
      expect(incident.by_local_agreement).toBeNull();

      const fighters = await must('un-ose-analyst', 'POST', `/local-agreements/${g.id}/evacuations`, toIdlib());
      expect(fighters).toMatchObject({
        local_agreement_id: g.id,
        status: 'under_way',
        ended_on: null,
        people: { fighters: 700, civilians: null, wounded: null, total: null },
        destinations: [{ name: 'Idlib', name_ar: 'إدلب' }],
        recorded_by: 'un-ose-analyst',
      });
      await must('un-ose-admin', 'POST', `/local-agreements/${g.id}/evacuations`, {
        status: 'completed',
        started_on: '2016-08-26',
        ended_on: '2016-08-27',
        people: { civilians: 4000 },
        origins: [{ name: 'Daraya' }],
        destinations: [{ name: 'Harjalleh' }, { name: 'Qudsaya', name_ar: 'قدسيا' }],
      });
      // Done: only what is given changes.
      const done = await must('un-ose-analyst', 'PATCH', `/local-agreements/${g.id}/evacuations/${fighters.id}`, {
        status: 'completed',
        ended_on: '2016-08-27',
        people: { wounded: 12 },
      });
      expect(done).toMatchObject({
        status: 'completed',
        ended_on: '2016-08-27',
        people: { fighters: 700, wounded: 12 },
        source: 'SANA via AFP',
      });

      const one = (await call('ngo-observer', 'GET', `/local-agreements/${g.id}`)).json();
      expect(
        one.evacuations.map((e: { status: string; people: { civilians: number | null } }) => [
          e.status,
          e.people.civilians,
        ]),
      ).toEqual([
        ['completed', null],
        ['completed', 4000],
      ]);
      const timeline = (await call('ngo-observer', 'GET', '/local-agreements')).json().items;
      expect(timeline.map((a: { id: string }) => a.id)).toEqual([g.id]);
      expect((await call('ngo-observer', 'GET', '/local-agreements?zone=z-east-aleppo')).json().items).toEqual([]);

      // Unlinked from the change: the finding no longer names it; the terms kept.
      const unlinked = await must('un-ose-analyst', 'PATCH', `/local-agreements/${g.id}`, { control_change_at: null });
      expect([unlinked.control_change_at, unlinked.terms, unlinked.source]).toEqual([
        null,
        daraya().terms,
        'AFP, 26 August 2016',
      ]);
      expect((await darayaChange('ngo-observer'))[0].by_local_agreement).toBeNull();
      const trail = (await call('un-ose-analyst', 'GET', `/audit/local_agreement/${g.id}`)).json();
      expect(trail.items.map((e: { action: string }) => e.action)).toEqual([
        'create',
        'add-evacuation',
        'add-evacuation',
        'update-evacuation',
        'update',
      ]);
    });

    it('refuses a change of control that is none, or before the agreement, bad parties and figures, and writes nothing', async () => {
      await call('us-analyst', 'GET', '/local-agreements'); // signed in (an audit entry of its own)
      const before = await countRows(db(), 'audit_log');
      const cases: [unknown, string][] = [
        [daraya({ control_change_at: '2016-08-26T00:00:00+03:00' }), 'control_change_at'],
        [daraya({ zone_id: 'z-east-aleppo' }), 'control_change_at'],
        [daraya({ concluded_on: '2016-08-28' }), 'control_change_at'],
        [daraya({ parties: [{ role: 'mediator', actor: 'ru' }] }), 'parties'],
        [daraya({ parties: [{ role: 'party', name: 'The rebels' }] }), 'parties[0].actor'],
        [daraya({ parties: [{ role: 'party', actor: 'nobody' }] }), 'parties[0].actor'],
        [daraya({ parties: [{ role: 'party', actor: 'sy-gov', name: 'x' }] }), 'parties[0].actor'],
        [daraya({ zone_id: 'z-nowhere' }), 'zone_id'],
        [daraya({ concluded_on: '2016-13-01' }), 'concluded_on'],
      ];
      for (const [body, path] of cases) {
        const res = await call('us-analyst', 'POST', '/local-agreements', body);
        expect(res.statusCode, `${JSON.stringify(body).slice(0, 120)}: ${res.body}`).toBe(400);
        expect(JSON.stringify(res.json()), path).toContain(path);
      }
      expect(await countRows(db(), 'local_agreements')).toBe(0);
      expect(await countRows(db(), 'audit_log')).toBe(before);
      const g = await must('us-analyst', 'POST', '/local-agreements', daraya({ control_change_at: null }));
      for (const [body, path] of [
        [toIdlib({ ended_on: '2016-08-25' }), 'ended_on'],
        [toIdlib({ people: { fighters: 700, total: 10 } }), 'people.total'],
        [toIdlib({ people: { fighters: -1 } }), 'people.fighters'],
        [toIdlib({ destinations: [] }), 'destinations'],
        [toIdlib({ status: 'done' }), 'status'],
      ] as const) {
        const res = await call('us-analyst', 'POST', `/local-agreements/${g.id}/evacuations`, body);
        expect(res.statusCode, res.body).toBe(400);
        expect(JSON.stringify(res.json())).toContain(path);
      }
      expect(await countRows(db(), 'evacuations')).toBe(0);
      const e = await must('us-analyst', 'POST', `/local-agreements/${g.id}/evacuations`, toIdlib());
      const late = await call('us-analyst', 'PATCH', `/local-agreements/${g.id}/evacuations/${e.id}`, {
        ended_on: '2016-08-01',
      });
      expect([late.statusCode, late.json().path]).toEqual([400, 'ended_on']);
      const missing = await call('us-analyst', 'PATCH', `/local-agreements/${g.id}/evacuations/evacuation-nope`, {
        status: 'completed',
      });
      expect(missing.statusCode).toBe(404);
      // Roles: analysts and admins only.
      for (const user of ['us-humanitarian', 'us-monitor', 'us-observer']) {
        expect((await call(user, 'POST', '/local-agreements', daraya())).statusCode, user).toBe(403);
        expect((await call(user, 'POST', `/local-agreements/${g.id}/evacuations`, toIdlib())).statusCode, user).toBe(
          403,
        );
      }
    });

    it('hides an agreement, and what rests on it, from who may not see it or its zone', async () => {
      const secret = await must(
        'us-analyst',
        'POST',
        '/local-agreements',
        daraya({ name: 'The secret deal', classification: 'org' }),
      );
      await must('us-analyst', 'POST', `/local-agreements/${secret.id}/evacuations`, toIdlib({ note: 'secret buses' }));
      const zone = await must('us-analyst', 'POST', '/zones', {
        name: 'A hidden town',
        classification: 'co_chairs',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [38, 34.7],
              [38.02, 34.7],
              [38.02, 34.72],
              [38, 34.72],
              [38, 34.7],
            ],
          ],
        },
      });
      const onHidden = await must(
        'us-analyst',
        'POST',
        '/local-agreements',
        daraya({ name: 'Deal of a hidden town', zone_id: zone.zone.id, control_change_at: null }),
      );
      expect(onHidden.classification).toBe('public');
      const sees = {
        'us-observer': [secret, onHidden],
        'ru-observer': [onHidden],
        'un-ose-analyst': [],
        'ngo-observer': [],
      };
      for (const [user, visible] of Object.entries(sees)) {
        const list = await call(user, 'GET', '/local-agreements');
        const listed = list.json().items.map((g: { id: string }) => g.id);
        for (const g of [secret, onHidden]) {
          const shown = (visible as { id: string }[]).includes(g);
          expect(listed.includes(g.id), `${user} lists ${g.name}`).toBe(shown);
          expect((await call(user, 'GET', `/local-agreements/${g.id}`)).statusCode, `${user} GET ${g.name}`).toBe(
            shown ? 200 : 404,
          );
          if (!shown) expect(list.body).not.toContain(g.name);
        }
        // The territory finding names the deal to who may see it, to nobody else; its verdict stays the same for all.
        const [finding] = await darayaChange(user);
        expect(finding.verdict).toBe('violation');
        expect(finding.by_local_agreement?.id ?? null, user).toBe(user === 'us-observer' ? secret.id : null);
        expect(JSON.stringify(finding).includes('secret'), user).toBe(user === 'us-observer');
      }
      for (const user of ['un-ose-analyst', 'ru-analyst']) {
        expect((await call(user, 'PATCH', `/local-agreements/${secret.id}`, { terms: 'x' })).statusCode).toBe(404);
        expect((await call(user, 'POST', `/local-agreements/${secret.id}/evacuations`, toIdlib())).statusCode).toBe(
          404,
        );
        const trail = await call(user, 'GET', '/audit?limit=500');
        expect(trail.body).not.toContain(secret.id);
        expect(trail.body).not.toContain('secret buses');
      }
      const named = await call(
        'un-ose-analyst',
        'POST',
        '/local-agreements',
        daraya({ zone_id: zone.zone.id, control_change_at: null }),
      );
      expect([named.statusCode, named.json().path]).toEqual([400, 'zone_id']);
    });
  },
);
