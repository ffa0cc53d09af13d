/** How reports look in responses (shared by the report and incident routes). */
import { z } from 'zod';
import { ACTS, CIVILIAN_TARGETS } from '../../domain/model.ts';
import { formatInstant } from '../../domain/time.ts';
import type { ReportRecord } from '../../app/reports/get-report.ts';
import { classified, instantOut, whereJson, whereOut } from './world-schemas.ts';

export const targetOut = z.union([
  z.object({ civilian: z.enum(CIVILIAN_TARGETS) }),
  z.object({ actor: z.string() }),
  z.null(),
]);
const attachmentOut = z
  .object({
    id: z.string(),
    filename: z.string(),
    media_type: z.string(),
    size_bytes: z.number().int(),
    sha256: z.string(),
    url: z.string(),
  })
  .meta({ id: 'Attachment' });

export const reportSchema = z
  .object({
    id: z.string(),
    incident_id: z.string().nullable().describe('the incident it is an account of, when you may see that incident'),
    org: z.string(),
    channel: z.enum(['web', 'api', 'hotline', 'import']),
    received_at: instantOut,
    claimed_at: instantOut,
    time_precision_s: z.number().int(),
    location: z.object({ lon: z.number(), lat: z.number() }),
    location_precision_m: z.number().int(),
    where: whereOut,
    narrative: z.string(),
    alleged_perpetrator: z.string().nullable(),
    target: targetOut,
    act: z.enum(ACTS),
    casualties: z
      .object({
        low: z.number().int().nullable(),
        best: z.number().int().nullable(),
        high: z.number().int().nullable(),
      })
      .nullable(),
    ...classified,
    attachments: z.array(attachmentOut),
  })
  .meta({ id: 'Report' });

const attachmentUrl = (reportId: string, attachmentId: string) =>
  `/api/v1/reports/${encodeURIComponent(reportId)}/attachments/${encodeURIComponent(attachmentId)}`;

export const reportJson = (r: ReportRecord): z.infer<typeof reportSchema> => ({
  id: r.id,
  incident_id: r.incidentId,
  org: r.orgId,
  channel: r.channel,
  received_at: formatInstant(r.receivedAt),
  claimed_at: formatInstant(r.claimedAt),
  time_precision_s: r.timePrecisionS,
  location: r.location,
  location_precision_m: r.locationPrecisionM,
  where: whereJson(r.location),
  narrative: r.narrative,
  alleged_perpetrator: r.allegedPerpetrator,
  target: r.target,
  act: r.act,
  casualties: r.casualties,
  classification: r.classification,
  owner_org: r.ownerOrg,
  attachments: r.attachments.map((a) => ({
    id: a.id,
    filename: a.filename,
    media_type: a.mediaType,
    size_bytes: a.sizeBytes,
    sha256: a.sha256,
    url: attachmentUrl(r.id, a.id),
  })),
});
