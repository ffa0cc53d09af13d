/**
 * Email of operation notices' conflicts, against a real SMTP server on 127.0.0.1 (test/smtp-sink.ts,
 * as send-due-emails.int.test.ts): a conflict found for a notice is emailed to the declaring
 * organization's users who asked (not the one who declared it), naming only the targets each may
 * see; the owners of the places at risk are emailed that an operation is planned near them, WITHOUT
 * the operation's detail; a check that finds the same conflicts again sends nothing; a target made
 * later is checked and emailed; a conflict closed before its email leaves sends nothing. In English
 * and Arabic, on PGlite and PostgreSQL.
 */
import { expect, it } from 'vitest';
import { smtpMailer } from '../../adapters/smtp-mailer.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { type ReceivedMail, startSmtpSink } from '../../../test/smtp-sink.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { startWorldServer } from '../../../test/world.ts';
import { sendDueEmails } from './send-due-emails.ts';

const HOUR = 3_600_000;
const PUBLIC_URL = 'https://truce.example.org/';
const iso = (offsetHours: number) => new Date(Date.now() + offsetHours * HOUR).toISOString();
/** Near Hasakah, far from the demo world's sites; metres north of it (a degree of latitude is 111 195 m). */
const P: [number, number] = [40.75, 36.5];
const north = (metres: number): [number, number] => [P[0], P[1] + metres / 111_195];
const point = (c: [number, number]) => ({ type: 'Point', coordinates: c });

const hospital = (name: string, metres: number) => ({
  subject: 'site',
  site_kind: 'hospital',
  name,
  geometry: point(north(metres)),
  buffer_m: 300,
  valid: { from: iso(-1), to: iso(24 * 7) },
  acknowledge_by: iso(24),
  recipients: ['us', 'ru'],
});

