/**
 * GET /negotiation-rooms/{id}/export.pdf: the room's draft as a PDF for the member who asks (anyone
 * else: 404), in the requester's language (Arabic: right to left, Arabic labels, dates and digits),
 * each page marked with the recipient's name, organization and the time it was made, so that a copy
 * that leaves the room says whose it was. The export is audited (who, which revision, the language).
 */
import type { Language } from '../../contract/email.ts';
import * as accounts from '../../store/account.repository.ts';
import * as settings from '../../store/settings.repository.ts';
import type { Caller } from '../caller.ts';
import { requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { PdfUnavailable } from '../daily-report/pdf-printer.ts';
import { intlTimeZone } from '../email/email-layout.ts';
import { writeWorld } from '../shared/write-world.ts';
import { sayDraft } from './draft-words.ts';
import { getRoom, type RoomDetail } from './get-room.ts';
import { auditRoom } from './room-access.ts';

const escape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const LOCALES: Record<Language, string> = { en: 'en-GB', ar: 'ar-SY' };
const FONT = "'Noto Sans Arabic', 'Noto Sans', 'DejaVu Sans', sans-serif";

export interface DraftOptions {
  lang: Language;
  /** The recipient as the mark names them: their username and their organization's name. */
  recipient: string;
  at: number;
  /** The world's timezone (an IANA name Intl knows): the time of the mark is given in it. */
  timeZone: string;
}

/** The draft as one HTML document; the mark is its table's head and foot, so Chromium prints it on every page. */
export function draftHtml(d: RoomDetail, o: DraftOptions): string {
  const { lang } = o;
  const ar = lang === 'ar';
  const say = (key: Parameters<typeof sayDraft>[1], values?: Record<string, string | number>) =>
    sayDraft(lang, key, values);
  const num = (n: number) => new Intl.NumberFormat(LOCALES[lang], { useGrouping: false }).format(n);
  const when = new Intl.DateTimeFormat(LOCALES[lang], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: o.timeZone,
    timeZoneName: 'short',
  }).format(o.at);
  const mark = say('mark', { recipient: o.recipient, when });
  const agreement = (ar && d.agreement.titleAr) || d.agreement.title;
  const clauses = d.clauses
    .map(({ clause, status }) => {
      const v = clause.current;
      const meta = [
        say('version', { version: num(v.version) }),
        ...(v.code ? [say('obligation', { code: v.code })] : []),
      ].join(say('separator'));
      return `<section>
  <h2 dir="auto">${escape(v.number)}. ${escape(v.title)}</h2>
  <p class="meta">${escape(meta)}${ar ? '؛' : ';'} ${escape(say(`status.${status}`))}</p>
  <p dir="auto">${escape(v.text).replaceAll('\n', '<br>')}</p>
</section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="${lang}" dir="${ar ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${escape(d.room.title)}</title>
<style>
  @page { size: A4; }
  body { font-family: ${FONT}; font-size: 11pt; color: #111; text-align: ${ar ? 'right' : 'left'}; }
  /* The mark in a table's head and foot: Chromium repeats them on every page, and the text flows between. */
  table.page { width: 100%; border-collapse: collapse; }
  table.page > thead td, table.page > tfoot td { font-size: 8pt; color: #8a1c1c; text-align: center; padding: 0 0 4mm; }
  table.page > tfoot td { padding: 4mm 0 0; }
  .watermark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 28pt; color: rgba(138, 28, 28, 0.12); transform: rotate(-30deg); }
  h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-bottom: 2mm; } .meta { color: #555; font-size: 9pt; margin-top: 0; }
  section { break-inside: avoid; }
</style></head><body>
<div class="watermark" dir="auto">${escape(o.recipient)}</div>
<table class="page">
<thead><tr><td class="mark top">${escape(mark)}</td></tr></thead>
<tfoot><tr><td class="mark bottom">${escape(mark)}</td></tr></tfoot>
<tbody><tr><td>
<h1 dir="auto">${escape(d.room.title)}</h1>
<p class="meta">${escape(say('draftOf', { agreement, revision: num(d.room.revision) }))}</p>
${clauses || `<p>${escape(say('noClauses'))}</p>`}
</td></tr></tbody>
</table>
</body></html>`;
}

export async function exportDraft(
  ctx: AppContext,
  caller: Caller | null,
  roomId: string,
  lang: Language = 'en',
): Promise<{ pdf: Buffer; filename: string }> {
  const by = requireCaller(caller);
  const detail = await getRoom(ctx, by, roomId);
  if (!ctx.pdf) throw unavailable('this server prints no PDF (it was started without a PDF printer)');
  const at = ctx.now();
  // The caller's organization, named in the reader's language (a member's name is no secret to itself).
  const { org, timeZone } = await ctx.db.transaction(async (tx) => ({
    org: await accounts.getOrg(tx, by.orgId),
    timeZone: intlTimeZone((await settings.get(tx)).timezone),
  }));
  const orgName = (lang === 'ar' && org?.name_ar) || org?.name || by.orgId;
  const recipient = `${by.username} (${orgName})`;
  let pdf: Buffer;
  try {
    pdf = await ctx.pdf.print(draftHtml(detail, { lang, recipient, at, timeZone }));
  } catch (e) {
    if (e instanceof PdfUnavailable) throw unavailable(e.message);
    throw e;
  }
  await writeWorld(ctx, by, async () => ({
    value: null,
    audit: [
      auditRoom('export', detail.room, {
        format: 'pdf',
        recipient: `${by.username} (${by.orgId})`,
        revision: detail.room.revision,
        lang,
      }),
    ],
  }));
  return { pdf, filename: `truce-negotiation-${detail.room.id}-r${detail.room.revision}-${lang}.pdf` };
}

const unavailable = (why: string) => new AppError('UNAVAILABLE', `the PDF cannot be made: ${why}`);
