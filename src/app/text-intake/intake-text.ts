/**
 * POST /intake: a text pasted, or a file uploaded (plain text, HTML, an email, a PDF's text layer), kept as it came
 * with its SHA-256 under the classification chosen, and the reports drafted from it, one per event
 * (ingest/text/draft-reports.ts). A text the caller may already see (the same hash) is not stored
 * again: its drafts are given back as they stand (`known`). One transaction, audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Classification } from '../../contract/access.ts';
import { draftReports } from '../../ingest/text/draft-reports.ts';
import { mediaTypeOf, type PlainText, plainText, type TextMediaType } from '../../ingest/text/plain-text.ts';
import { readWithin } from '../../store/reader-within.ts';
import * as sources from '../../store/source-text.repository.ts';
import { audit } from '../shared/audit.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, invalid } from '../errors.ts';
import { PdfTextUnavailable, PdfUnreadable } from './pdf-text.ts';
import { intakeRules } from './intake-rules.ts';

export interface IntakeInput {
  text: string | null;
  file: { filename: string; mediaType: string; contentBase64: string } | null;
  /** YYYY-MM-DD: the day the text was written; by default an email's Date, else today. */
  textDate: string | null;
  classification: Classification;
  /** Or an email as the mail server posted it (POST /intake/mail): the message's bytes. */
  mail?: Buffer;
}

export interface IntakeResult {
  source: sources.SourceTextRecord;
  drafts: sources.TextDraftRecord[];
  /** Ingested before: nothing new was stored or drafted. */
  known: boolean;
}

export const INTAKE_MAX_CHARS = 500_000;

export async function intakeText(ctx: AppContext, caller: Caller | null, input: IntakeInput): Promise<IntakeResult> {
  const c = requirePermission(caller, 'report:file');
  const { bytes, filename, mediaType } = original(input);
  const read = await readText(ctx, bytes, mediaType);
  const where = input.mail ? 'body' : input.file ? 'file.content_base64' : 'text';
  if (read.text.trim() === '')
    throw invalid(where, mediaType === 'application/pdf' ? 'holds no text layer (a scan?)' : 'holds no text');
  if (read.text.length > INTAKE_MAX_CHARS) throw invalid(where, `is longer than ${INTAKE_MAX_CHARS} characters`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const at = ctx.now();
  const textDate = input.textDate ?? read.date ?? new Date(at).toISOString().slice(0, 10);

  const result = await ctx.db.transaction(async (tx): Promise<IntakeResult> => {
    const seen = await readWithin(tx, readerOf(c), async (sql) => {
      const s = await sources.getByHash(sql, sha256);
      return s ? { source: s, drafts: await sources.listDrafts(sql, s.id) } : null;
    });
    if (seen) return { ...seen, known: true };
    const found = draftReports(await intakeRules(tx), read.text, textDate);
    const source: sources.SourceTextRecord = {
      id: `txt-${randomUUID()}`,
      sha256,
      ownerOrg: c.orgId,
      classification: input.classification,
      filename,
      mediaType,
      content: read.text,
      language: found.language,
      textDate,
      receivedAt: at,
      createdBy: c.username,
      channel: input.mail ? 'mail' : input.file ? 'file' : 'paste',
      sender: read.sender,
      subject: read.subject,
    };
    const drafts = found.drafts.map((d, position): sources.TextDraftRecord => ({
      id: `drf-${randomUUID()}`,
      sourceTextId: source.id,
      position,
      draft: d as unknown as Record<string, unknown>,
      state: 'proposed',
      reportId: null,
      decidedAt: null,
      decidedBy: null,
      changed: null,
    }));
    await sources.insert(tx, source, drafts);
    await audit(tx, c, at, [
      {
        action: 'create',
        entity: 'source_text',
        entityId: source.id,
        classification: source.classification,
        ownerOrg: source.ownerOrg,
        after: {
          sha256,
          filename,
          media_type: mediaType,
          channel: source.channel,
          language: found.language,
          text_date: textDate,
          drafts: drafts.length,
        },
      },
    ]);
    return { source, drafts, known: false };
  });
  if (!result.known)
    ctx.events.publish({ type: 'source_text.changed', entity: 'source_text', id: result.source.id, at });
  return result;
}

async function readText(
  ctx: AppContext,
  bytes: Buffer,
  mediaType: TextMediaType | 'application/pdf',
): Promise<PlainText> {
  if (mediaType !== 'application/pdf') return plainText(bytes.toString('utf8'), mediaType);
  if (!ctx.pdfText) throw new AppError('UNAVAILABLE', 'this server reads no PDF (pdftotext is not set up)', 'file');
  try {
    const text = (await ctx.pdfText.read(bytes)).replace(/\f/g, '\n\n').replaceAll('\u0000', '');
    return { text, date: null, sender: null, subject: null };
  } catch (e) {
    if (e instanceof PdfTextUnavailable)
      throw new AppError('UNAVAILABLE', `this server reads no PDF: ${e.message}`, 'file');
    if (e instanceof PdfUnreadable) throw invalid('file.content_base64', `is not a PDF that can be read: ${e.message}`);
    throw e;
  }
}

function original(input: IntakeInput) {
  if (input.mail) return { bytes: input.mail, filename: null, mediaType: 'message/rfc822' as const };
  if (input.file) {
    const mediaType = mediaTypeOf(input.file.filename, input.file.mediaType);
    if (!mediaType) throw invalid('file.media_type', 'must be plain text, HTML, an email (.eml) or a PDF');
    const bytes = Buffer.from(input.file.contentBase64, 'base64');
    if (bytes.length === 0) throw invalid('file.content_base64', 'must be non-empty standard base64');
    return { bytes, filename: input.file.filename, mediaType };
  }
  if (input.text === null) throw invalid('text', 'give the text, or a file');
  return { bytes: Buffer.from(input.text, 'utf8'), filename: null, mediaType: 'text/plain' as const };
}

export type { DraftReport } from '../../ingest/text/draft-reports.ts';
export type { SourceTextRecord, TextDraftRecord } from '../../store/source-text.repository.ts';
