import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { countRows, startWorldServer } from '../../../test/world.ts';
import { rulesUpdated } from '../../app/findings/finding-causes.ts';
import { recomputeFindings } from '../../app/findings/recompute-findings.ts';

describeEachDatabase('agreements API', (db) => {
  const server = useTestServer(db, { start: startWorldServer, perTest: true });

  const agreement = async (user: string, id = 'coh') =>
    server.call(user, { method: 'GET', url: `/api/v1/agreements/${id}` });

  it('shows an agreement whole: parties with their acceptances, exclusions, prohibited acts, periods', async () => {
    const res = await agreement('ngo-observer');
    expect(res.statusCode).toBe(200);
    const coh = res.json();
    expect(coh).toMatchObject({
      id: 'coh',
      classification: 'public',
      owner_org: null,
      excluded: ['isil', 'nusra'],
      self_defense: true,
      in_force: [{ from: '2016-02-26T22:00:00Z', to: null }],
      scope: { type: expect.stringMatching(/Polygon/) },
      clauses: [],
    });
    expect(coh.prohibited).toContain('territory_seizure');
    expect(coh.parties.filter((p: { actor: string }) => p.actor === 'fsa-north')).toEqual([
      {
        actor: 'fsa-north',
        accepted_at: '2016-02-26T09:00:00Z',
        until: '2016-03-11T22:00:00Z',
        channel: null,
        caveats: [],
      },
      { actor: 'fsa-north', accepted_at: '2016-03-11T22:00:00Z', until: null, channel: null, caveats: [] },
    ]);
    const list = await server.call('ngo-observer', {
      method: 'GET',
      url: '/api/v1/agreements?party=fsa-north&limit=1',
    });
    expect(list.json().items.map((g: { id: string }) => g.id)).toEqual(['coh']);
    const next = await server.call('ngo-observer', {
      method: 'GET',
      url: `/api/v1/agreements?party=fsa-north&limit=1&cursor=${list.json().next_cursor}`,
    });
    expect(next.json()).toMatchObject({ items: [{ id: 'coh-sept' }], next_cursor: null });
    expect((await server.call(null, { method: 'GET', url: '/api/v1/agreements' })).statusCode).toBe(401);
    expect((await agreement('ngo-observer', 'nothing')).statusCode).toBe(404);
  });

  it('judges again, when only the periods in force move, the incidents they move in or out of force, and leaves every finding as judging all would', async () => {
    /** The findings, after the change, of the incidents of [from, to): what the change judged, and no more. */
    const findingsBetween = async (from: string, to: string) =>
      (
        await db().query<{ n: number }>(
          `select count(*)::int as n from findings f join incidents i on i.id = f.subject_id
           where f.kind = 'incident' and i.occurred_at >= $1 and i.occurred_at < $2`,
          [from, to],
        )
      )[0]!.n;
    const judged = (c: { inserted: number; updated: number; unchanged: number }) =>
      c.inserted + c.updated + c.unchanged;
    const move = async (from: string) => {
      const res = await server.call('us-analyst', {
        method: 'PATCH',
        url: '/api/v1/agreements/coh',
        payload: { in_force: [{ from, to: null }] },
      });
      expect(res.statusCode).toBe(200);
      return res.json().findings.incidents;
    };
    // coh is in force from 26 February, 22:00 UTC, without end: from 15 March instead, then from 20 February.
    const later = await move('2016-03-15T00:00:00Z');
    expect(later.withdrawn).toBeGreaterThan(0);
    expect(judged(later)).toBe(await findingsBetween('2016-02-26T22:00:00Z', '2016-03-15T00:00:00Z'));
    const earlier = await move('2016-02-20T00:00:00Z');
    expect(earlier.inserted).toBeGreaterThan(0);
    expect(judged(earlier)).toBe(await findingsBetween('2016-02-20T00:00:00Z', '2016-03-15T00:00:00Z'));
    // A judgement of every incident finds nothing left to change.
    const all = await db().transaction((tx) =>
      recomputeFindings(tx, { incidents: 'all', zones: 'all' }, rulesUpdated(), { dryRun: true }),
    );
    expect(all.incidents).toMatchObject({ inserted: 0, updated: 0, withdrawn: 0 });
    expect(all.territory).toMatchObject({ inserted: 0, updated: 0, withdrawn: 0 });
    expect(all.incidents.unchanged).toBeGreaterThan(judged(earlier));
  });

  it('judges again, when only the self-defence term changes, the incidents claiming self-defence alone, and leaves every finding as judging all would', async () => {
    const claiming = (
      await db().query<{ n: number }>(
        `select count(*)::int as n from findings f join incidents i on i.id = f.subject_id
         where f.kind = 'incident' and f.agreement_id = 'coh' and i.self_defense_claim`,
      )
    )[0]!.n;
    expect(claiming).toBeGreaterThan(0);
    const before = (await server.call('us-analyst', { url: '/api/v1/agreements/coh' })).json();
    for (const selfDefense of [!before.self_defense, before.self_defense]) {
      const res = await server.call('us-analyst', {
        method: 'PATCH',
        url: '/api/v1/agreements/coh',
        payload: { self_defense: selfDefense },
      });
      expect(res.statusCode).toBe(200);
      const { incidents, territory } = res.json().findings;
      // The claiming incidents' findings, under every agreement in force then; no change of control.
      expect(incidents.inserted + incidents.updated + incidents.unchanged).toBeGreaterThanOrEqual(claiming);
      expect(incidents.inserted + incidents.updated + incidents.unchanged).toBeLessThan(10);
      expect(incidents.updated).toBeGreaterThan(0);
      expect(territory.inserted + territory.updated + territory.unchanged + territory.withdrawn).toBe(0);
      const all = await db().transaction((tx) =>
        recomputeFindings(tx, { incidents: 'all', zones: 'all' }, rulesUpdated(), { dryRun: true }),
      );
      expect(all.incidents).toMatchObject({ inserted: 0, updated: 0, withdrawn: 0 });
      expect(all.territory).toMatchObject({ inserted: 0, updated: 0, withdrawn: 0 });
    }
  });

  it('says what a change would do before it is made (a dry run): the same answer, nothing saved, nothing sent', async () => {
    const key = 'incident:i07-al-tanf-nsa:coh';
    await server.call('ru-analyst', { method: 'GET', url: '/api/v1/agreements/coh' }); // signed in (an audit entry) first
    const audit = await countRows(db(), 'audit_log');
    const history = await countRows(db(), 'finding_history');
    const events: unknown[] = [];
    // (The audit trail's seals come when they come: not what is tested here.)
    const unsubscribe = server.ctx.events.subscribe((e) => e.type !== 'audit.appended' && events.push(e));
    const dry = await server.call('ru-analyst', {
      method: 'POST',
      url: '/api/v1/agreements/coh/parties/nsa/withdraw?dry_run=true',
      payload: { at: '2016-06-01T00:00:00+03:00' },
    });
    unsubscribe();
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      dry_run: true,
      agreement: {
        parties: expect.arrayContaining([expect.objectContaining({ actor: 'nsa', until: '2016-05-31T21:00:00Z' })]),
      },
      findings: { incidents: { updated: 1, verdicts_changed: 1 } },
    });
    expect(events).toEqual([]);
    expect(await countRows(db(), 'audit_log')).toBe(audit);
    expect(await countRows(db(), 'finding_history')).toBe(history);
    const current = await server.call('ngo-observer', { method: 'GET', url: `/api/v1/findings/${key}/history` });
    expect(current.json().current.verdict).toBe('violation');
    const read = await server.call('ru-analyst', { method: 'GET', url: '/api/v1/agreements/coh' });
    expect(read.json().parties.find((p: { actor: string }) => p.actor === 'nsa').until).toBeNull();
    // A dry run is refused as the change would be: naming the field at fault.
    const bad = await server.call('ru-analyst', {
      method: 'POST',
      url: '/api/v1/agreements/coh/clauses?dry_run=true',
      payload: { code: '', text: 'x', acts: ['shelling'] },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('withdrawing a party flips a violation to not_covered, with history', async () => {
    // i07: a Russian air strike on the New Syrian Army at al-Tanf, 16 June 2016: a violation while the NSA is a party.
    const key = 'incident:i07-al-tanf-nsa:coh';
    const before = await server.call('ngo-observer', { method: 'GET', url: `/api/v1/findings/${key}/history` });
    expect(before.json()).toMatchObject({ current: { verdict: 'violation', violators: ['ru'] }, history: [] });

    const res = await server.call('ru-analyst', {
      method: 'POST',
      url: '/api/v1/agreements/coh/parties/nsa/withdraw',
      payload: { at: '2016-06-01T00:00:00+03:00' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().agreement.parties.find((p: { actor: string }) => p.actor === 'nsa')).toMatchObject({
      until: '2016-05-31T21:00:00Z',
    });
    expect(res.json().findings.incidents).toMatchObject({ updated: 1 });

    const after = await server.call('ngo-observer', { method: 'GET', url: `/api/v1/findings/${key}/history` });
    expect(after.json().current).toMatchObject({ verdict: 'not_covered', reasons: ['TARGET_NOT_PARTY'] });
    expect(after.json().history).toEqual([
      expect.objectContaining({
        verdict: 'violation',
        superseded_by_verdict: 'not_covered',
        cause: expect.stringMatching(
          /^A party's withdrawal from Cessation of Hostilities.* was entered by ru-analyst\.$/,
        ),
        cause_statement: {
          code: 'cause.agreement.withdraw-party',
          params: { agreement: { agreement: 'coh' }, by: { user: 'ru-analyst' } },
        },
      }),
    ]);

    const again = await server.call('ru-analyst', {
      method: 'POST',
      url: '/api/v1/agreements/coh/parties/nsa/withdraw',
      payload: { at: '2016-07-01T00:00:00Z' },
    });
    expect(again.statusCode).toBe(409);
    const stranger = await server.call('ru-analyst', {
      method: 'POST',
      url: '/api/v1/agreements/coh/parties/sdf/withdraw',
      payload: { at: '2016-07-01T00:00:00Z' },
    });
    expect(stranger.statusCode).toBe(404);
    const early = await server.call('ru-analyst', {
      method: 'POST',
      url: '/api/v1/agreements/coh/parties/sy-gov/withdraw',
      payload: { at: '2016-01-01T00:00:00Z' },
    });
    expect(early.json()).toMatchObject({ code: 'VALIDATION', path: 'at' });
  });

  it('records an acceptance with its channel and caveats, and judges again what it touches', async () => {
    // i11: a government air strike on the SDF in al-Hasakah, 18 August 2016: not covered while the SDF is no party.
    const res = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/agreements/coh/parties',
      payload: { actor: 'sdf', accepted_at: '2016-08-01T00:00:00+03:00', channel: 'us', caveats: ['not in Manbij'] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().agreement.parties.at(-1)).toEqual({
      actor: 'sdf',
      accepted_at: '2016-07-31T21:00:00Z',
      until: null,
      channel: 'us',
      caveats: ['not in Manbij'],
    });
    const finding = await server.call('ngo-observer', {
      method: 'GET',
      url: '/api/v1/findings/incident:i11-hasakah-air-strike:coh/history',
    });
    expect(finding.json()).toMatchObject({
      current: { verdict: 'violation', violators: ['sy-gov'] },
      history: [{ verdict: 'not_covered' }],
    });

    const unknown = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/agreements/coh/parties',
      payload: { actor: 'nobody', accepted_at: '2016-08-01T00:00:00Z' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'VALIDATION',
      path: 'actor',
      message: 'actor: unknown actor "nobody"',
    });
    const badTime = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/agreements/coh/parties',
      payload: { actor: 'sdf', accepted_at: '2016-08-01' },
    });
    expect(badTime.json()).toMatchObject({ code: 'VALIDATION', path: 'accepted_at' });
  });

  it('replaces an agreement whole, naming the field at fault, and writes nothing when refused', async () => {
    const original = (await agreement('us-analyst')).json();
    const { id: _id, classification: _c, owner_org: _o, ...body } = original;
    const wrong = await server.call('us-analyst', {
      method: 'PUT',
      url: '/api/v1/agreements/coh',
      payload: { ...body, parties: [body.parties[0], { actor: 'nobody', accepted_at: '2016-02-22T12:00:00+02:00' }] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'VALIDATION', path: 'parties[1].actor' });
    const period = await server.call('us-analyst', {
      method: 'PUT',
      url: '/api/v1/agreements/coh',
      payload: { ...body, in_force: [{ from: '2016-02-27T00:00:00Z', to: '2016-01-01T00:00:00Z' }] },
    });
    expect(period.json()).toMatchObject({ code: 'VALIDATION', path: 'in_force[0].to' });
    const scope = await server.call('us-analyst', {
      method: 'PUT',
      url: '/api/v1/agreements/coh',
      payload: {
        ...body,
        scope: {
          type: 'Polygon',
          coordinates: [
            [
              [36, 33],
              [37, 33],
              [37, 34],
            ],
          ],
        },
      },
    });
    expect(scope.json()).toMatchObject({ code: 'VALIDATION', path: 'scope.coordinates[0]' });
    expect((await agreement('us-analyst')).json()).toEqual(original);

    // The same agreement, ending on 1 September: what came after is no longer covered by it.
    const ended = await server.call('us-analyst', {
      method: 'PUT',
      url: '/api/v1/agreements/coh',
      payload: { ...body, in_force: [{ from: '2016-02-27T00:00:00+02:00', to: '2016-09-01T00:00:00+03:00' }] },
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().findings.incidents.withdrawn).toBeGreaterThan(0);
    const late = await server.call('ngo-observer', {
      method: 'GET',
      url: '/api/v1/findings/incident:i27-sept-over-aleppo-strike:coh/history',
    });
    expect(late.json()).toMatchObject({
      current: null,
      history: [{ verdict: 'violation', superseded_by_verdict: null }],
    });

    const created = await server.call('un-ose-analyst', {
      method: 'POST',
      url: '/api/v1/agreements',
      payload: { title: 'Local truce', in_force: [{ from: '2016-10-01T00:00:00Z', to: null }] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().agreement).toMatchObject({
      id: expect.stringMatching(/^agreement-[0-9a-f-]{36}$/),
      classification: 'public',
      owner_org: 'un-ose',
      parties: [],
    });
    // The server chooses ids: a client that chose them would learn, from a refusal, that a hidden agreement holds one.
    expect(
      (
        await server.call('un-ose-analyst', {
          method: 'POST',
          url: '/api/v1/agreements',
          payload: { id: 'coh', title: 'x', in_force: [] },
        })
      ).json(),
    ).toMatchObject({
      code: 'VALIDATION',
      path: '(document)',
      statement: { code: 'problem.unknown_fields', params: { fields: { text: 'id' } } },
    });
    expect(
      (
        await server.call('un-ose-analyst', {
          method: 'PUT',
          url: '/api/v1/agreements/local-truce',
          payload: { title: 'Nothing', in_force: [] },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('keeps a co-chairs clause in their room: visible to the co-chairs, hidden from others, kept when others replace the agreement', async () => {
    const added = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/agreements/coh/clauses',
      payload: {
        code: 'T5',
        text: 'Fallback lines (negotiation text)',
        acts: ['territory_seizure'],
        classification: 'co_chairs',
      },
    });
    expect(added.statusCode).toBe(201);
    await server.call('ru-analyst', {
      method: 'POST',
      url: '/api/v1/agreements/coh/clauses',
      payload: { code: 'M1', text: 'Russian note', classification: 'org' },
    });
    const public_ = await server.call('un-ose-analyst', {
      method: 'POST',
      url: '/api/v1/agreements/coh/clauses',
      payload: { code: 'T1', text: 'Cease attacks', acts: ['air_strike'] },
    });
    expect(public_.json().agreement.clauses.map((c: { text: string }) => c.text)).toEqual(['Cease attacks']);

    const texts = async (user: string) => {
      const one = (await agreement(user)).json().clauses.map((c: { text: string }) => c.text);
      const listed = (await server.call(user, { method: 'GET', url: '/api/v1/agreements' }))
        .json()
        .items.find((g: { id: string }) => g.id === 'coh')
        .clauses.map((c: { text: string }) => c.text);
      expect(listed).toEqual(one);
      return one;
    };
    expect(await texts('us-analyst')).toEqual(['Fallback lines (negotiation text)', 'Cease attacks']);
    expect(await texts('ru-observer')).toEqual(['Fallback lines (negotiation text)', 'Russian note', 'Cease attacks']);
    for (const user of ['un-ose-analyst', 'ngo-reporter', 'ngo-humanitarian'])
      expect(await texts(user), user).toEqual(['Cease attacks']);

    // The clause's audit entry is at the clause's classification.
    const entry = await db().query<{ classification: string }>(
      `select classification from audit_log where entity = 'agreement_clause' and after->>'text' = 'Fallback lines (negotiation text)'`,
    );
    expect(entry).toEqual([{ classification: 'co_chairs' }]);

    // The UN replaces the agreement with what it sees: the clauses it cannot see stay.
    const { id: _id, classification: _c, owner_org: _o, ...seen } = (await agreement('un-ose-analyst')).json();
    const replaced = await server.call('un-ose-analyst', {
      method: 'PUT',
      url: '/api/v1/agreements/coh',
      payload: { ...seen, title: 'CoH (renamed)' },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().agreement.clauses.map((c: { text: string }) => c.text)).toEqual(['Cease attacks']);
    expect(await texts('ru-observer')).toEqual(['Cease attacks', 'Fallback lines (negotiation text)', 'Russian note']);
    expect(
      (await agreement('ru-observer')).json().clauses.find((c: { text: string }) => c.text === 'Russian note'),
    ).toMatchObject({ classification: 'org', owner_org: 'ru' });
  });

  it('hides a co-chairs agreement and its findings from the rest', async () => {
    const res = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/agreements',
      payload: {
        title: 'Side arrangement',
        classification: 'co_chairs',
        in_force: [{ from: '2016-09-01T00:00:00Z', to: null }],
        parties: [
          { actor: 'sy-gov', accepted_at: '2016-09-01T00:00:00Z' },
          { actor: 'fsa-north', accepted_at: '2016-09-01T00:00:00Z' },
        ],
        prohibited: ['shelling', 'air_strike'],
      },
    });
    expect(res.statusCode).toBe(201);
    const sideDeal = res.json().agreement.id as string;
    expect(res.json().findings.incidents.inserted).toBeGreaterThan(0);
    const findings = async (user: string) =>
      (await server.call(user, { method: 'GET', url: `/api/v1/findings?agreement=${sideDeal}&limit=500` })).json().items
        .length;
    expect(await findings('ru-analyst')).toBe(res.json().findings.incidents.inserted);
    expect((await agreement('ru-analyst', sideDeal)).statusCode).toBe(200);
    for (const user of ['un-ose-analyst', 'ngo-observer']) {
      expect((await agreement(user, sideDeal)).statusCode, user).toBe(404);
      expect(await findings(user), user).toBe(0);
      const list = (await server.call(user, { method: 'GET', url: '/api/v1/agreements' }))
        .json()
        .items.map((g: { id: string }) => g.id);
      expect(list, user).toEqual(['coh', 'coh-sept']);
    }
    // Not to be changed blind, nor taken over.
    const blind = await server.call('un-ose-analyst', {
      method: 'POST',
      url: `/api/v1/agreements/${sideDeal}/clauses`,
      payload: { code: 'T1', text: 'x' },
    });
    expect(blind.statusCode).toBe(404);
    const takeover = await server.call('un-ose-analyst', {
      method: 'PUT',
      url: `/api/v1/agreements/${sideDeal}`,
      payload: { title: 'Mine', in_force: [] },
    });
    const missing = await server.call('un-ose-analyst', {
      method: 'PUT',
      url: '/api/v1/agreements/no-such-agreement',
      payload: { title: 'Mine', in_force: [] },
    });
    // A hidden agreement is as unknown as a missing one.
    expect([takeover.statusCode, takeover.json().code]).toEqual([404, 'NOT_FOUND']);
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'NOT_FOUND']);
    expect((await agreement('us-analyst', sideDeal)).json().title).toBe('Side arrangement');
  });

  it("changes an agreement's terms alone (periods, scope by governorate, exclusions), previewed first, with history", async () => {
    // i07: a Russian air strike on the New Syrian Army at al-Tanf (Homs), 16 June 2016: a violation of coh.
    const key = 'incident:i07-al-tanf-nsa:coh';
    const later = { in_force: [{ from: '2016-06-20T00:00:00+03:00', to: null }] };
    const history = await countRows(db(), 'finding_history');
    const dry = await server.call('ru-analyst', {
      method: 'PATCH',
      url: '/api/v1/agreements/coh?dry_run=true',
      payload: later,
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().dry_run).toBe(true);
    expect(dry.json().findings.incidents.verdicts_changed).toBeGreaterThanOrEqual(1);
    expect(await countRows(db(), 'finding_history')).toBe(history);
    expect((await agreement('ngo-observer')).json().in_force).toEqual([{ from: '2016-02-26T22:00:00Z', to: null }]);

    const res = await server.call('ru-analyst', { method: 'PATCH', url: '/api/v1/agreements/coh', payload: later });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().findings.incidents.verdicts_changed).toBe(dry.json().findings.incidents.verdicts_changed);
    const coh = (await agreement('ngo-observer')).json();
    expect(coh).toMatchObject({
      in_force: [{ from: '2016-06-19T21:00:00Z', to: null }],
      excluded: ['isil', 'nusra'],
      self_defense: true,
    });
    expect(coh.parties.length).toBeGreaterThan(3);
    const after = await server.call('ngo-observer', { method: 'GET', url: `/api/v1/findings/${key}/history` });
    expect(after.json().current?.verdict ?? 'withdrawn').not.toBe('violation');
    expect(after.json().history[0]).toMatchObject({
      verdict: 'violation',
      cause_statement: { code: 'cause.agreement.change-terms', params: { agreement: { agreement: 'coh' } } },
    });

    // The scope as the governorates it covers: Aleppo alone leaves al-Tanf (Homs) outside it.
    const scoped = await server.call('ru-analyst', {
      method: 'PATCH',
      url: '/api/v1/agreements/coh',
      payload: { in_force: [{ from: '2016-02-27T00:00:00+02:00', to: null }], scope_areas: ['SY02'] },
    });
    expect(scoped.statusCode, scoped.body).toBe(200);
    expect(scoped.json().agreement.scope.type).toBe('MultiPolygon');
    const outside = await server.call('ngo-observer', { method: 'GET', url: `/api/v1/findings/${key}/history` });
    expect(outside.json().current?.verdict ?? 'withdrawn').not.toBe('violation');

    // Refused, naming the field, and nothing written.
    const audit = await countRows(db(), 'audit_log');
    const refusals: [object, string][] = [
      [{ scope_areas: ['SY99'] }, 'scope_areas[0]'],
      [{ scope: null, scope_areas: ['SY02'] }, 'scope_areas'],
      [{ in_force: [{ from: '2016-06-01T00:00:00Z', to: '2016-05-01T00:00:00Z' }] }, 'in_force[0].to'],
      [{ excluded: ['nobody-at-all'] }, 'excluded[0]'],
      [{ prohibited: ['teleportation'] }, 'prohibited[0]'],
      [{ parties: [] }, ''],
    ];
    for (const [payload, path] of refusals) {
      const bad = await server.call('ru-analyst', { method: 'PATCH', url: '/api/v1/agreements/coh', payload });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      if (path) expect(bad.json().path, JSON.stringify(payload)).toBe(path);
    }
    expect(await countRows(db(), 'audit_log')).toBe(audit);
    expect(
      (await server.call('ru-analyst', { method: 'PATCH', url: '/api/v1/agreements/nothing', payload: {} })).statusCode,
    ).toBe(404);
  });

  it('lets only analysts and admins change agreements: others get 403 and write nothing', async () => {
    const users = ['us-observer', 'ru-reporter', 'un-ose-monitor', 'ngo-humanitarian'];
    for (const user of users) await server.as(user);
    const counts = async () => [
      await countRows(db(), 'agreement_parties'),
      await countRows(db(), 'agreement_clauses'),
      await countRows(db(), 'audit_log'),
      await countRows(db(), 'finding_history'),
    ];
    const before = await counts();
    for (const user of users) {
      expect(
        (
          await server.call(user, {
            method: 'POST',
            url: '/api/v1/agreements/coh/parties',
            payload: { actor: 'sdf', accepted_at: '2016-08-01T00:00:00Z' },
          })
        ).statusCode,
        user,
      ).toBe(403);
      expect(
        (
          await server.call(user, {
            method: 'POST',
            url: '/api/v1/agreements/coh/parties/nsa/withdraw',
            payload: { at: '2016-08-01T00:00:00Z' },
          })
        ).statusCode,
        user,
      ).toBe(403);
      expect(
        (
          await server.call(user, {
            method: 'POST',
            url: '/api/v1/agreements/coh/clauses',
            payload: { code: 'T1', text: 'x' },
          })
        ).statusCode,
        user,
      ).toBe(403);
      expect(
        (await server.call(user, { method: 'PUT', url: '/api/v1/agreements/coh', payload: { in_force: [] } }))
          .statusCode,
        user,
      ).toBe(403);
      expect(
        (await server.call(user, { method: 'POST', url: '/api/v1/agreements', payload: { in_force: [] } })).statusCode,
        user,
      ).toBe(403);
      expect(
        (await server.call(user, { method: 'PATCH', url: '/api/v1/agreements/coh', payload: { in_force: [] } }))
          .statusCode,
        user,
      ).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });
});
