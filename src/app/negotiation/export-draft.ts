/**
 * GET /negotiation-rooms/{id}/export.pdf: the room's draft as a PDF for the member who asks (anyone
 * else: 404), each page marked with the recipient's name, organization and the time it was made, so
 * that a copy that leaves the room says whose it was. The export is audited (who, which revision).
 */
import type { Caller } from '../caller.ts';
import { requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { PdfUnavailable } from '../daily-report/pdf-printer.ts';
import { writeWorld } from '../shared/write-world.ts';
import { getRoom, type RoomDetail } from './get-room.ts';
import { auditRoom } from './room-access.ts';

const escape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const STATUS = { agreed: 'agreed', open: 'open', sticking_point: 'sticking point' } as const;

/** The draft as one HTML document; the mark is fixed, so Chromium prints it on every page. */
export function draftHtml(d: RoomDetail, recipient: string, at: number): string {
  const mark = `Negotiation room: restricted. Copy for ${recipient}, ${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const clauses = d.clauses
    .map(
      ({ clause, status }) => `<section>
  <h2>${escape(clause.current.number)}. ${escape(clause.current.title)}</h2>
  <p class="meta">Version ${clause.current.version}${clause.current.code ? `, obligation ${clause.current.code}` : ''}; ${STATUS[status]}</p>
  <p>${escape(clause.current.text).replaceAll('\n', '<br>')}</p>
</section>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(d.room.title)}</title>
<style>
  @page { size: A4; margin: 22mm 18mm; }
  body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; color: #111; }
  .mark { position: fixed; left: 0; right: 0; font-size: 8pt; color: #8a1c1c; text-align: center; }
  .mark.top { top: -14mm; } .mark.bottom { bottom: -14mm; }
  .watermark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 28pt; color: rgba(138, 28, 28, 0.12); transform: rotate(-30deg); }
  h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-bottom: 2mm; } .meta { color: #555; font-size: 9pt; margin-top: 0; }
  section { break-inside: avoid; }
</style></head><body>
<div class="mark top">${escape(mark)}</div>
<div class="mark bottom">${escape(mark)}</div>
<div class="watermark">${escape(recipient)}</div>
<h1>${escape(d.room.title)}</h1>
<p class="meta">Draft of ${escape(d.agreement.title)}, revision ${d.room.revision}</p>
${clauses}
</body></html>`;
}

export async function exportDraft(
  ctx: AppContext,
  caller: Caller | null,
  roomId: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const by = requireCaller(caller);
  const detail = await getRoom(ctx, by, roomId);
  if (!ctx.pdf) throw unavailable('this server prints no PDF (it was started without a PDF printer)');
  const at = ctx.now();
  const recipient = `${by.username} (${by.orgId})`;
  let pdf: Buffer;
  try {
    pdf = await ctx.pdf.print(draftHtml(detail, recipient, at));
  } catch (e) {
    if (e instanceof PdfUnavailable) throw unavailable(e.message);
    throw e;
  }
  await writeWorld(ctx, by, async () => ({
    value: null,
    audit: [auditRoom('export', detail.room, { format: 'pdf', recipient, revision: detail.room.revision })],
  }));
  return { pdf, filename: `truce-negotiation-${detail.room.id}-r${detail.room.revision}.pdf` };
}

const unavailable = (why: string) => new AppError('UNAVAILABLE', `the PDF cannot be made: ${why}`);
