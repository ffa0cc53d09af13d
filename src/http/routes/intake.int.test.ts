/**
 * Text intake over HTTP on both databases: a text drafted, kept with its hash and recognised when
 * it comes again; clearance (a reader who may not see the text sees neither it nor its drafts, and
 * gets its own copy stored); a confirmed draft becomes a report linked to its text; refusals name
 * the field, a role that may not file reports gets 403.
 */
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { startWorld } from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { pdftotext } from '../../adapters/pdftotext.ts';

/** A one-page PDF whose text layer holds `line` (Helvetica, ASCII), with a correct cross-reference table. */
function pdfWith(line: string): Buffer {
  const stream = `BT /F1 12 Tf 40 760 Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const ARTICLE =
  'Russian warplanes struck a market in Maarat al-Numan on Tuesday, killing at least 12 civilians and wounding 30.\n\n' +
  'Rebels shelled the government-held Hamdaniyah district of Aleppo yesterday, killing two people.';
const ARABIC = 'قصفت قوات النظام بلدة دوما بريف دمشق أمس، ما أسفر عن مقتل ما لا يقل عن ١٢ شخصا.';

describeEachDatabase('text intake', (db) => {
  const server = useTestServer(db, { start: startWorld });

  const intake = (user: string, payload: Record<string, unknown>) =>
    server.call(user, { method: 'POST', url: '/api/v1/intake', payload });

  it('drafts a report per event, each field with its words; the same text again is recognised', async () => {
    await server.fresh();
    const res = await intake('us-analyst', { text: ARTICLE, text_date: '2016-07-07', classification: 'co_chairs' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.known).toBe(false);
    expect(body.source).toMatchObject({
      sha256: createHash('sha256').update(ARTICLE).digest('hex'),
      classification: 'co_chairs',
      language: 'en',
      text_date: '2016-07-07',
      content: ARTICLE,
    });
    expect(body.drafts).toHaveLength(2);
    const [first] = body.drafts;
    expect(first).toMatchObject({
      state: 'proposed',
      report_id: null,
      fields: {
        date: { day: '2016-07-05', span: { text: 'on Tuesday' } },
        place: { name: 'Ma`arrat an Nu`man', precision: 'town', span: { text: 'Maarat al-Numan' } },
        act: { act: 'air_strike' },
        killed: { low: 12, high: null },
        injured: { best: 30 },
      },
    });
    expect(first.fields.actors[0]).toMatchObject({ id: 'ru', acted: true });
    const span = first.fields.place.span;
    expect(ARTICLE.slice(span.start, span.end)).toBe('Maarat al-Numan');

    // Again, by another user of a co-chair: the same text, not drafted twice.
    const again = await intake('ru-analyst', { text: ARTICLE, text_date: '2016-07-07', classification: 'org' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ known: true, source: { id: body.source.id } });
    expect(again.json().drafts.map((d: { id: string }) => d.id)).toEqual(body.drafts.map((d: { id: string }) => d.id));
    const counted = await db().query<{ n: number }>(`select count(*)::int as n from source_texts`);
    expect(counted[0]?.n).toBe(1);
  });

  it('a reader without clearance sees neither the text nor its drafts, and stores its own', async () => {
    await server.fresh();
    const res = await intake('us-analyst', { text: ARABIC, text_date: '2016-07-07', classification: 'org' });
    expect(res.statusCode, res.body).toBe(201);
    const { source, drafts } = res.json();
    expect(source.language).toBe('ar');
    expect(drafts[0].fields).toMatchObject({
      date: { day: '2016-07-06', span: { text: 'أمس' } },
      place: { name: 'Duma', span: { text: 'دوما' } },
      killed: { low: 12 },
    });

    for (const user of ['ru-analyst', 'ngo-reporter']) {
      expect((await server.call(user, { method: 'GET', url: `/api/v1/intake/${source.id}` })).statusCode).toBe(404);
      const confirm = await server.call(user, {
        method: 'POST',
        url: `/api/v1/intake/drafts/${drafts[0].id}/drop`,
      });
      expect(confirm.statusCode).toBe(404);
    }
    // The same words from an organization that may not see the first copy: stored anew as its own.
    const theirs = await intake('ngo-reporter', { text: ARABIC, text_date: '2016-07-07', classification: 'org' });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.json().source.id).not.toBe(source.id);
    expect(
      (await server.call('us-analyst', { method: 'GET', url: `/api/v1/intake/${source.id}` })).json().drafts,
    ).toHaveLength(drafts.length);
  });

  it('a confirmed draft becomes a report under the text’s classification, linked to its text; a dropped one does not', async () => {
    await server.fresh();
    const { source, drafts } = (
      await intake('us-analyst', { text: ARTICLE, text_date: '2016-07-07', classification: 'co_chairs' })
    ).json();
    const d = drafts[0];
    const confirm = await server.call('us-analyst', {
      method: 'POST',
      url: `/api/v1/intake/drafts/${d.id}/confirm`,
      payload: {
        claimed_at: `${d.fields.date.day}T12:00:00+03:00`,
        time_precision_s: 43_200,
        location: { lon: d.fields.place.lon, lat: d.fields.place.lat },
        location_precision_m: d.fields.place.precision_m,
        narrative: d.fields.span.text,
        alleged_perpetrator: 'ru',
        act: 'air_strike',
        casualties: { low: 12, best: null, high: null },
      },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const { draft, report } = confirm.json();
    expect(draft).toMatchObject({ state: 'confirmed', report_id: report.id, decided_by: 'us-analyst' });
    expect(report).toMatchObject({ classification: 'co_chairs', act: 'air_strike', alleged_perpetrator: 'ru' });
    // In the inbox, as any report.
    const inbox = await server.call('us-analyst', { method: 'GET', url: `/api/v1/reports/${report.id}` });
    expect(inbox.statusCode).toBe(200);
    // Decided once.
    const twice = await server.call('us-analyst', { method: 'POST', url: `/api/v1/intake/drafts/${d.id}/drop` });
    expect(twice.statusCode).toBe(409);
    const drop = await server.call('us-analyst', { method: 'POST', url: `/api/v1/intake/drafts/${drafts[1].id}/drop` });
    expect(drop.statusCode, drop.body).toBe(200);
    expect(drop.json()).toMatchObject({ draft: { state: 'dropped', report_id: null }, report: null });
    const read = (await server.call('us-analyst', { method: 'GET', url: `/api/v1/intake/${source.id}` })).json();
    expect(read.drafts.map((x: { state: string; report_id: string | null }) => [x.state, x.report_id])).toEqual([
      ['confirmed', report.id],
      ['dropped', null],
    ]);
    const audit = await db().query<{ action: string }>(
      `select action from audit_log where entity = 'source_text' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'confirm-draft', 'drop-draft']);
  });

  it('reads an uploaded email: its subject and text, its Date as the text’s date', async () => {
    await server.fresh();
    const eml = [
      'From: field@example.org',
      'Subject: Shelling in Douma',
      'Date: Thu, 7 Jul 2016 09:00:00 +0300',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Government forces shelled Douma yesterday, killing five civilians.=20',
      '',
    ].join('\r\n');
    const res = await intake('ngo-reporter', {
      file: { filename: 'report.eml', content_base64: Buffer.from(eml).toString('base64') },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().source).toMatchObject({
      text_date: '2016-07-07',
      media_type: 'message/rfc822',
      filename: 'report.eml',
    });
    expect(res.json().drafts[0].fields).toMatchObject({
      date: { day: '2016-07-06' },
      place: { name: 'Duma' },
      killed: { best: 5 },
    });
  });

  it('reads a PDF’s text layer through pdftotext; a file that is no PDF is refused, a server without the program answers 503', async () => {
    await server.fresh();
    const upload = (content: Buffer) =>
      intake('us-analyst', {
        file: { filename: 'sitrep.pdf', media_type: 'application/pdf', content_base64: content.toString('base64') },
        text_date: '2016-07-07',
      });
    server.ctx.pdfText = pdftotext();
    try {
      const res = await upload(pdfWith('Government forces shelled Douma yesterday, killing five civilians.'));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().source).toMatchObject({ media_type: 'application/pdf', filename: 'sitrep.pdf' });
      expect(res.json().drafts[0].fields).toMatchObject({
        date: { day: '2016-07-06' },
        place: { name: 'Duma' },
        killed: { best: 5 },
      });
      const bad = await upload(Buffer.from('not a pdf at all'));
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json().path).toBe('file.content_base64');
      server.ctx.pdfText = pdftotext({ executablePath: '/nonexistent/pdftotext' });
      const none = await upload(pdfWith('Shelling in Douma.'));
      expect(none.statusCode, none.body).toBe(503);
      expect(none.json().path).toBe('file');
    } finally {
      server.ctx.pdfText = null;
    }
  });

  it('refuses naming the field; a role that may not file reports gets 403', async () => {
    await server.fresh();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'text'],
      [{ text: 'a', file: { filename: 'a.txt', content_base64: 'YQ==' } }, 'file'],
      [{ text: 'x', text_date: '7 July' }, 'text_date'],
      [{ file: { filename: 'a.doc', media_type: 'application/msword', content_base64: 'YQ==' } }, 'file.media_type'],
      [{ text: '   ' }, 'text'],
      [{ text: 'x', classification: 'secret' }, 'classification'],
    ];
    for (const [payload, path] of cases) {
      const res = await intake('us-reporter', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().path).toBe(path);
    }
    expect((await intake('us-observer', { text: ARTICLE })).statusCode).toBe(403);
    expect(
      (await server.call(null, { method: 'POST', url: '/api/v1/intake', payload: { text: 'x' } })).statusCode,
    ).toBe(401);
    const confirm = await server.call('us-reporter', {
      method: 'POST',
      url: '/api/v1/intake/drafts/none/confirm',
      payload: { act: 'air_strike' },
    });
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json().path).toBe('claimed_at');
  });
});
