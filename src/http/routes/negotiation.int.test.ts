import { beforeEach, expect, it } from 'vitest';
import type { Caller } from '../../app/caller.ts';
import type { TruceEvent } from '../../app/events.ts';
import { visibleMessages } from '../../app/live/live-events.ts';
import { chromiumPdf } from '../../adapters/chromium-pdf.ts';
import { draftHtml } from '../../app/negotiation/export-draft.ts';
import { getRoom } from '../../app/negotiation/get-room.ts';
import { listRooms } from '../../app/negotiation/list-rooms.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { PASSWORD } from '../../../test/server.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { countRows, startWorldServer } from '../../../test/world.ts';

const ROLES = ['admin', 'analyst', 'monitor', 'reporter', 'humanitarian', 'observer'] as const;
const CLAUSE = {
  number: '1',
  title: 'Cessation',
  text: 'The parties shall cease all attacks with any weapons within 48 hours.',
  code: 'T1',
  acts: ['air_strike', 'shelling'],
};

describeEachDatabase(
  'negotiation room: clauses, versions, positions, publication by joint approval, members only',
  (db) => {
    const server = useTestServer(db, { start: startWorldServer, perTest: true });
    // Two dozen users sign in per test: each from an address of its own, under the sign-in rate limit.
    const sessions = new Map<string, { cookie: string; csrf: string }>();
    beforeEach(() => sessions.clear());
    async function as(user: string) {
      const known = sessions.get(user);
      if (known) return known;
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: user, password: PASSWORD },
        remoteAddress: `10.33.0.${sessions.size + 1}`,
      });
      if (res.statusCode !== 200) throw new Error(`login ${user}: ${res.statusCode} ${res.body}`);
      const s = {
        cookie: `truce_session=${res.cookies.find((c) => c.name === 'truce_session')!.value}`,
        csrf: res.json<{ csrf_token: string }>().csrf_token,
      };
      sessions.set(user, s);
      return s;
    }
    const call = async (user: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => {
      const s = await as(user);
      return server.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        ...(payload ? { payload: payload as Record<string, unknown> } : {}),
      });
    };
    const must = async (user: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => {
      const res = await call(user, method, url, payload);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json();
    };
    /** The room as the use case gives it to a member of `org`. */
    const roomDetail = async (org: string) => {
      const [room] = await listRooms(server.ctx, {
        userId: org,
        username: `${org}-observer`,
        orgId: org,
        orgKind: 'co_chair',
        role: 'observer',
        clearance: 'co_chairs',
      });
      return getRoom(
        server.ctx,
        {
          userId: org,
          username: `${org}-observer`,
          orgId: org,
          orgKind: 'co_chair',
          role: 'observer',
          clearance: 'co_chairs',
        },
        room!.id,
      );
    };
    const openRoom = async () => {
      const room = await must('us-analyst', 'POST', '/negotiation-rooms', {
        title: 'Geneva: the terms',
        agreement_id: 'coh',
      });
      const clause = await must('us-analyst', 'POST', `/negotiation-rooms/${room.id}/clauses`, CLAUSE);
      return { room, clause, base: `/negotiation-rooms/${room.id}` };
    };

    it('opens a room whose members are the co-chairs; only a co-chair opens or invites', async () => {
      const { room } = await openRoom();
      expect(room.members.map((m: { org: string }) => m.org).sort()).toEqual(['ru', 'us']);
      expect(room).toMatchObject({ agreement_id: 'coh', created_org: 'us', revision: 0 });
      expect(
        (await call('un-ose-analyst', 'POST', '/negotiation-rooms', { title: 't', agreement_id: 'coh' })).statusCode,
      ).toBe(403);
      expect(
        (await call('us-observer', 'POST', '/negotiation-rooms', { title: 't', agreement_id: 'coh' })).statusCode,
      ).toBe(403);
      const unknown = await call('us-analyst', 'POST', '/negotiation-rooms', { title: 't', agreement_id: 'nope' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().path).toBe('agreement_id');
      // Invited by a member co-chair, un-ose sees it; it may not invite in turn.
      expect((await call('un-ose-analyst', 'GET', `/negotiation-rooms/${room.id}`)).statusCode).toBe(404);
      await must('ru-analyst', 'POST', `/negotiation-rooms/${room.id}/members`, { org: 'un-ose' });
      expect((await call('un-ose-observer', 'GET', `/negotiation-rooms/${room.id}`)).statusCode).toBe(200);
      expect(
        (await call('un-ose-analyst', 'POST', `/negotiation-rooms/${room.id}/members`, { org: 'ngo' })).statusCode,
      ).toBe(403);
      expect(
        (await call('ru-analyst', 'POST', `/negotiation-rooms/${room.id}/members`, { org: 'un-ose' })).statusCode,
      ).toBe(409);
    });

    it('keeps every version of a clause, with its author and the draft revision it made', async () => {
      const { clause, base } = await openRoom();
      const edited = await must('ru-analyst', 'PUT', `${base}/clauses/${clause.id}`, {
        ...CLAUSE,
        text: 'The parties shall cease attacks with any weapons within 72 hours.',
      });
      expect(edited.clause.current).toMatchObject({ version: 2, revision: 2, author_org: 'ru', author: 'ru-analyst' });
      // The same words again make no version.
      expect(
        (
          await must('ru-analyst', 'PUT', `${base}/clauses/${clause.id}`, {
            ...CLAUSE,
            text: edited.clause.current.text,
          })
        ).clause.current.version,
      ).toBe(2);
      const second = await must('us-analyst', 'POST', `${base}/clauses`, {
        number: '2',
        title: 'Aid',
        text: 'يسمح الطرفان بوصول المساعدات',
      });
      expect(second.current).toMatchObject({ version: 1, revision: 3, code: null, acts: [] });
      const versions = (await must('us-observer', 'GET', `${base}/clauses/${clause.id}/versions`)).items;
      expect(
        versions.map((v: { version: number; author_org: string; text: string }) => [v.version, v.author_org, v.text]),
      ).toEqual([
        [1, 'us', CLAUSE.text],
        [2, 'ru', 'The parties shall cease attacks with any weapons within 72 hours.'],
      ]);
      const all = (await must('ru-observer', 'GET', `${base}/versions`)).items;
      expect(all.map((v: { revision: number }) => v.revision)).toEqual([1, 2, 3]);
      expect((await must('us-analyst', 'GET', base)).room.revision).toBe(3);
    });

    it('takes positions, keeps their history, and shows where each clause stands by member', async () => {
      const { clause, base } = await openRoom();
      const url = `${base}/clauses/${clause.id}/positions`;
      await must('ru-analyst', 'POST', url, {
        stance: 'sticking_point',
        comment: 'Not within 48 hours',
        proposed_wording: 'within 72 hours',
      });
      await must('us-analyst', 'POST', url, { stance: 'agreed' });
      let detail = await must('us-observer', 'GET', base);
      expect(detail.clauses[0].status).toBe('sticking_point');
      expect(detail.clauses[0].positions).toEqual([
        expect.objectContaining({ org: expect.any(String) }),
        expect.objectContaining({ org: expect.any(String) }),
      ]);
      const ru = detail.clauses[0].positions.find((p: { org: string }) => p.org === 'ru').position;
      expect(ru).toMatchObject({
        stance: 'sticking_point',
        comment: 'Not within 48 hours',
        proposed_wording: 'within 72 hours',
        clause_version: 1,
      });
      await must('ru-analyst', 'POST', url, { stance: 'agreed', comment: 'Accepted' });
      detail = await must('ru-observer', 'GET', base);
      expect(detail.clauses[0].status).toBe('agreed');
      const history = (await must('ru-observer', 'GET', url)).items;
      expect(history.map((p: { org: string; stance: string }) => `${p.org}:${p.stance}`)).toEqual([
        'ru:sticking_point',
        'us:agreed',
        'ru:agreed',
      ]);
      // An observer reads, may not take a position.
      expect((await call('ru-observer', 'POST', url, { stance: 'open' })).statusCode).toBe(403);
    });

    it('publishes only with every co-chair approving exactly those versions; a change voids approvals; findings judged again with the publication as cause', async () => {
      const { clause, base } = await openRoom();
      const key = 'incident:i07-al-tanf-nsa:coh';
      expect((await must('ngo-observer', 'GET', `/findings/${key}/history`)).current.verdict).toBe('violation');
      const later = [{ from: '2016-06-20T00:00:00+03:00', to: null }];
      const propose = () =>
        must('us-analyst', 'POST', `${base}/publications`, {
          versions: [{ clause: clause.id, version: clause.current.version }],
          in_force: later,
        });
      // A version that is not the clause's newest is refused, naming the field.
      const stale = await call('us-analyst', 'POST', `${base}/publications`, {
        versions: [{ clause: clause.id, version: 9 }],
      });
      expect([stale.statusCode, stale.json().path]).toEqual([400, 'versions[0].version']);

      let p = await propose();
      expect(p).toMatchObject({ state: 'proposed', required: ['ru', 'us'], missing: ['ru', 'us'] });
      // un-ose is no approver (and not a member: it does not even see the room).
      expect((await call('un-ose-analyst', 'POST', `${base}/publications/${p.id}/approve`)).statusCode).toBe(404);
      p = await must('us-analyst', 'POST', `${base}/publications/${p.id}/approve`);
      expect(p.missing).toEqual(['ru']);
      expect((await call('us-admin', 'POST', `${base}/publications/${p.id}/approve`)).statusCode).toBe(409);
      // One approval missing: refused, naming who has not approved; nothing written.
      const history = await countRows(db(), 'finding_history');
      const early = await call('us-analyst', 'POST', `${base}/publications/${p.id}/publish`);
      expect(early.statusCode).toBe(409);
      expect(early.json().message).toContain('not approved by ru');
      expect(early.json().statement).toMatchObject({
        code: 'error.publication_missing',
        params: { orgs: { orgs: ['ru'] } },
      });
      expect(await countRows(db(), 'finding_history')).toBe(history);

      // A change to an included clause after an approval voids the proposal and its approvals.
      const edited = await must('ru-analyst', 'PUT', `${base}/clauses/${clause.id}`, {
        ...CLAUSE,
        text: `${CLAUSE.text} Fully.`,
      });
      expect(edited.voided).toEqual([p.id]);
      const voided = (await must('us-analyst', 'GET', base)).publications.find((x: { id: string }) => x.id === p.id);
      expect(voided).toMatchObject({
        state: 'voided',
        voided_by_clause: clause.id,
        approvals: [{ org: 'us', voided_at: expect.any(String) }],
      });
      expect((await call('ru-analyst', 'POST', `${base}/publications/${p.id}/approve`)).json().statement.code).toBe(
        'error.publication_voided',
      );
      expect((await call('us-analyst', 'POST', `${base}/publications/${p.id}/publish`)).statusCode).toBe(409);

      // The new version, approved by both: published; the agreement's terms change and its findings are judged again.
      const q = await must('us-analyst', 'POST', `${base}/publications`, {
        versions: [{ clause: clause.id, version: 2 }],
        in_force: later,
      });
      await must('us-analyst', 'POST', `${base}/publications/${q.id}/approve`);
      expect((await must('ru-admin', 'POST', `${base}/publications/${q.id}/approve`)).missing).toEqual([]);
      // A clause of the agreement the room never drafted (another obligation code) stays through the publication.
      await must('us-analyst', 'POST', '/agreements/coh/clauses', {
        code: 'T4',
        text: 'Humanitarian access.',
        acts: [],
      });
      const published = await must('ru-analyst', 'POST', `${base}/publications/${q.id}/publish`);
      expect(published.agreement).toMatchObject({ in_force: [{ from: '2016-06-19T21:00:00Z', to: null }] });
      expect(published.agreement.clauses).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'T1',
            text: `Cessation: ${CLAUSE.text} Fully.`,
            acts: ['air_strike', 'shelling'],
          }),
          expect.objectContaining({ code: 'T4', text: 'Humanitarian access.' }),
        ]),
      );
      expect(published.agreement.clauses.filter((c: { code: string }) => c.code === 'T1')).toHaveLength(1);
      expect(published.findings.incidents.verdicts_changed).toBeGreaterThanOrEqual(1);
      const after = await must('ngo-observer', 'GET', `/findings/${key}/history`);
      expect(after.history[0]).toMatchObject({
        verdict: 'violation',
        cause_statement: {
          code: 'cause.agreement.publish',
          params: { agreement: { agreement: 'coh' }, approvers: { orgs: ['ru', 'us'] } },
        },
      });
      expect((await must('us-analyst', 'GET', base)).publications.at(-1)).toMatchObject({
        state: 'published',
        published_by: 'ru-analyst',
      });
      expect((await call('us-analyst', 'POST', `${base}/publications/${q.id}/publish`)).statusCode).toBe(409);
    });

    it('publishes a scope and excluded groups approved with the clauses; a change to them after approval voids it', async () => {
      const { clause, base } = await openRoom();
      const key = 'incident:i07-al-tanf-nsa:coh';
      expect((await must('ngo-observer', 'GET', `/findings/${key}/history`)).current.verdict).toBe('violation');
      const versions = [{ clause: clause.id, version: 1 }];
      // Refused naming the field: an unknown group, an unknown area, both forms of a scope.
      for (const [body, path] of [
        [{ excluded: ['isil', 'nobody'] }, 'excluded[1]'],
        [{ scope_areas: ['SY99'] }, 'scope_areas[0]'],
        [{ scope: null, scope_areas: ['SY02'] }, 'scope_areas'],
      ] as const) {
        const res = await call('us-analyst', 'POST', `${base}/publications`, { versions, ...body });
        expect([res.statusCode, res.json().path], JSON.stringify(body)).toEqual([400, path]);
      }
      // Proposed, shown in the proposal, approved by one co-chair...
      const p = await must('us-analyst', 'POST', `${base}/publications`, {
        versions,
        scope_areas: ['SY02'],
        excluded: ['isil', 'nusra', 'nsa'],
      });
      expect(p).toMatchObject({
        scope: { everywhere: false, areas: ['SY02'] },
        excluded: ['isil', 'nusra', 'nsa'],
        state: 'proposed',
      });
      await must('us-analyst', 'POST', `${base}/publications/${p.id}/approve`);
      // ...a proposal of clauses alone is not touched by what follows.
      const clausesOnly = await must('ru-analyst', 'POST', `${base}/publications`, { versions });
      // The agreement's excluded groups change outside the room: the proposal that sets them is voided.
      await must('us-admin', 'PATCH', '/agreements/coh', { excluded: ['isil'] });
      let detail = await must('ru-observer', 'GET', base);
      expect(detail.agreement).toMatchObject({ everywhere: false, excluded: ['isil'] });
      const voided = detail.publications.find((x: { id: string }) => x.id === p.id);
      expect(voided).toMatchObject({
        state: 'voided',
        voided_by_terms: true,
        voided_by_clause: null,
        approvals: [{ org: 'us', voided_at: expect.any(String) }],
      });
      expect(detail.publications.find((x: { id: string }) => x.id === clausesOnly.id).state).toBe('proposed');
      // The room's trail says why.
      const [trail] = await db().query<{ after: { voided_publications: string[] } }>(
        `select after from audit_log where entity = 'negotiation_room' and action = 'void-publications'`,
      );
      expect(trail?.after.voided_publications).toEqual([p.id]);
      expect((await call('ru-analyst', 'POST', `${base}/publications/${p.id}/approve`)).json().statement.code).toBe(
        'error.publication_voided',
      );
      expect((await call('us-analyst', 'POST', `${base}/publications/${p.id}/publish`)).statusCode).toBe(409);

      // Proposed again, approved by both and published: the scope and the excluded groups are the agreement's,
      // and its findings are judged again with the publication as their cause.
      const q = await must('ru-analyst', 'POST', `${base}/publications`, {
        versions,
        scope_areas: ['SY02'],
        excluded: ['isil', 'nusra', 'nsa'],
      });
      await must('ru-analyst', 'POST', `${base}/publications/${q.id}/approve`);
      await must('us-analyst', 'POST', `${base}/publications/${q.id}/approve`);
      const published = await must('us-analyst', 'POST', `${base}/publications/${q.id}/publish`);
      expect(published.agreement.excluded).toEqual(['isil', 'nusra', 'nsa']);
      expect(published.agreement.scope.type).toBe('MultiPolygon');
      expect(published.findings.incidents.verdicts_changed).toBeGreaterThanOrEqual(1);
      const after = await must('ngo-observer', 'GET', `/findings/${key}/history`);
      // Al-Tanf lies outside Aleppo governorate, and the group struck is now excluded: no longer a finding.
      expect(after.current).toBeNull();
      expect(after.history[0]).toMatchObject({
        verdict: 'violation',
        superseded_by_verdict: null,
        cause_statement: { code: 'cause.agreement.publish' },
      });
      // The publication changed the excluded groups: the other proposal waiting did not set them, and still waits.
      detail = await must('us-analyst', 'GET', base);
      expect(detail.publications.find((x: { id: string }) => x.id === clausesOnly.id).state).toBe('proposed');
      // Back to everywhere, by a proposal that says so.
      const r = await must('us-analyst', 'POST', `${base}/publications`, { versions, scope: null });
      expect(r.scope).toEqual({ everywhere: true, areas: null });
      await must('us-analyst', 'POST', `${base}/publications/${r.id}/approve`);
      await must('ru-analyst', 'POST', `${base}/publications/${r.id}/approve`);
      expect((await must('ru-analyst', 'POST', `${base}/publications/${r.id}/publish`)).agreement.scope).toBeNull();
    });

    it("exports the draft as a PDF in the requester's language, marked with the recipient's name on every page, audited", async () => {
      const { base } = await openRoom();
      server.ctx.pdf = chromiumPdf({ executablePath: '/usr/bin/chromium' });
      try {
        const res = await call('ru-observer', 'GET', `${base}/export.pdf`);
        expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-language']).toBe('en');
        expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        // Arabic when asked, or when the browser says so.
        const ar = await call('ru-observer', 'GET', `${base}/export.pdf?lang=ar`);
        expect([ar.statusCode, ar.headers['content-language']]).toEqual([200, 'ar']);
        expect(ar.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const s = await as('ru-observer');
        const byHeader = await server.app.inject({
          method: 'GET',
          url: `/api/v1${base}/export.pdf`,
          headers: { cookie: s.cookie, 'accept-language': 'ar-SY,ar;q=0.9,en;q=0.5' },
        });
        expect(byHeader.headers['content-language']).toBe('ar');
      } finally {
        await server.ctx.pdf.close();
        server.ctx.pdf = null;
      }
      const trail = await must('ru-admin', 'GET', '/audit?limit=50');
      expect(
        trail.items
          .filter((e: { action: string }) => e.action === 'export')
          .map((e: { after: { lang: string } }) => e.after.lang),
      ).toEqual(['ar', 'ar', 'en']);
      expect(trail.items.find((e: { action: string }) => e.action === 'export')).toMatchObject({
        entity: 'negotiation_room',
        after: expect.objectContaining({ recipient: 'ru-observer (ru)', format: 'pdf' }),
      });
      // The mark is the head and foot of the page's table (Chromium repeats them on every page) and names the recipient.
      const detail = await roomDetail('ru');
      const at = Date.parse('2016-09-10T18:05:00Z');
      const html = draftHtml(detail, { lang: 'en', recipient: 'ru-observer (Russia)', at, timeZone: 'Asia/Damascus' });
      expect(html).toMatch(
        /<thead><tr><td class="mark top">[^<]*Copy for ru-observer \(Russia\), 10 September 2016 at 21:05/,
      );
      expect(html).toMatch(/<tfoot><tr><td class="mark bottom">[^<]*Copy for ru-observer/);
      expect(html).toContain('<html lang="en" dir="ltr">');
      expect(html).toContain('Version 1, obligation T1; open');
      // In Arabic: right to left, Arabic labels, the date in Arabic with Arabic digits; the mark on every page still.
      const arabic = draftHtml(detail, { lang: 'ar', recipient: 'ru-observer (روسيا)', at, timeZone: 'Asia/Damascus' });
      expect(arabic).toContain('<html lang="ar" dir="rtl">');
      expect(arabic).toMatch(/<td class="mark bottom">[^<]*نسخة لـ ru-observer \(روسيا\)، ١٠ أيلول ٢٠١٦/);
      expect(arabic).toContain('الصيغة ١، الالتزام T1؛ مفتوح');
      expect(arabic).toContain('المراجعة ١');
      expect(arabic).not.toMatch(/Version|Copy for|revision/);
    });

    it('records an acceptance of the agreement from the room', async () => {
      const { base } = await openRoom();
      const res = await must('us-analyst', 'POST', `${base}/acceptances`, {
        actor: 'nusra',
        accepted_at: '2016-02-26T12:00:00+02:00',
        channel: 'ru',
        caveats: ['only in Aleppo'],
      });
      expect(res.agreement.parties.at(-1)).toMatchObject({
        actor: 'nusra',
        channel: 'ru',
        caveats: ['only in Aleppo'],
      });
      const trail = await must('us-admin', 'GET', '/audit?limit=50');
      expect(trail.items.map((e: { action: string }) => e.action)).toContain('record-acceptance');
      // The room shows the agreement's parties, the new acceptance among them.
      expect((await must('ru-observer', 'GET', base)).agreement.parties.at(-1)).toEqual({
        actor: 'nusra',
        accepted_at: '2016-02-26T10:00:00.000Z',
        until: null,
        channel: 'ru',
        caveats: ['only in Aleppo'],
      });
      // Only a role that may write records one; a party unknown is refused by its field.
      const observer = await call('ru-observer', 'POST', `${base}/acceptances`, {
        actor: 'sy-gov',
        accepted_at: '2016-02-26T12:00:00+02:00',
      });
      expect(observer.statusCode).toBe(403);
      const unknown = await call('ru-analyst', 'POST', `${base}/acceptances`, {
        actor: 'nobody',
        accepted_at: '2016-02-26T12:00:00+02:00',
      });
      expect([unknown.statusCode, unknown.json().path]).toEqual([400, 'actor']);
    });

    it('hides the room from every non-member: 404 on every path, nothing in lists, audit or live events', async () => {
      const { room, clause, base } = await openRoom();
      await must('ru-analyst', 'POST', `${base}/clauses/${clause.id}/positions`, { stance: 'open' });
      const p = await must('us-analyst', 'POST', `${base}/publications`, {
        versions: [{ clause: clause.id, version: 1 }],
      });
      const missing = await call('ngo-analyst', 'GET', '/negotiation-rooms/room-nothing');
      const partiesBefore = (await must('us-observer', 'GET', '/agreements/coh')).parties.length;
      for (const org of ['un-ose', 'ngo'])
        for (const role of ROLES) {
          const user = `${org}-${role}`;
          for (const path of [
            base,
            `${base}/versions`,
            `${base}/clauses/${clause.id}/versions`,
            `${base}/clauses/${clause.id}/positions`,
            `${base}/export.pdf`,
            `${base}/export.pdf?lang=ar`,
          ]) {
            const res = await call(user, 'GET', path);
            expect(res.statusCode, `${user} GET ${path}`).toBe(404);
            expect(res.json().code).toBe(missing.json().code);
          }
          const writes: [string, 'POST' | 'PUT', unknown][] = [
            [`${base}/clauses`, 'POST', CLAUSE],
            [`${base}/clauses/${clause.id}`, 'PUT', CLAUSE],
            [`${base}/clauses/${clause.id}/positions`, 'POST', { stance: 'agreed' }],
            [`${base}/members`, 'POST', { org }],
            [`${base}/publications`, 'POST', { versions: [{ clause: clause.id, version: 1 }] }],
            [
              `${base}/publications`,
              'POST',
              { versions: [{ clause: clause.id, version: 1 }], scope_areas: ['SY02'], excluded: ['nsa'] },
            ],
            [`${base}/acceptances`, 'POST', { actor: 'sy-gov', accepted_at: '2016-02-26T12:00:00+02:00' }],
            [`${base}/publications/${p.id}/approve`, 'POST', undefined],
            [`${base}/publications/${p.id}/publish`, 'POST', undefined],
          ];
          for (const [path, method, body] of writes) {
            const res = await call(user, method, path, body);
            // A role that may not write hears 403 before anything is looked up; one that may, 404.
            expect(res.statusCode, `${user} ${method} ${path}`).toBe(
              role === 'admin' || role === 'analyst' ? 404 : 403,
            );
          }
          expect((await must(user, 'GET', '/negotiation-rooms')).items).toEqual([]);
          expect((await call(user, 'GET', `/audit/negotiation_room/${room.id}`)).statusCode).toBe(404);
          if (role === 'admin' || role === 'analyst') {
            const trail = await call(user, 'GET', '/audit?limit=500');
            expect(trail.body).not.toContain(room.id);
            expect(trail.body).not.toContain('Geneva');
          }
          expect((await call(user, 'GET', `/search?q=${encodeURIComponent('Geneva')}`)).body).not.toContain(room.id);
        }
      expect(await countRows(db(), 'negotiation_clauses')).toBe(1);
      expect(await countRows(db(), 'negotiation_publications')).toBe(1);
      // No acceptance slipped in from outside the room.
      expect((await must('us-observer', 'GET', '/agreements/coh')).parties).toHaveLength(partiesBefore);
      // Members see it listed, and its trail.
      expect((await must('ru-observer', 'GET', '/negotiation-rooms')).items.map((r: { id: string }) => r.id)).toEqual([
        room.id,
      ]);
      expect((await call('ru-admin', 'GET', `/audit/negotiation_room/${room.id}`)).statusCode).toBe(200);

      // Live: only members hear that the room changed.
      const heard: TruceEvent[] = [];
      const stop = server.ctx.events.subscribe((e) => {
        if (e.type === 'negotiation_room.changed') heard.push(e);
      });
      await must('us-analyst', 'POST', `${base}/clauses/${clause.id}/positions`, { stance: 'agreed' });
      stop();
      expect(heard.map((e) => e.id)).toEqual([room.id]);
      const caller = (orgId: string, orgKind: Caller['orgKind'], clearance: Caller['clearance']): Caller => ({
        userId: `${orgId}-observer`,
        username: `${orgId}-observer`,
        orgId,
        orgKind,
        role: 'observer',
        clearance,
      });
      const told = async (c: Caller) => (await visibleMessages(server.ctx, c, heard[0]!)).map((m) => m.data);
      expect(await told(caller('ru', 'co_chair', 'co_chairs'))).toEqual([
        { title: 'Geneva: the terms', agreement_id: 'coh' },
      ]);
      expect(await told(caller('un-ose', 'un', 'task_force'))).toEqual([]);
      expect(await told(caller('ngo', 'humanitarian', 'public'))).toEqual([]);
    });
  },
);
