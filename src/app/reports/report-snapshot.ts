/** A report as the audit trail keeps it: its fields, times as ISO strings, attachments by hash. */
import { formatInstant } from '../../domain/time.ts';
import type * as reports from '../../store/report.repository.ts';

export function reportSnapshot(r: reports.ReportRecord): Record<string, unknown> {
  return {
    incident_id: r.incidentId,
    org: r.orgId,
    channel: r.channel,
    received_at: formatInstant(r.receivedAt),
    narrative: r.narrative,
    source: r.source,
    claimed_at: formatInstant(r.claimedAt),
    time_precision_s: r.timePrecisionS,
    location: r.location,
    location_precision_m: r.locationPrecisionM,
    alleged_perpetrator: r.allegedPerpetrator,
    target: r.target,
    act: r.act,
    casualties: r.casualties,
    classification: r.classification,
    attachments: r.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      media_type: a.mediaType,
      size_bytes: a.sizeBytes,
      sha256: a.sha256,
    })),
  };
}