describeEachDatabase('email of operation notices’ conflicts', (db) => {
  const server = useTestServer(db, { start: startWorldServer, perTest: true });

  const call = (user: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
    server.call(user, {
      method,
      url: `/api/v1${url}`,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const made = async (user: string, url: string, payload: unknown) => {
    const res = await call(user, 'POST', url, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; operation: { id: string } }>();
  };
  async function asks(user: string, kinds: string[], language: 'en' | 'ar' = 'en') {
    const res = await call(user, 'PUT', '/account/email', { address: `${user}@example.org`, language, kinds });
    expect(res.statusCode, res.body).toBe(200);
  }
  const send = (port: number) =>
    sendDueEmails(server.ctx, {
      mailer: smtpMailer(
        { host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 5_000 },
        'Truce <truce@example.org>',
      ),
      publicUrl: PUBLIC_URL,
    });
  const to = (mails: ReceivedMail[], user: string) => mails.filter((m) => m.to[0] === `${user}@example.org`);
  const outcomes = async (kind: string) =>
    (
      await db().query<{ outcome: string }>(
        `select coalesce(dropped_reason, case when sent_at is not null then 'sent' end, 'queued') as outcome
           from email_outbox where kind = $1 order by id`,
        [kind],
      )
    ).map((r) => r.outcome);

  it('tells the declaring party of its conflicts and the owners of the places at risk, without the operation', async () => {
    await db().query(`update organizations set name_ar = 'منظمة إنسانية' where id = 'ngo'`);
    await asks('ru-analyst', ['notice.conflict']); // the declarer: it sees its conflicts as it declares
    await asks('ru-admin', ['notice.conflict']);
    await asks('ngo-analyst', ['deconfliction.alert']);
    await asks('ngo-admin', ['deconfliction.alert'], 'ar');
    await asks('us-analyst', ['deconfliction.alert']);
    await asks('un-ose-analyst', ['notice.conflict', 'deconfliction.alert']); // neither declares nor owns
    const h = await made('ngo-humanitarian', '/notifications', hospital('Hasakah national hospital', 222));
    // A position of us shared with nobody: ru may not read it, not even in its own conflicts.
    const secret = await made('us-analyst', '/positions', {
      name: 'Advisers at the airfield',
      kind: 'advisers',
      geometry: point(north(556)),
      buffer_m: 300,
      valid: { from: iso(-24), to: null },
      recipients: [],
    });
    const notice = (
      await made('ru-analyst', '/operations', {
        actor: 'ru',
        kind: 'air_strike',
        classification: 'org',
        area: point(P),
        radius_m: 300,
        window: { from: iso(1), to: iso(6) },
      })
    ).operation.id;
    const sink = await startSmtpSink();
    try {
      expect(await send(sink.port)).toEqual({ sent: 4, failed: 0, dropped: 0 });
      expect(sink.received.flatMap((m) => m.to).sort()).toEqual(
        ['ngo-admin', 'ngo-analyst', 'ru-admin', 'us-analyst'].map((u) => `${u}@example.org`),
      );
      // The declaring party: its conflict with the hospital, notified to it; nothing of the position it may not see.
      const [ru] = to(sink.received, 'ru-admin');
      expect(ru!.mail.subject).toBe('Operation notice in conflict: Hasakah national hospital (Notified site)');
      expect(ru!.mail.text).toMatch(/Declared by:\s+Russian Federation \(co-chair\)/);
      expect(ru!.mail.text).toMatch(
        /Hasakah national hospital \(Notified site\):\s+\S.* · Notified to the declaring party/,
      );
      expect(ru!.mail.text).not.toContain('Advisers');
      expect(ru!.mail.text).not.toContain(secret.id);
      expect(ru!.mail.text).toMatch(new RegExp(`${PUBLIC_URL}console\\?day=\\d{4}-\\d{2}-\\d{2}`));
      // The owners: their place, how near, when; not who, what or where the operation is.
      const [ngo] = to(sink.received, 'ngo-analyst');
      expect(ngo!.mail.subject).toBe('An operation is planned near Hasakah national hospital (Notified site)');
      expect(ngo!.mail.text).toContain('Its details are not shared with you');
      expect(ngo!.mail.text).toMatch(/Clearance:\s+touching|Clearance:\s+\d+ m clear/);
      const [us] = to(sink.received, 'us-analyst');
      expect(us!.mail.subject).toBe('An operation is planned near Advisers at the airfield (Position)');
      const [ar] = to(sink.received, 'ngo-admin');
      expect(ar!.mail.subject).toBe('عملية مخطط لها قرب Hasakah national hospital (موقع مُخطَر به)');
      expect(ar!.mail.html).toContain('<html lang="ar" dir="rtl">');
      for (const m of [ngo!, us!, ar!]) {
        for (const said of [m.mail.text ?? '', m.mail.html || '']) {
          expect(said).not.toContain(notice);
          expect(said).not.toMatch(/Russia|air.strike|Air strike|روسي|غارة/i);
        }
      }

      // Checked again (a changed radius): the same conflicts, no new email.
      const changed = await call('ru-analyst', 'PATCH', `/operations/${notice}`, { radius_m: 310 });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(await send(sink.port)).toEqual({ sent: 0, failed: 0, dropped: 0 });

      // A site notified later near the notice in force: checked at once, emailed to ru (both its users) and the NGO (both).
      await made('ngo-humanitarian', '/notifications', hospital('Tal Tamr clinic', 100));
      expect(await send(sink.port)).toEqual({ sent: 4, failed: 0, dropped: 0 });
      expect(to(sink.received, 'ru-admin')[1]!.mail.subject).toBe(
        'Operation notice in conflict: Tal Tamr clinic (Notified site)',
      );
      // The first declarer is told too: this time it did not cause the check.
      expect(to(sink.received, 'ru-analyst')).toHaveLength(1);
      expect(to(sink.received, 'un-ose-analyst')).toEqual([]);
      expect(h.id).toBeTruthy();
    } finally {
      await sink.close();
    }
  });

  it('sends nothing of a conflict closed before its email leaves', async () => {
    await asks('ru-admin', ['notice.conflict']);
    await asks('ngo-analyst', ['deconfliction.alert']);
    await made('ngo-humanitarian', '/notifications', hospital('Hasakah national hospital', 222));
    const notice = (
      await made('ru-analyst', '/operations', {
        actor: 'ru',
        kind: 'air_strike',
        classification: 'public',
        area: point(P),
        radius_m: 300,
        window: { from: iso(1), to: iso(6) },
      })
    ).operation.id;
    expect((await call('ru-analyst', 'POST', `/operations/${notice}/withdraw`)).statusCode).toBe(200);
    const sink = await startSmtpSink();
    try {
      expect(await send(sink.port)).toEqual({ sent: 0, failed: 0, dropped: 2 });
      expect(await outcomes('notice.conflict')).toEqual(['moot']);
      expect(await outcomes('deconfliction.alert')).toEqual(['moot']);
    } finally {
      await sink.close();
    }
  });
});
