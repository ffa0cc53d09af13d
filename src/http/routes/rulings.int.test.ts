/**
 * Rulings over HTTP: a finding the rules leave for review is ruled on; the ruling waits for every
 * co-chair organization and never takes effect with one approval missing; in force, the counts
 * (the incident's verdicts, the findings list, the state of the truce) read it, while the rules'
 * finding stays as it was; a change of facts asks for another look; withdrawn, the counts go back.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { createIncident, fileReport, startWorld, urumReport } from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

describeEachDatabase('rulings over HTTP', (db) => {
  const server = useTestServer(db, { start: startWorld });

  const get = async (user: string, url: string) => {
    const res = await server.call(user, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const post = (user: string, url: string, payload?: Record<string, unknown>) =>
    server.call(user, { method: 'POST', url, ...(payload ? { payload } : {}) });

  /** An incident of the bundle whose finding needs review, and that finding's agreement. */
  async function needingReview(): Promise<{ incident: string; agreement: string | null; key: string; at: string }> {
    const f = (await get('us-analyst', '/api/v1/findings?verdict=needs_review&kind=incident&limit=1')).items[0];
    return { incident: f.subject_id, agreement: f.agreement, key: f.key, at: f.at };
  }

  it('waits for every co-chair, then counts: the incident, the findings and the state read the ruling', async () => {
    await server.fresh();
    const { incident, agreement, key, at } = await needingReview();
    const account = await fileReport(server, 'ngo-reporter', urumReport({ incident_id: incident }));
    const day = { from: at.slice(0, 10), to: new Date(Date.parse(at) + 86_400_000).toISOString().slice(0, 10) };
    const stateUrl = `/api/v1/state?from=${encodeURIComponent(day.from)}&to=${encodeURIComponent(day.to)}`;
    const before = await get('us-analyst', stateUrl);

    // ngo is no co-chair: its proposal needs both us and ru.
    const proposed = await post('ngo-analyst', `/api/v1/incidents/${incident}/rulings`, {
      agreement,
      verdict: 'violation',
      violators: ['sy-gov'],
      reasoning: 'Three accounts agree on the aircraft; the target was a marked convoy.',
      relied_on: [account.id],
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const ruling = proposed.json();
    expect(ruling).toMatchObject({
      status: 'pending',
      required_orgs: expect.arrayContaining(['us', 'ru']),
      approvals: [],
      automatic: { verdict: 'needs_review' },
      relied_on: [account.id],
    });
    expect(ruling.required_orgs).toHaveLength(2);

    // One approval is not enough.
    const us = await post('us-analyst', `/api/v1/rulings/${ruling.id}/approve`);
    expect(us.json()).toMatchObject({ status: 'pending', approvals: [{ org: 'us' }] });
    expect((await post('us-admin', `/api/v1/rulings/${ruling.id}/approve`)).statusCode).toBe(409);
    expect((await post('ngo-analyst', `/api/v1/rulings/${ruling.id}/approve`)).statusCode).toBe(403);
    const pending = await get('us-analyst', `/api/v1/incidents/${incident}`);
    expect(pending.verdicts.find((v: { agreement: string | null }) => v.agreement === agreement).verdict).toBe(
      'needs_review',
    );
    expect((await get('ru-analyst', '/api/v1/rulings?awaiting=ru')).items.map((r: { id: string }) => r.id)).toEqual([
      ruling.id,
    ]);
    expect((await get('us-analyst', '/api/v1/rulings?awaiting=us')).items).toEqual([]);

    // The review queue holds the incident until the ruling is in force, unless another of its findings waits too.
    const queue = async () =>
      (
        await get(
          'us-analyst',
          `/api/v1/incidents?verdict=needs_review&from=${day.from}T00:00:00Z&to=${day.to}T00:00:00Z&limit=500`,
        )
      ).items.map((i: { id: string }) => i.id);
    expect(await queue()).toContain(incident);
    const ru = await post('ru-analyst', `/api/v1/rulings/${ruling.id}/approve`);
    expect(ru.json()).toMatchObject({ status: 'in_force' });
    const ruled = await get('us-analyst', `/api/v1/incidents/${incident}`);
    expect(ruled.verdicts.find((v: { agreement: string | null }) => v.agreement === agreement).verdict).toBe(
      'violation',
    );
    // Beside the rules' finding, never over it.
    const finding = ruled.findings.find((f: { key: string }) => f.key === key);
    expect(finding).toMatchObject({
      verdict: 'needs_review',
      ruling: { id: ruling.id, verdict: 'violation', violators: ['sy-gov'] },
    });
    expect((await get('us-analyst', `/api/v1/findings?verdict=violation&subject=${incident}`)).items).toHaveLength(1);
    const stillWaiting = ruled.verdicts.some((v: { verdict: string }) => v.verdict === 'needs_review');
    expect((await queue()).includes(incident)).toBe(stillWaiting);
    const after = await get('us-analyst', stateUrl);
    expect(after.verdicts.violation).toBe(before.verdicts.violation + 1);
    expect(after.verdicts.needs_review).toBe(before.verdicts.needs_review - 1);
    // The incident's trail holds each step, with who took it.
    const trail = (await get('us-analyst', `/api/v1/audit/incident/${incident}`)).items.map(
      (e: { action: string; org: string }) => `${e.action}:${e.org}`,
    );
    expect(trail).toEqual(
      expect.arrayContaining(['propose-ruling:ngo', 'approve-ruling:us', 'approve-ruling:ru', 'ruling-in-force:ru']),
    );

    // Withdrawn by the organization that proposed it (and no other): the counts read the rules again.
    expect((await post('us-analyst', `/api/v1/rulings/${ruling.id}/withdraw`)).statusCode).toBe(403);
    expect((await post('ngo-analyst', `/api/v1/rulings/${ruling.id}/withdraw`)).json().status).toBe('withdrawn');
    expect((await get('us-analyst', stateUrl)).verdicts).toEqual(before.verdicts);
    expect(await queue()).toContain(incident);
  });

  it('asks for another look when a change of facts moves the rules’ finding', async () => {
    await server.fresh();
    const { incident, agreement } = await needingReview();
    const proposed = await post('us-analyst', `/api/v1/incidents/${incident}/rulings`, {
      agreement,
      verdict: 'permitted',
      reasoning: 'Self-defence against an attack in progress.',
    });
    expect(proposed.json()).toMatchObject({ status: 'pending', approvals: [{ org: 'us' }], needs_another_look: false });
    // A second proposal on the same finding waits for the first.
    const second = await post('ru-analyst', `/api/v1/incidents/${incident}/rulings`, {
      agreement,
      verdict: 'violation',
      reasoning: 'No.',
    });
    expect(second.statusCode).toBe(409);
    const patched = await server.call('us-analyst', {
      method: 'PATCH',
      url: `/api/v1/incidents/${incident}`,
      payload: { act: 'arrest' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const rulings = (await get('us-analyst', `/api/v1/incidents/${incident}`)).rulings;
    expect(rulings[0]).toMatchObject({ id: proposed.json().id, needs_another_look: true });
  });

  it('hides a ruling, and its trail, from a reader who may not see the agreement its finding is under', async () => {
    await server.fresh();
    const { incident } = await needingReview();
    const annex = await post('us-analyst', '/api/v1/agreements', {
      title: 'Annex for the co-chairs',
      in_force: [{ from: '2016-02-26T22:00:00Z', to: null }],
      classification: 'co_chairs',
    });
    expect(annex.statusCode, annex.body).toBe(201);
    const agreement = annex.json().agreement.id;
    const ruled = await post('us-analyst', `/api/v1/incidents/${incident}/rulings`, {
      agreement,
      verdict: 'violation',
      reasoning: 'Under the annex.',
    });
    expect(ruled.statusCode, ruled.body).toBe(201);
    const id = ruled.json().id;
    expect((await get('ru-analyst', '/api/v1/rulings')).items.map((r: { id: string }) => r.id)).toContain(id);
    for (const reader of ['ngo-analyst', 'un-ose-analyst']) {
      expect((await get(reader, '/api/v1/rulings')).items.map((r: { id: string }) => r.id)).not.toContain(id);
      expect((await get(reader, `/api/v1/incidents/${incident}`)).rulings).toEqual([]);
      const trail = JSON.stringify(await get(reader, `/api/v1/audit/incident/${incident}`));
      expect(trail).not.toContain(id);
      expect(trail).not.toContain(agreement);
    }
  });

  it('lists in the review queue, and counts, only the findings a reader may see', async () => {
    await server.fresh();
    // A shelling before the truce by no one named: nothing under the truce, for review under an annex in force since 2015.
    const early = await createIncident(server, 'us-analyst', {
      occurred_at: '2016-02-10T10:00:00+02:00',
      location: { lon: 37.16, lat: 36.2 },
      act: 'shelling',
      classification: 'public',
    });
    // An agreement for the co-chairs only: its findings are hidden from the others, and the summary kept on its incidents no longer holds for them.
    const annex = await post('us-analyst', '/api/v1/agreements', {
      title: 'Annex for the co-chairs',
      in_force: [{ from: '2015-01-01T00:00:00Z', to: null }],
      prohibited: ['shelling'],
      classification: 'co_chairs',
    });
    expect(annex.statusCode, annex.body).toBe(201);
    const all = async (reader: string, url: string, id: (item: any) => string) => {
      const ids = new Set<string>();
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const page = await get(reader, `${url}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        for (const item of page.items) ids.add(id(item));
        cursor = page.next_cursor;
      }
      return [...ids].sort();
    };
    const queues: string[][] = [];
    for (const reader of ['us-analyst', 'ngo-analyst']) {
      const queue = await all(reader, '/api/v1/incidents?verdict=needs_review', (i) => i.id);
      const waiting = await all(reader, '/api/v1/findings?verdict=needs_review&kind=incident', (f) => f.subject_id);
      expect(queue).toEqual(waiting);
      expect((await get(reader, '/api/v1/incidents/count?verdict=needs_review')).count).toBe(queue.length);
      queues.push(queue);
    }
    // The co-chairs see the annex's finding to review as well.
    expect(queues[0]).toContain(early.id);
    expect(queues[1]).not.toContain(early.id);
    // The incident's verdicts, as listed and as exported, are those each reader may see: the ones
    // kept on the incident (migration 040) for the co-chairs, read from the visible findings for the others.
    for (const [reader, agreements] of [
      ['us-analyst', [annex.json().agreement.id]],
      ['ngo-analyst', []],
    ] as const) {
      const day = `from=2016-02-10T00:00:00Z&to=2016-02-11T00:00:00Z`;
      const listed = (await get(reader, `/api/v1/incidents?${day}`)).items.find((i: any) => i.id === early.id);
      expect(listed.verdicts.map((v: any) => v.agreement)).toEqual(agreements);
      const exported = await server.call(reader, {
        method: 'GET',
        url: `/api/v1/incidents/export?format=ndjson&${day}`,
      });
      expect(exported.statusCode, exported.body).toBe(200);
      const feature = exported.body
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .find((f) => f.id === early.id);
      const verdicts: string = feature.properties.verdicts;
      expect(verdicts === '' ? [] : verdicts.split('; ').map((v) => v.split(':')[0])).toEqual(agreements);
    }
  });

  it('refuses what is not a ruling: an unknown actor or account, a decided finding contested by a non-co-chair, a hidden incident', async () => {
    await server.fresh();
    const { incident, agreement } = await needingReview();
    const body = { agreement, verdict: 'violation', reasoning: 'r' };
    expect(
      (await post('ngo-analyst', `/api/v1/incidents/${incident}/rulings`, { ...body, violators: ['nobody'] })).json(),
    ).toMatchObject({ code: 'VALIDATION', path: 'violators[0]' });
    expect(
      (
        await post('ngo-analyst', `/api/v1/incidents/${incident}/rulings`, { ...body, relied_on: ['no-report'] })
      ).json(),
    ).toMatchObject({ code: 'VALIDATION', path: 'relied_on[0]' });
    expect(
      (await post('ngo-analyst', `/api/v1/incidents/${incident}/rulings`, { ...body, reasoning: ' ' })).json(),
    ).toMatchObject({ path: 'reasoning' });
    const decided = (await get('us-analyst', '/api/v1/findings?verdict=violation&kind=incident&limit=1')).items[0];
    const contest = { agreement: decided.agreement, verdict: 'permitted', reasoning: 'contested' };
    expect(
      (await post('ngo-analyst', `/api/v1/incidents/${decided.subject_id}/rulings`, contest)).json(),
    ).toMatchObject({
      code: 'VALIDATION',
      path: 'agreement',
    });
    expect((await post('ru-analyst', `/api/v1/incidents/${decided.subject_id}/rulings`, contest)).statusCode).toBe(201);
    // An incident of ngo's own: hidden from us, whose proposal is not found, and whose rulings list never shows it.
    const own = await server.call('ngo-analyst', {
      method: 'POST',
      url: '/api/v1/incidents',
      payload: {
        occurred_at: '2016-03-01T10:00:00Z',
        location: { lon: 36.2, lat: 33.5 },
        act: 'shelling',
        classification: 'org',
      },
    });
    expect((await post('us-analyst', `/api/v1/incidents/${own.json().id}/rulings`, body)).statusCode).toBe(404);
  });

  it('waits only for the co-chairs the agreement names', async () => {
    await server.fresh();
    const { incident, agreement } = await needingReview();
    expect(agreement).not.toBeNull();
    const terms = (payload: Record<string, unknown>) =>
      server.call('ngo-analyst', { method: 'PATCH', url: `/api/v1/agreements/${agreement}`, payload });
    const refused = await terms({ co_chairs: ['us', 'ngo'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().path).toBe('co_chairs[1]');
    const named = await terms({ co_chairs: ['us'] });
    expect(named.statusCode, named.body).toBe(200);
    expect(named.json().agreement.co_chairs).toEqual(['us']);

    // us alone: its own proposal is in force at once, and ru is not asked.
    const proposed = await post('us-analyst', `/api/v1/incidents/${incident}/rulings`, {
      agreement,
      verdict: 'permitted',
      reasoning: 'The co-chair named by this agreement rules alone.',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({ status: 'in_force', required_orgs: ['us'], approvals: [{ org: 'us' }] });
    expect((await get('ru-analyst', '/api/v1/rulings?awaiting=ru')).items).toEqual([]);
  });
});
