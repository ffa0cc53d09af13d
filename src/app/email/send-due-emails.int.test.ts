/**
 * Email against a real SMTP server on 127.0.0.1 (test/smtp-sink.ts; Truce's own SMTP adapter, no
 * mock): a notification and a hotline thread email the users of the organizations they concern who
 * asked, in each one's language and as each may see the record, and nobody else; a record the
 * recipient may not see sends nothing; with the SMTP server away the message waits and is delivered
 * once when it is back, after a restart too, and once with two senders on one PostgreSQL.
 */
import { expect, it } from 'vitest';
import { smtpMailer } from '../../adapters/smtp-mailer.ts';
import { openDatabase } from '../../store/database.ts';
import { createContext } from '../context.ts';
import { sweepEscalations } from '../hotline/sweep-escalations.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { freePort, type ReceivedMail, startSmtpSink } from '../../../test/smtp-sink.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { formatDateTime } from './email-layout.ts';
import { queueEmail } from './queue-email.ts';
import { sendDueEmails } from './send-due-emails.ts';

const HOUR = 3_600_000;
const PUBLIC_URL = 'https://truce.example.org/';
const at = (offsetHours: number) => Math.round((Date.now() + offsetHours * HOUR) / 60_000) * 60_000;
const iso = (t: number) => new Date(t).toISOString();

const mailerAt = (port: number) =>
  smtpMailer(
    { host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 5_000 },
    'Truce <truce@example.org>',
  );

