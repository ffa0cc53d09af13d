/**
 * Text intake by mail, on both databases: the mail server posts a message (message/rfc822) with a
 * mailbox account's API token; its drafts wait in the list of texts for a person, with who sent it
 * and its subject; the same message again is recognised; the list and the live event go only to
 * who may see the text; refusals name what is wrong.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { startWorld } from '../../../test/report-world.ts';
import { PASSWORD } from '../../../test/server.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { signIn } from '../../app/accounts/sign-in.ts';
import { visibleMessages } from '../../app/live/live-events.ts';
import { MAIL_MAX_BYTES } from '../../contract/intake.ts';

const MESSAGE = [
  'From: =?UTF-8?Q?Field_office_=C2=B7_Douma?= <douma@example.org>',
  'To: intake@truce.example.org',
  'Subject: Shelling in Douma',
  'Date: Thu, 7 Jul 2016 09:00:00 +0300',
  'Message-ID: <1@example.org>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Government forces shelled Douma yesterday, killing five civilians.',
  '',
].join('\r\n');

describeEachDatabase('text intake by mail', (db) => {
  const server = useTestServer(db, { start: startWorld });
  const tokenOf = async (user: string) => {
    const res = await server.call(user, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'mail' } });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { token: string }).token;
  };
  const post = (token: string, body: string, query = '', type = 'message/rfc822') =>
    server.app.inject({
      method: 'POST',
      url: `/api/v1/intake/mail${query}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      payload: body,
    });
  type Listed = { id: string; channel: string; sender: string | null; subject: string | null; drafts: object };
  const listed = async (user: string, query = '') => {
    const res = await server.call(user, { method: 'GET', url: `/api/v1/intake${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Listed[]; next_cursor: string | null };
  };

  it('drafts from an email the mail server posts; it waits in the list with its sender and subject until decided', async () => {
    await server.fresh();
    const token = await tokenOf('us-reporter');
    const res = await post(token, MESSAGE);
    expect(res.statusCode, res.body).toBe(201);
    const { source, drafts } = res.json();
    expect(source).toMatchObject({
      channel: 'mail',
      sender: 'Field office · Douma <douma@example.org>',
      subject: 'Shelling in Douma',
      text_date: '2016-07-07',
      media_type: 'message/rfc822',
      filename: null,
      classification: 'org',
      owner_org: 'us',
      created_by: 'us-reporter',
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0].fields).toMatchObject({
      date: { day: '2016-07-06' },
      place: { name: 'Duma' },
      killed: { best: 5 },
    });

    // A text pasted too: both listed, newest first; the mail one waits.
    const pasted = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/intake',
      payload: { text: 'Opposition fighters shelled Aleppo today, killing two people.', text_date: '2016-07-08' },
    });
    expect(pasted.statusCode, pasted.body).toBe(201);
    const all = await listed('us-analyst');
    expect(all.items.map((t) => [t.channel, t.subject])).toEqual([
      ['paste', null],
      ['mail', 'Shelling in Douma'],
    ]);
    expect(all.items[1]).toMatchObject({ sender: 'Field office · Douma <douma@example.org>', drafts: { proposed: 1 } });
    expect((all.items[0] as unknown as { opening: string }).opening).toBe(
      'Opposition fighters shelled Aleppo today, killing two people.',
    );
    // One a page: the cursor reaches the second.
    const first = await listed('us-analyst', '?limit=1');
    expect(first.items.map((t) => t.channel)).toEqual(['paste']);
    const second = await listed('us-analyst', `?limit=1&cursor=${first.next_cursor}`);
    expect(second.items.map((t) => t.channel)).toEqual(['mail']);
    expect(second.next_cursor).toBeNull();

    // Decided: no longer waiting.
    const drop = await server.call('us-analyst', { method: 'POST', url: `/api/v1/intake/drafts/${drafts[0].id}/drop` });
    expect(drop.statusCode, drop.body).toBe(200);
    expect((await listed('us-analyst', '?waiting=true')).items.map((t) => t.channel)).toEqual(['paste']);
    expect((await listed('us-analyst')).items[1]!.drafts).toEqual({ proposed: 0, confirmed: 0, dropped: 1 });

    // The same message posted again (a retry of the mail server): recognised, nothing new.
    const again = await post(token, MESSAGE);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ known: true, source: { id: source.id } });
    expect((await listed('us-analyst')).items).toHaveLength(2);
  });

  it('lists a text and tells of it live only to who may see it', async () => {
    await server.fresh();
    const res = await post(await tokenOf('us-reporter'), MESSAGE, '?classification=co_chairs');
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().source.id as string;
    expect(res.json().source.classification).toBe('co_chairs');
    const event = { type: 'source_text.changed' as const, entity: 'source_text', id, at: Date.now() };
    for (const [user, sees] of [
      ['us-analyst', true],
      ['ru-analyst', true],
      ['un-ose-analyst', false],
      ['ngo-reporter', false],
    ] as const) {
      expect((await listed(user)).items.map((t) => t.id)).toEqual(sees ? [id] : []);
      const { caller } = await signIn(server.ctx, user, PASSWORD);
      const told = await visibleMessages(server.ctx, caller, event);
      expect(told.map((m) => [m.type, m.id, m.data])).toEqual(
        sees ? [['source_text.changed', id, { channel: 'mail', proposed: 1 }]] : [],
      );
    }
    // An observer may not file reports: no list, and no word of the text.
    expect((await server.call('us-observer', { method: 'GET', url: '/api/v1/intake' })).statusCode).toBe(403);
    const { caller: observer } = await signIn(server.ctx, 'us-observer', PASSWORD);
    expect(await visibleMessages(server.ctx, observer, event)).toEqual([]);
  });

  it('refuses what is not an email, an empty or too large body, a bad classification, and a caller who may not file reports', async () => {
    await server.fresh();
    const token = await tokenOf('us-reporter');
    const json = await post(token, '{"text":"x"}', '', 'application/json');
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ path: 'body', message: expect.stringMatching(/message\/rfc822/) });
    const empty = await post(token, '');
    expect(empty.statusCode, empty.body).toBe(400);
    expect(empty.json().path).toBe('body');
    const bodyless = await post(token, 'From: douma@example.org\r\n\r\n');
    expect(bodyless.statusCode, bodyless.body).toBe(400);
    expect(bodyless.json()).toMatchObject({ path: 'body', message: expect.stringMatching(/no text/) });
    const large = await post(token, `${MESSAGE}${'x'.repeat(MAIL_MAX_BYTES)}`);
    expect(large.statusCode).toBe(413);
    expect(large.json().code).toBe('PAYLOAD_TOO_LARGE');
    const other = await post(token, MESSAGE, '', 'application/pdf');
    expect(other.statusCode).toBe(415);
    const bad = await post(token, MESSAGE, '?classification=secret');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().path).toBe('querystring.classification');
    const observer = await post(await tokenOf('us-observer'), MESSAGE);
    expect(observer.statusCode).toBe(403);
    const anonymous = await server.app.inject({
      method: 'POST',
      url: '/api/v1/intake/mail',
      headers: { 'content-type': 'message/rfc822' },
      payload: MESSAGE,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await db().query<{ n: number }>(`select count(*)::int as n from source_texts`))[0]!.n).toBe(0);
  });
});
