/**
 * The daily report (docs/daily-report.md) on the Syria 2016 world, on PGlite and PostgreSQL: its
 * figures against the state of the truce's for the same days; an area chosen and one drawn; the
 * clearance of its editions (a classified incident in no public edition, nor in the edition of a
 * reader not cleared: in the figures, the HTML and the email); the schedule of an organization,
 * queued once a day and sent through a real SMTP server; the PDF printed by Chromium, and a clear
 * 503 without it.
 */
import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { chromiumPdf } from '../../adapters/chromium-pdf.ts';
import { smtpMailer } from '../../adapters/smtp-mailer.ts';
import { queueDailyReports } from '../../app/daily-report/send-daily-reports.ts';
import { sendDueEmails } from '../../app/email/send-due-emails.ts';
import { loadScenario } from '../../app/scenario/load-scenario.ts';
import type { Database } from '../../store/sql.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { createIncident } from '../../../test/report-world.ts';
import { startTestServer } from '../../../test/server.ts';
import { startSmtpSink } from '../../../test/smtp-sink.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { SYRIA } from '../../../test/world.ts';
import { encodeRing } from '../../contract/geometry.ts';

const CHROMIUM = process.env.TRUCE_CHROMIUM ?? '/usr/bin/chromium';

async function start(db: Database) {
  const server = await startTestServer(db, { pdf: chromiumPdf({ executablePath: CHROMIUM }) });
  const loaded = await loadScenario(db, SYRIA);
  if (!loaded.ok) throw new Error(`the Syria bundle did not load: ${JSON.stringify(loaded.problems)}`);
  return server;
}

interface Row {
  key: string | null;
  day: number;
  previous_day: number;
  previous_seven: number;
}

