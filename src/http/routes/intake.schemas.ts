/** Text intake's schemas: a text or file in, the source kept and its drafts out (docs/text-intake.md). */
import { z } from 'zod';
import { CLASSIFICATIONS } from '../../contract/access.ts';
import { DRAFT_FIELDS, SOURCE_CHANNELS, SOURCE_KINDS } from '../../contract/intake.ts';
import type { Corrections } from '../../app/text-intake/count-corrections.ts';
import type { ReportSource } from '../../app/text-intake/get-report-source.ts';
import type { SourceTextSummary } from '../../app/text-intake/list-source-texts.ts';
import type { DraftReport, IntakeInput, SourceTextRecord, TextDraftRecord } from '../../app/text-intake/intake-text.ts';
import { ACTS } from '../../domain/model.ts';
import { formatInstant } from '../../domain/time.ts';
import { classified, fileNameIn, instantOut, pageQuery } from '../schemas.ts';
import { reportBody, reportJson, reportSchema } from './reports.schemas.ts';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'must be a day, YYYY-MM-DD');

export const intakeBody = z
  .object({
    text: z
      .string()
      .max(500_000, 'must be at most 500000 characters')
      .nullable()
      .default(null)
      .describe('the text, pasted'),
    file: z
      .object({
        filename: fileNameIn,
        media_type: z
          .string()
          .max(127)
          .default('')
          .describe(
            'text/plain, text/html, message/rfc822 (.eml) or application/pdf (its text layer); else told by the file name',
          ),
        content_base64: z
          .string()
          .min(1, 'must not be empty')
          .regex(BASE64, 'must be standard base64 (A-Z a-z 0-9 + /, padded with =)'),
      })
      .nullable()
      .default(null)
      .describe('or a file: plain text, HTML, an email or a PDF with a text layer'),
    text_date: day
      .nullable()
      .default(null)
      .describe("the day the text was written, for its relative dates; by default an email's Date, else today"),
    classification: z
      .enum(CLASSIFICATIONS)
      .default('org')
      .describe('who may see the text, its drafts and the reports confirmed'),
  })
  .superRefine((b, zctx) => {
    if (b.text === null && b.file === null)
      zctx.addIssue({ code: 'custom', path: ['text'], message: 'give the text, or a file' });
    if (b.text !== null && b.file !== null)
      zctx.addIssue({ code: 'custom', path: ['file'], message: 'give the text or a file, not both' });
  });

export const toIntakeInput = (b: z.infer<typeof intakeBody>): IntakeInput => ({
  text: b.text,
  file: b.file
    ? { filename: b.file.filename, mediaType: b.file.media_type, contentBase64: b.file.content_base64 }
    : null,
  textDate: b.text_date,
  classification: b.classification,
});

/** The report a confirmed draft becomes: a report's fields, its classification the text's. */
export const confirmBody = reportBody.omit({ classification: true, channel: true });

const spanOut = z
  .object({ start: z.number().int(), end: z.number().int(), text: z.string() })
  .describe('where in the text');
const figureOut = z.object({
  low: z.number().nullable(),
  best: z.number().nullable(),
  high: z.number().nullable(),
  span: spanOut,
});

export const draftFieldsOut = z.object({
  span: spanOut.describe('the sentences of the event'),
  date: z
    .object({
      day: z.string(),
      relative: z.boolean(),
      night: z.boolean(),
      span: spanOut,
      from: z.enum(['event', 'paragraph', 'text']).describe('said of the event, or carried from its paragraph'),
    })
    .nullable(),
  place: z
    .object({
      name: z.string(),
      name_ar: z.string().nullable(),
      lon: z.number(),
      lat: z.number(),
      kind: z.enum(['governorate', 'district', 'subdistrict', 'town']),
      precision: z.enum(['exact', 'town', 'district', 'governorate']),
      precision_m: z.number(),
      admin1: z.string().nullable().describe('the governorate'),
      admin1_ar: z.string().nullable(),
      admin2: z.string().nullable(),
      alternatives: z.array(z.string()).describe('other places of the same name, as "name (governorate)"'),
      span: spanOut,
      from: z.enum(['event', 'paragraph']),
    })
    .nullable(),
  actors: z.array(z.object({ id: z.string(), name: z.string(), acted: z.boolean(), span: spanOut })),
  act: z.object({ act: z.enum(ACTS), span: spanOut.nullable() }),
  killed: figureOut.nullable(),
  injured: figureOut.nullable(),
});

export const draftOut = z.object({
  id: z.string(),
  position: z.number().int(),
  state: z.enum(['proposed', 'confirmed', 'dropped']),
  report_id: z.string().nullable().describe('the report it became'),
  decided_at: instantOut.nullable(),
  decided_by: z.string().nullable(),
  changed: z
    .array(z.enum(DRAFT_FIELDS))
    .nullable()
    .describe('once confirmed, the fields the person changed from what was proposed (empty: accepted unchanged)'),
  fields: draftFieldsOut,
});

const received = {
  channel: z
    .enum(SOURCE_CHANNELS)
    .describe('how the text came: pasted, a file uploaded, or an email the mail server posted'),
  sender: z.string().nullable().describe("an email's From"),
  subject: z.string().nullable().describe("an email's Subject"),
};