describeEachDatabase('email to those who ask', (db) => {
  const server = useTestServer(db, { perTest: true });

  const call = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    server.call(user, {
      method,
      url: `/api/v1${url}`,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });

  /** The user asks for these kinds of email, at `<user>@example.org`. */
  async function asks(user: string, kinds: string[], language: 'en' | 'ar' = 'en') {
    const res = await call(user, 'PUT', '/account/email', { address: `${user}@example.org`, language, kinds });
    expect(res.statusCode, res.body).toBe(200);
  }

  const notify = async (recipients: string[], over: Record<string, unknown> = {}) => {
    const res = await call('ngo-humanitarian', 'POST', '/notifications', {
      subject: 'site',
      site_kind: 'hospital',
      name: 'Field hospital, al-Quds',
      geometry: { type: 'Point', coordinates: [37.1525, 36.179] },
      buffer_m: 300,
      valid: { from: iso(at(-1)), to: iso(at(24 * 7)) },
      acknowledge_by: iso(at(24)),
      recipients,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; valid: { from: string }; acknowledge_by: string }>();
  };

  const send = (port: number, ctx = server.ctx) =>
    sendDueEmails(ctx, { mailer: mailerAt(port), publicUrl: PUBLIC_URL });
  const recipientsOf = (mails: ReceivedMail[]) => mails.flatMap((m) => m.to).sort();
  const outbox = (kind?: string) =>
    db().query<{
      id: string;
      user_id: string;
      attempts: number;
      sent_at: Date | null;
      dropped_reason: string | null;
      last_error: string | null;
    }>(
      `select id, user_id, attempts, sent_at, dropped_reason, last_error from email_outbox
        where $1::text is null or kind = $1 order by id`,
      [kind ?? null],
    );

  it('emails a notification to the recipients who asked, in their language, and to nobody else', async () => {
    await db().query(`insert into settings (key, value) values ('timezone', '"Asia/Damascus"')`);
    await db().query(`update organizations set name_ar = 'منظمة إنسانية' where id = 'ngo'`);
    await asks('us-analyst', ['notification.received']);
    await asks('ru-analyst', ['notification.received', 'hotline.addressed'], 'ar');
    await asks('us-monitor', []); // an address, but no kind asked for
    await asks('un-ose-analyst', ['notification.received']); // the secretariat sees it, but it is not addressed to it
    await asks('ngo-analyst', ['notification.received']); // the sender's own organization
    const n = await notify(['us', 'ru']);
    const sink = await startSmtpSink();
    try {
      expect(await send(sink.port)).toEqual({ sent: 2, failed: 0, dropped: 0 });
      expect(recipientsOf(sink.received)).toEqual(['ru-analyst@example.org', 'us-analyst@example.org']);
      const en = sink.received.find((m) => m.to[0] === 'us-analyst@example.org')!.mail;
      expect(en.subject).toBe('Humanitarian notification: Field hospital, al-Quds');
      expect(en.headers.get('content-language')).toBe('en');
      expect(en.text).toContain('A humanitarian NGO notified your organization.');
      expect(en.text).toContain('Hospital: Field hospital, al-Quds');
      // Dates in the truce's timezone, as the web app writes them; the place by its name.
      expect(en.text).toContain(formatDateTime(Date.parse(n.acknowledge_by), 'en', 'Asia/Damascus'));
      expect(en.text).toMatch(/Where:\s+\S.*Aleppo \(latitude 36\.1790, longitude 37\.1525\)/);
      expect(en.text).toContain('not a request for permission');
      expect(en.text).toContain(`${PUBLIC_URL}notifications?box=received&notification=${n.id}`);
      expect(en.html).toContain(`href="${PUBLIC_URL}notifications?box=received&amp;notification=${n.id}"`);
      expect(en.html).toContain('<html lang="en" dir="ltr">');
      const ar = sink.received.find((m) => m.to[0] === 'ru-analyst@example.org')!.mail;
      expect(ar.subject).toBe('إخطار إنساني: Field hospital, al-Quds');
      expect(ar.headers.get('content-language')).toBe('ar');
      expect(ar.text).toContain('أخطرت منظمة إنسانية منظمتكم.');
      expect(ar.text).toContain(formatDateTime(Date.parse(n.acknowledge_by), 'ar', 'Asia/Damascus'));
      expect(ar.html).toContain('<html lang="ar" dir="rtl">');
      // Sent once: a second pass finds nothing due.
      expect(await send(sink.port)).toEqual({ sent: 0, failed: 0, dropped: 0 });
      expect(sink.received).toHaveLength(2);
      expect((await outbox('notification.received')).every((m) => m.sent_at !== null)).toBe(true);
    } finally {
      await sink.close();
    }
  });

  it('says only what each recipient may see, and a record hidden from the recipient sends nothing', async () => {
    // An incident for the co-chairs only, linked from a thread us opens to ru and the NGO.
    const incident = await call('us-analyst', 'POST', '/incidents', {
      occurred_at: '2016-09-19T19:15:00+03:00',
      location: { lon: 36.95, lat: 36.15 },
      act: 'air_strike',
      headline: 'Strike on the convoy',
      classification: 'co_chairs',
    });
    expect(incident.statusCode, incident.body).toBe(201);
    await asks('ru-analyst', ['hotline.addressed', 'hotline.escalated']);
    await asks('ngo-analyst', ['hotline.addressed', 'hotline.escalated']);
    await asks('un-ose-analyst', ['hotline.addressed', 'hotline.escalated']);
    await asks('us-monitor', ['hotline.escalated']);
    const opened = await call('us-analyst', 'POST', '/hotline', {
      subject: 'Aircraft striking near the convoy',
      message: 'Strikes 2 km north of the convoy; stop now.',
      priority: 'urgent',
      recipients: ['ru', 'ngo'],
      location: { lon: 36.95, lat: 36.15 },
      links: [`incident:${incident.json().id}`],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const thread = opened.json<{ id: string }>().id;
    // A thread between ru and us, which the NGO may not see: a message queued for the NGO's user by mistake is
    // read as that user when it is written out, finds nothing, and is dropped unsent.
    const hidden = await call('ru-analyst', 'POST', '/hotline', {
      subject: 'Between the co-chairs',
      message: 'Not for the NGO.',
      priority: 'high',
      recipients: ['us'],
      location: null,
      links: [],
    });
    await queueEmail(db(), {
      kind: 'hotline.addressed',
      entity: 'hotline_thread',
      entityId: hidden.json().id,
      orgs: ['ngo'],
    });
    const sink = await startSmtpSink();
    try {
      expect(await send(sink.port)).toEqual({ sent: 2, failed: 0, dropped: 1 });
      // The secretariat sees the thread but it is not addressed to it: no "addressed" email.
      expect(recipientsOf(sink.received)).toEqual(['ngo-analyst@example.org', 'ru-analyst@example.org']);
      const mail = (user: string) => sink.received.find((m) => m.to[0] === `${user}@example.org`)!.mail;
      // ru (a co-chair) sees the linked incident; the NGO does not, and its email says nothing of it.
      expect(mail('ru-analyst').text).toMatch(/Linked records:\s+1/);
      expect(mail('ngo-analyst').text).not.toContain('Linked records');
      expect(mail('ngo-analyst').text).toContain('Strikes 2 km north of the convoy; stop now.');
      expect(mail('ngo-analyst').text).toContain(`${PUBLIC_URL}hotline?thread=${thread}`);
      expect(sink.received.map((m) => m.mail.text).join('\n')).not.toContain('Not for the NGO');
      const [dropped] = (await outbox()).filter((m) => m.dropped_reason !== null);
      expect(dropped).toMatchObject({ user_id: expect.any(String), dropped_reason: 'hidden', sent_at: null });

      // Escalated: to the users who asked of the thread's parties (us, ru, the NGO) and of the secretariat.
      sink.received.length = 0;
      await db().query(`update hotline_threads set ack_due_at = now() - interval '1 second' where id = $1`, [thread]);
      await call('ru-analyst', 'POST', `/hotline/${thread}/acknowledge`);
      await sweepEscalations(server.ctx);
      expect(await send(sink.port)).toMatchObject({ sent: 4, failed: 0 });
      expect(recipientsOf(sink.received)).toEqual([
        'ngo-analyst@example.org',
        'ru-analyst@example.org',
        'un-ose-analyst@example.org',
        'us-monitor@example.org',
      ]);
      const escalated = (user: string) => sink.received.find((m) => m.to[0] === `${user}@example.org`)!.mail;
      expect(escalated('un-ose-analyst').subject).toBe(
        'Hotline thread escalated to the secretariat: Aircraft striking near the convoy',
      );
      expect(escalated('un-ose-analyst').text).toMatch(/Not acknowledged by:\s+A humanitarian NGO\n/);
      // The secretariat (task force) may not see the co-chairs' incident either; us (its owner's organization) may.
      expect(escalated('un-ose-analyst').text).not.toContain('Linked records');
      expect(escalated('us-monitor').text).toMatch(/Linked records:\s+1/);
    } finally {
      await sink.close();
    }
  });

  it('keeps a message while the SMTP server is away and delivers it once when it is back, after a restart too', async () => {
    await asks('us-analyst', ['notification.received']);
    const n = await notify(['us']);
    const port = await freePort();
    // Away: the attempt fails, the message waits, counted, with the error.
    expect(await send(port)).toEqual({ sent: 0, failed: 1, dropped: 0 });
    const [waiting] = await outbox();
    expect(waiting).toMatchObject({ attempts: 1, sent_at: null, dropped_reason: null });
    expect(waiting!.last_error).toMatch(/ECONNREFUSED|connect/i);
    // A server started afresh (the first one gone): nothing due before the retry's time, by the database's clock.
    const restarted = createContext(db(), { sealDelayMs: 5 });
    try {
      const sink = await startSmtpSink({ port });
      try {
        expect(await send(port, restarted)).toEqual({ sent: 0, failed: 0, dropped: 0 });
        await db().query(`update email_outbox set due_at = now()`);
        expect(await send(port, restarted)).toEqual({ sent: 1, failed: 0, dropped: 0 });
        expect(await send(port, restarted)).toEqual({ sent: 0, failed: 0, dropped: 0 });
        expect(recipientsOf(sink.received)).toEqual(['us-analyst@example.org']);
        expect(sink.received[0]!.mail.text).toContain(n.id);
        expect((await outbox())[0]).toMatchObject({ attempts: 2, last_error: null });
      } finally {
        await sink.close();
      }
    } finally {
      await restarted.close();
    }
  });

  it('gives up a message the SMTP server was away for too long, sending nothing', async () => {
    await asks('us-analyst', ['notification.received']);
    await notify(['us']);
    expect(await send(await freePort())).toEqual({ sent: 0, failed: 1, dropped: 0 });
    // Retried for EMAIL_GIVE_UP_HOURS after it was due, however often it failed: past that, it is old news.
    await db().query(`update email_outbox set due_at = now(), give_up_at = now() - interval '1 second'`);
    const sink = await startSmtpSink();
    try {
      expect(await send(sink.port)).toEqual({ sent: 0, failed: 0, dropped: 1 });
      expect(sink.received).toEqual([]);
      expect((await outbox())[0]).toMatchObject({ dropped_reason: 'expired', sent_at: null });
    } finally {
      await sink.close();
    }
  });

  it('sends each message once with two servers sending from one PostgreSQL at the same moment', async () => {
    await asks('us-analyst', ['notification.received']);
    await asks('ru-analyst', ['notification.received']);
    for (let i = 0; i < 6; i++) await notify(['us', 'ru'], { name: `Site ${i}` });
    const url = process.env.TRUCE_TEST_DATABASE_URL;
    const other =
      db().kind === 'postgres' && url
        ? await openDatabase({
            url,
            schema: (await db().query<{ s: string }>('select current_schema() as s'))[0]!.s,
            migrate: false,
          })
        : null;
    const second = createContext(other ?? db(), { sealDelayMs: 5 });
    const sink = await startSmtpSink();
    try {
      const mailer = (ctx: typeof second) =>
        sendDueEmails(ctx, { mailer: mailerAt(sink.port), publicUrl: PUBLIC_URL, batch: 2 });
      const [a, b] = await Promise.all([mailer(server.ctx), mailer(second)]);
      expect(a.sent + b.sent).toBe(12);
      const ids = sink.received.map((m) => m.mail.messageId);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
    } finally {
      await sink.close();
      await second.close();
      await other?.close();
    }
  });

  it('gives up an address the SMTP server refuses for good, and tells a silent recipient and the owner at the deadline', async () => {
    await asks('us-analyst', ['notification.received', 'notification.overdue']);
    await asks('ru-analyst', ['notification.overdue']);
    await asks('ngo-analyst', ['notification.overdue']);
    const sink = await startSmtpSink({ refuse: ['us-analyst@example.org'] });
    try {
      const n = await notify(['us', 'ru']);
      // Received: us's address is refused (550): dropped, not tried again.
      expect(await send(sink.port)).toEqual({ sent: 0, failed: 0, dropped: 1 });
      expect((await outbox('notification.received'))[0]).toMatchObject({ dropped_reason: 'refused' });
      // Overdue: nothing before the deadline; at it, ru has acknowledged and us has not.
      expect(await send(sink.port)).toEqual({ sent: 0, failed: 0, dropped: 0 });
      expect((await call('ru-analyst', 'POST', `/notifications/${n.id}/acknowledge`)).statusCode).toBe(200);
      await db().query(`update notifications set acknowledge_by = now() - interval '1 second' where id = $1`, [n.id]);
      await db().query(`update email_outbox set due_at = now() where kind = 'notification.overdue'`);
      expect(await send(sink.port)).toEqual({ sent: 1, failed: 0, dropped: 2 });
      // To the owner (the NGO); us is refused for good again, and ru, which acknowledged, needs no reminder.
      expect(recipientsOf(sink.received)).toEqual(['ngo-analyst@example.org']);
      expect(sink.received[0]!.mail.text).toMatch(/Not acknowledged by:\s+United States \(co-chair\)\n/);
      expect(sink.received[0]!.mail.text).toContain(`${PUBLIC_URL}notifications?box=sent&notification=${n.id}`);
      const outcomes = (await outbox('notification.overdue')).map((m) => m.dropped_reason ?? 'sent').sort();
      expect(outcomes).toEqual(['moot', 'refused', 'sent']);
    } finally {
      await sink.close();
    }
  });

  it('stores each user’s settings, says whether this server sends email, and refuses bad ones naming the field', async () => {
    const get = async (user: string) => (await call(user, 'GET', '/account/email')).json();
    expect(await get('us-observer')).toEqual({ delivery: false, address: null, language: 'en', kinds: [] });
    await asks('us-observer', ['hotline.escalated', 'notification.received'], 'ar');
    expect(await get('us-observer')).toEqual({
      delivery: false,
      address: 'us-observer@example.org',
      language: 'ar',
      kinds: ['hotline.escalated', 'notification.received'],
    });
    expect((await get('ru-observer')).address).toBeNull(); // one's own only
    const refused = async (body: Record<string, unknown>) => {
      const res = await call('us-observer', 'PUT', '/account/email', {
        address: 'a@example.org',
        language: 'en',
        kinds: [],
        ...body,
      });
      expect(res.statusCode, res.body).toBe(400);
      return res.json<{ path: string }>().path;
    };
    expect(await refused({ address: 'not an address' })).toBe('address');
    expect(await refused({ address: null, kinds: ['hotline.escalated'] })).toBe('address');
    expect(await refused({ kinds: ['hotline.escalated', 'everything'] })).toMatch(/^kinds(\.|\[)1/);
    expect(await refused({ language: 'fr' })).toBe('language');
    // A refused change changed nothing.
    expect((await get('us-observer')).kinds).toEqual(['hotline.escalated', 'notification.received']);
    // With an SMTP server configured, the account page is told email leaves.
    const on = createContext(db(), { emailDelivery: true });
    try {
      const { getEmailSettings } = await import('./get-email-settings.ts');
      const { signIn } = await import('../accounts/sign-in.ts');
      const { PASSWORD } = await import('../../../test/server.ts');
      const me = (await signIn(on, 'us-observer', PASSWORD)).caller;
      expect((await getEmailSettings(on, me)).delivery).toBe(true);
    } finally {
      await on.close();
    }
  });
});