describeEachDatabase('the daily report', (db) => {
  const server = useTestServer(db, { start, perTest: true });
  const get = (user: string | null, url: string) => server.call(user, { method: 'GET', url: `/api/v1${url}` });
  const report = async (user: string, query: string) => {
    const res = await get(user, `/daily-report?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{
      violations: { day: number; previous_day: number; previous_seven: number; by_area: Row[]; by_violator: Row[] };
      incidents: {
        total: number;
        notable: { id: string; findings: { verdict: string }[] }[];
        points: { id: string }[];
      };
      calm: { in_force: boolean; streak: number; days_required: number } | null;
      edition: string;
    }>();
  };

  /** A co-chairs' incident on the report's day: an air strike in Aleppo, a violation of the cessation of hostilities. */
  const classified = () =>
    createIncident(server, 'us-analyst', {
      occurred_at: '2016-09-19T11:00:00+03:00',
      location: { lon: 37.16, lat: 36.2 },
      act: 'air_strike',
      perpetrator: 'sy-gov',
      headline: 'CLASSIFIED strike seen by the co-chairs only',
      classification: 'co_chairs',
    }) as Promise<{ id: string }>;

  it('counts the day, the day before and the seven before as the state of the truce counts them', async () => {
    const r = await report('us-analyst', 'date=2016-09-19');
    const state = (await get('us-analyst', '/state?from=2016-09-12&to=2016-09-19')).json<{
      violations: { days: number[] };
      by_area: { pcode: string | null; days: number[] }[];
    }>();
    const days = state.violations.days;
    expect(r.violations).toMatchObject({
      day: days[7],
      previous_day: days[6],
      previous_seven: days.slice(0, 7).reduce((a, b) => a + b, 0),
    });
    expect(r.violations).toMatchObject({ day: 2, previous_day: 0, previous_seven: 14 });
    for (const a of state.by_area) {
      expect(r.violations.by_area.find((x) => x.key === a.pcode)).toMatchObject({
        day: a.days[7],
        previous_day: a.days[6],
        previous_seven: a.days.slice(0, 7).reduce((x, y) => x + y, 0),
      });
    }
    expect(r.violations.by_area[0]).toMatchObject({ key: 'SY02', day: 2, previous_day: 0, previous_seven: 8 });
    expect(r.violations.by_violator[0]).toMatchObject({ key: 'sy-gov', day: 2, previous_day: 0, previous_seven: 9 });
    // The strikes on the aid convoy at Urum al-Kubra and on Aleppo, the worst first.
    expect(r.incidents.total).toBe(3);
    expect(r.incidents.notable.map((i) => i.id).sort()).toEqual([
      'i27-sept-over-aleppo-strike',
      'i28-urum-convoy-boi',
      'i29-urum-convoy-coi',
    ]);
    expect(r.incidents.notable.at(-1)).toMatchObject({
      id: 'i28-urum-convoy-boi',
      findings: [{ verdict: 'needs_review' }],
    });
    expect(r.incidents.points).toHaveLength(3);
    // The renewed cessation of hostilities (9 September) was not in force all of the 19th: no calm day.
    expect(r.calm).toMatchObject({ in_force: false, streak: 0, days_required: 7 });
  });

  it('reports a governorate chosen and an area drawn, and refuses one unknown by its field', async () => {
    const aleppo = await report('us-analyst', 'date=2016-09-19&area=SY02');
    expect(aleppo.violations).toMatchObject({ day: 2, previous_day: 0, previous_seven: 8 });
    expect(aleppo.violations.by_area.map((a) => a.key)).toEqual(['SY02']);
    const idleb = await report('us-analyst', 'date=2016-09-19&area=SY07');
    expect(idleb.violations).toMatchObject({ day: 0, previous_day: 0, previous_seven: 4 });
    expect(idleb.incidents.total).toBe(0);
    // A box around Urum al-Kubra: the two accounts of the convoy strike, not the strike on Aleppo city.
    const urum = await report('us-analyst', 'date=2016-09-19&bbox=36.8,36.1,37.0,36.2');
    expect(urum.incidents.points.map((p) => p.id).sort()).toEqual(['i28-urum-convoy-boi', 'i29-urum-convoy-coi']);
    expect(urum.violations.day).toBe(1);
    const far = await report('us-analyst', 'date=2016-09-19&bbox=40,32,40.5,32.5');
    expect(far.violations).toMatchObject({ day: 0, previous_day: 0, previous_seven: 0 });

    const unknown = await get('us-analyst', '/daily-report?date=2016-09-19&area=XX99');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.area' });
    const badDate = await get('us-analyst', '/daily-report?date=2016-02-30');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json<{ path: string }>().path).toContain('date');
    expect((await get(null, '/daily-report?date=2016-09-19')).statusCode).toBe(401);
  });

  it('reports an area drawn, given as an encoded ring, said in words; refuses a bad one by its field', async () => {
    // Around Urum al-Kubra: the two accounts of the convoy strike, not the strike on Aleppo city.
    const urum = encodeRing([
      [36.88, 36.12],
      [36.98, 36.12],
      [36.98, 36.19],
      [36.88, 36.19],
    ]);
    const q = `date=2016-09-19&polygon=${encodeURIComponent(urum)}`;
    const drawn = await report('us-analyst', q);
    expect(drawn.incidents.points.map((p) => p.id).sort()).toEqual(['i28-urum-convoy-boi', 'i29-urum-convoy-coi']);
    expect(drawn.violations.day).toBe(1);
    const area = (await get('us-analyst', `/daily-report?${q}`)).json<{ area: { polygon: unknown; drawn: unknown } }>()
      .area;
    expect(area.polygon).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [36.88, 36.12],
          [36.98, 36.12],
          [36.98, 36.19],
          [36.88, 36.19],
          [36.88, 36.12],
        ],
      ],
    });
    expect(area.drawn).toMatchObject({ governorate: { en: 'Aleppo' } });
    const en = await get('us-analyst', `/daily-report/html?${q}&lang=en&part=body`);
    expect(en.body).toMatch(/data-testid="report-area"[^>]*>A drawn area of about 70 km² around [^<]*Aleppo</);
    const ar = await get('us-analyst', `/daily-report/html?${q}&lang=ar&part=body`);
    expect(ar.body).toMatch(/data-testid="report-area"[^>]*>منطقة مرسومة مساحتها نحو ٧٠ كم² حول [^<]*حلب</);

    const refused = async (polygon: string, extra = '') => {
      const res = await get(
        'us-analyst',
        `/daily-report?date=2016-09-19&polygon=${encodeURIComponent(polygon)}${extra}`,
      );
      expect(res.statusCode, res.body).toBe(400);
      return res.json<{ code: string; path: string; message: string }>();
    };
    expect(await refused('not a ring')).toMatchObject({ code: 'VALIDATION', path: 'querystring.polygon' });
    expect(await refused('x'.repeat(7_000))).toMatchObject({ path: 'querystring.polygon' });
    const bowTie = await refused(
      encodeRing([
        [36.88, 36.12],
        [36.98, 36.19],
        [36.98, 36.12],
        [36.88, 36.19],
      ]),
    );
    expect(bowTie).toMatchObject({ path: 'querystring.polygon' });
    expect(bowTie.message).toContain('crosses itself');
    expect(await refused(urum, '&bbox=36,36,37,37')).toMatchObject({ path: 'querystring.polygon' });
  });

  it('keeps a classified incident out of the public edition and out of the edition of a reader not cleared', async () => {
    const secret = await classified();
    const cleared = await report('us-analyst', 'date=2016-09-19');
    expect(cleared.incidents.points.map((p) => p.id)).toContain(secret.id);
    expect(cleared.incidents.total).toBe(4);

    // The public edition, asked by a co-chair: public records only, and it says so.
    const pub = await report('us-analyst', 'date=2016-09-19&edition=public');
    expect(pub.edition).toBe('public');
    expect(pub.incidents.points.map((p) => p.id)).not.toContain(secret.id);
    expect(pub.incidents.total).toBe(3);
    expect(pub.violations.day).toBe(2);
    expect(pub.violations.day).toBeLessThanOrEqual(cleared.violations.day);
    for (const lang of ['en', 'ar']) {
      const html = await get('us-analyst', `/daily-report/html?date=2016-09-19&edition=public&lang=${lang}`);
      expect(html.statusCode).toBe(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.body).not.toContain(secret.id);
      expect(html.body).not.toContain('CLASSIFIED');
      expect(html.body).toContain('data-edition="public"');
    }
    expect((await get('us-analyst', '/daily-report/html?date=2016-09-19&edition=public&lang=en')).body).toContain(
      'Public edition. It holds only records classified public',
    );

    // An NGO's own edition: not cleared for the co-chairs' records.
    const ngo = await report('ngo-analyst', 'date=2016-09-19');
    expect(ngo.incidents.points.map((p) => p.id)).not.toContain(secret.id);
    expect(ngo.incidents.total).toBe(3);
    expect(ngo.violations.day).toBe(2);
    const ngoHtml = await get('ngo-analyst', '/daily-report/html?date=2016-09-19&part=body');
    expect(ngoHtml.body).not.toContain(secret.id);
    expect(ngoHtml.body).not.toContain('CLASSIFIED');
    // The co-chair's own edition has it, and warns not to forward it.
    const usHtml = await get('us-analyst', '/daily-report/html?date=2016-09-19&part=body&lang=en');
    expect(usHtml.body).toContain(`/incidents/${secret.id}`);
    expect(usHtml.body).toContain('do not forward it');
  });

  it("sends each organization's schedule once a day, to the recipients who ask, as each edition may be read", async () => {
    const secret = await classified();
    const sink = await startSmtpSink();
    try {
      const call = (user: string, method: 'GET' | 'PUT', url: string, payload?: Record<string, unknown>) =>
        server.call(user, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
      const asks = async (user: string, kinds = ['report.daily'], language = 'en') =>
        expect(
          (await call(user, 'PUT', '/account/email', { address: `${user}@example.org`, language, kinds })).statusCode,
        ).toBe(200);
      await asks('us-analyst');
      await asks('us-monitor', ['report.daily'], 'ar');
      await asks('ru-analyst');
      await asks('ngo-analyst');
      const idOf = async (admin: string, username: string) => {
        const s = (await call(admin, 'GET', '/daily-report/schedule')).json<{
          candidates: { id: string; username: string; asks: boolean }[];
        }>();
        return s.candidates.find((c) => c.username === username)!.id;
      };
      const schedule = { enabled: true, send_at: '07:00', language: 'ar', edition: 'public', area: null };

      // Only an organization's admins set it; bad input is refused by its field.
      expect(
        (await call('us-analyst', 'PUT', '/daily-report/schedule', { ...schedule, recipients: [] })).statusCode,
      ).toBe(403);
      const badTime = await call('us-admin', 'PUT', '/daily-report/schedule', {
        ...schedule,
        send_at: '7am',
        recipients: [],
      });
      expect(badTime.statusCode).toBe(400);
      expect(badTime.json<{ path: string }>().path).toContain('send_at');
      const stranger = await idOf('ngo-admin', 'ngo-analyst');
      const foreign = await call('us-admin', 'PUT', '/daily-report/schedule', { ...schedule, recipients: [stranger] });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json()).toMatchObject({ path: 'recipients[0]' });

      const us = [
        await idOf('us-admin', 'us-analyst'),
        await idOf('us-admin', 'us-monitor'),
        await idOf('us-admin', 'us-observer'),
      ];
      const set = await call('us-admin', 'PUT', '/daily-report/schedule', { ...schedule, recipients: us });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({ send_at: '07:00', edition: 'public', recipients: us });
      expect(
        (
          await call('ru-admin', 'PUT', '/daily-report/schedule', {
            ...schedule,
            language: 'en',
            edition: 'cleared',
            recipients: [await idOf('ru-admin', 'ru-analyst')],
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await call('ngo-admin', 'PUT', '/daily-report/schedule', {
            ...schedule,
            language: 'en',
            edition: 'cleared',
            recipients: [stranger],
          })
        ).statusCode,
      ).toBe(200);

      // Not before its time (07:00 in Damascus); then once for the day, whatever the sweeps.
      server.ctx.now = () => Date.parse('2016-09-20T06:59:00+03:00');
      expect(await queueDailyReports(server.ctx)).toBe(0);
      server.ctx.now = () => Date.parse('2016-09-20T07:01:00+03:00');
      // us-analyst and us-monitor (us-observer does not ask for it), ru-analyst, ngo-analyst.
      expect(await queueDailyReports(server.ctx)).toBe(4);
      expect(await queueDailyReports(server.ctx)).toBe(0);

      const mailer = smtpMailer(
        { host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, connectionTimeout: 5_000 },
        'Truce <truce@example.org>',
      );
      const sent = await sendDueEmails(server.ctx, { mailer, publicUrl: 'https://truce.example.org/' });
      await mailer.close();
      expect(sent).toMatchObject({ sent: 4, failed: 0, dropped: 0 });
      const to = (user: string) => sink.received.find((m) => m.to.includes(`${user}@example.org`))!.mail;

      // The public edition, in Arabic as the schedule says, to a co-chair's users: no classified record.
      for (const user of ['us-analyst', 'us-monitor']) {
        const mail = to(user);
        expect(mail.subject).toContain('التقرير اليومي للهدنة');
        expect(mail.subject).toContain('١٩');
        expect(mail.html).toContain('dir="rtl"');
        expect(mail.html).toContain('data-edition="public"');
        expect(mail.html).not.toContain(secret.id);
        expect(mail.text).not.toContain('CLASSIFIED');
        expect(mail.html).toContain('https://truce.example.org/incidents/i29-urum-convoy-coi');
      }
      // The NGO's own edition: not cleared for it either.
      expect(to('ngo-analyst').html).not.toContain(secret.id);
      expect(to('ngo-analyst').html).toContain('data-edition="cleared"');
      // The other co-chair's own edition has it: the edition is read as its recipient.
      expect(to('ru-analyst').html).toContain(`https://truce.example.org/incidents/${secret.id}`);
      expect(to('ru-analyst').subject).toBe('Truce daily report: Monday, 19 September 2016');
    } finally {
      await sink.close();
    }
  });

  it('keeps an area drawn in a schedule, refused by its field when bad, and emails the report of that area', async () => {
    const sink = await startSmtpSink();
    try {
      const call = (user: string, method: 'GET' | 'PUT', url: string, payload?: Record<string, unknown>) =>
        server.call(user, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
      expect(
        (
          await call('us-analyst', 'PUT', '/account/email', {
            address: 'us-analyst@example.org',
            language: 'en',
            kinds: ['report.daily'],
          })
        ).statusCode,
      ).toBe(200);
      const analyst = (await call('us-admin', 'GET', '/daily-report/schedule'))
        .json<{ candidates: { id: string; username: string }[] }>()
        .candidates.find((c) => c.username === 'us-analyst')!.id;
      const urum = encodeRing([
        [36.88, 36.12],
        [36.98, 36.12],
        [36.98, 36.19],
        [36.88, 36.19],
      ]);
      const schedule = {
        enabled: true,
        send_at: '07:00',
        language: 'en',
        edition: 'cleared',
        area: null,
        recipients: [analyst],
      };
      const crossing = encodeRing([
        [36.88, 36.12],
        [36.98, 36.19],
        [36.98, 36.12],
        [36.88, 36.19],
      ]);
      for (const polygon of ['not a ring', crossing]) {
        const bad = await call('us-admin', 'PUT', '/daily-report/schedule', { ...schedule, polygon });
        expect(bad.statusCode, bad.body).toBe(400);
        expect(bad.json()).toMatchObject({ code: 'VALIDATION', path: 'polygon' });
      }
      const set = await call('us-admin', 'PUT', '/daily-report/schedule', { ...schedule, polygon: urum });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({ polygon: urum, area: null });
      expect((await call('us-admin', 'GET', '/daily-report/schedule')).json()).toMatchObject({ polygon: urum });

      server.ctx.now = () => Date.parse('2016-09-20T07:01:00+03:00');
      expect(await queueDailyReports(server.ctx)).toBe(1);
      const mailer = smtpMailer(
        { host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, connectionTimeout: 5_000 },
        'Truce <truce@example.org>',
      );
      expect(await sendDueEmails(server.ctx, { mailer, publicUrl: 'https://truce.example.org/' })).toMatchObject({
        sent: 1,
      });
      await mailer.close();
      const mail = sink.received[0]!.mail;
      expect(mail.html).toMatch(/A drawn area of about 70 km² around [^<]*Aleppo/);
      expect(mail.text).toMatch(/A drawn area of about 70 km² around .*Aleppo/);
      expect(mail.html).toContain('https://truce.example.org/incidents/i28-urum-convoy-boi');
      expect(mail.html).not.toContain('i27-sept-over-aleppo-strike');
    } finally {
      await sink.close();
    }
  });

  it('prints the report as a PDF in Chromium, and says clearly when Chromium is missing', async () => {
    const res = await get('us-analyst', '/daily-report/pdf?date=2016-09-19&lang=ar&area=SY02');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    writeFileSync(`/tmp/truce-daily-report-${db().kind}.pdf`, pdf);
    // An area drawn: printed too, its file named so.
    const ring = encodeRing([
      [36.88, 36.12],
      [36.98, 36.12],
      [36.98, 36.19],
      [36.88, 36.19],
    ]);
    const drawn = await get(
      'us-analyst',
      `/daily-report/pdf?date=2016-09-19&lang=en&polygon=${encodeURIComponent(ring)}`,
    );
    expect(drawn.statusCode, drawn.body.slice(0, 300)).toBe(200);
    expect(drawn.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(drawn.headers['content-disposition']).toContain('truce-daily-report-2016-09-19-drawn-cleared-en.pdf');
    writeFileSync(`/tmp/truce-daily-report-drawn-${db().kind}.pdf`, drawn.rawPayload);

    server.ctx.pdf = chromiumPdf({ executablePath: '/nonexistent/chromium' });
    const missing = await get('us-analyst', '/daily-report/pdf?date=2016-09-19');
    expect(missing.statusCode).toBe(503);
    expect(missing.json<{ code: string; message: string }>()).toMatchObject({ code: 'UNAVAILABLE' });
    expect(missing.json<{ message: string }>().message).toContain('Chromium is not installed at /nonexistent/chromium');
  });
});