export const sourceTextOut = z.object({
  id: z.string(),
  sha256: z.string(),
  ...classified,
  filename: z.string().nullable(),
  media_type: z.string(),
  language: z.enum(['en', 'ar']),
  text_date: z.string(),
  received_at: instantOut,
  created_by: z.string().nullable(),
  ...received,
  content: z.string().describe('the text the drafts point into'),
});

export const intakeOut = z.object({
  source: sourceTextOut,
  drafts: z.array(draftOut),
  known: z.boolean().describe('the text was ingested before (the same SHA-256): nothing new was drafted'),
});

/** A text and its drafts; `known`: taken in before, nothing new drafted. */
export const intakeJson = (r: {
  source: SourceTextRecord;
  drafts: TextDraftRecord[];
  known: boolean;
}): z.infer<typeof intakeOut> => ({
  source: sourceTextJson(r.source),
  drafts: r.drafts.map(draftJson),
  known: r.known,
});

export const decidedOut = z.object({ draft: draftOut, report: reportSchema.nullable() });

export function draftJson(d: TextDraftRecord): z.infer<typeof draftOut> {
  const f = d.draft as unknown as DraftReport;
  return {
    id: d.id,
    position: d.position,
    state: d.state,
    report_id: d.reportId,
    decided_at: d.decidedAt === null ? null : formatInstant(d.decidedAt),
    decided_by: d.decidedBy,
    changed: d.changed as z.infer<typeof draftOut>['changed'],
    fields: {
      span: f.span,
      date: f.date,
      place: f.place && {
        name: f.place.name,
        name_ar: f.place.nameAr,
        lon: f.place.lon,
        lat: f.place.lat,
        kind: f.place.kind,
        precision: f.place.precision,
        precision_m: f.place.precisionM,
        admin1: f.place.admin1,
        admin1_ar: f.place.admin1Ar,
        admin2: f.place.admin2,
        alternatives: f.place.alternatives,
        span: f.place.span,
        from: f.place.from,
      },
      actors: f.actors.map((a) => ({ id: a.id, name: a.name, acted: a.acted, span: a.span })),
      act: f.act,
      killed: f.killed,
      injured: f.injured,
    },
  };
}

export const sourceTextJson = (s: SourceTextRecord): z.infer<typeof sourceTextOut> => ({
  id: s.id,
  sha256: s.sha256,
  classification: s.classification,
  owner_org: s.ownerOrg,
  filename: s.filename,
  media_type: s.mediaType,
  language: s.language,
  text_date: s.textDate,
  received_at: formatInstant(s.receivedAt),
  created_by: s.createdBy,
  channel: s.channel,
  sender: s.sender,
  subject: s.subject,
  content: s.content,
});

export const sourceListQuery = pageQuery.extend({
  waiting: z.enum(['true', 'false']).default('false').describe('true: only the texts with a draft still to decide'),
});

export const sourceSummaryOut = z.object({
  id: z.string(),
  ...classified,
  filename: z.string().nullable(),
  ...received,
  opening: z.string().describe('its first line (up to 160 characters)'),
  language: z.enum(['en', 'ar']),
  text_date: z.string(),
  received_at: instantOut,
  created_by: z.string().nullable(),
  drafts: z.object({ proposed: z.number().int(), confirmed: z.number().int(), dropped: z.number().int() }),
});

export const sourceSummaryJson = (s: SourceTextSummary): z.infer<typeof sourceSummaryOut> => ({
  id: s.id,
  classification: s.classification,
  owner_org: s.ownerOrg,
  filename: s.filename,
  channel: s.channel,
  sender: s.sender,
  subject: s.subject,
  opening: s.opening,
  language: s.language,
  text_date: s.textDate,
  received_at: formatInstant(s.receivedAt),
  created_by: s.createdBy,
  drafts: s.drafts,
});

export const mailQuery = z.object({
  classification: z
    .enum(CLASSIFICATIONS)
    .default('org')
    .describe('who may see the email, its drafts and the reports confirmed'),
});

export const correctionsOut = z.object({
  confirmed: z.number().int().describe('drafts confirmed with what was changed recorded'),
  unchanged: z.number().int().describe('of those, accepted as proposed'),
  fields: z.object(
    Object.fromEntries(DRAFT_FIELDS.map((f) => [f, z.number().int()])) as Record<
      (typeof DRAFT_FIELDS)[number],
      z.ZodNumber
    >,
  ),
});

export const correctionsJson = (c: Corrections): z.infer<typeof correctionsOut> => c;

export const reportSourceOut = z.object({
  source: z
    .object({
      id: z.string(),
      title: z.string().describe("the file's name, else the text's first line"),
      kind: z.enum(SOURCE_KINDS),
      filename: z.string().nullable(),
      language: z.enum(['en', 'ar']),
      text_date: z.string(),
      received_at: instantOut,
      passage: spanOut.describe('the words the report was drafted from'),
      content: z.string().describe('the whole text'),
    })
    .nullable()
    .describe('none when the report was not confirmed from a text, or its text is hidden from you'),
});

export const reportSourceJson = (s: ReportSource | null): z.infer<typeof reportSourceOut> => ({
  source: s && {
    id: s.id,
    title: s.title,
    kind: s.kind,
    filename: s.filename,
    language: s.language,
    text_date: s.textDate,
    received_at: formatInstant(s.receivedAt),
    passage: s.passage,
    content: s.content,
  },
});

export { reportJson };
