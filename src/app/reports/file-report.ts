/**
 * Filing a report: one source's account, owned by the caller's organization, with its
 * attachments (kept with their SHA-256), optionally linked at once to an incident the caller
 * can see. One transaction: the report, its attachments, the link and the audit entries land
 * together or not at all.
 */
import type { Classification } from '../../contract/access.ts';
import { createHash } from 'node:crypto';
import type { Act, Target } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import * as incidents from '../../store/incident.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import * as reports from '../../store/report.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { newId } from '../accounts/secrets.ts';
import { auditEntries, type Change } from '../shared/audit.ts';
import { can, type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { foreignKeyError } from '../shared/foreign-keys.ts';
import { reportSnapshot } from './report-snapshot.ts';

export interface AttachmentInput {
  filename: string;
  mediaType: string;
  contentBase64: string;
}

export interface ReportInput {
  /** `hotline`: taken down by an analyst from a call. Otherwise the channel is how the caller connects. */
  channel?: 'web' | 'api' | 'hotline' | undefined;
  claimedAt: Instant;
  timePrecisionS: number;
  location: { lon: number; lat: number };
  locationPrecisionM: number;
  narrative: string;
  /** The person or outlet the account comes from. */
  source: string | null;
  allegedPerpetrator: string | null;
  target: Target;
  act: Act;
  casualties: reports.Casualties | null;
  classification: Classification;
  attachments: AttachmentInput[];
  incidentId: string | null;
}

/** How the caller reached us: a browser session or an API token. */
export type Transport = 'session' | 'token';

/**
 * What another use case writes in the report's own transaction (text intake's confirmation: the
 * draft locked and checked first, then marked as the report), so that the report, its audit
 * entries and that write commit together or not at all.
 */
export interface FiledWithin {
  /** Runs first (a lock, a check that may refuse); its changes are audited with the report's. */
  before(tx: Sql, report: reports.ReportRecord): Promise<Change[]>;
  /** Runs once the report is written. */
  after(tx: Sql, report: reports.ReportRecord): Promise<void>;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export async function fileReport(
  ctx: AppContext,
  caller: Caller | null,
  input: ReportInput,
  transport: Transport,
  within?: FiledWithin,
): Promise<reports.ReportRecord> {
  const c = requirePermission(caller, 'report:file');
  const channel = channelOf(c, input.channel, transport);
  checkCasualties(input.casualties);
  const attachments = input.attachments.map((a, i) => decodeAttachment(a, i));
  const report: reports.ReportRecord = {
    id: newId(),
    incidentId: input.incidentId,
    orgId: c.orgId,
    channel,
    receivedAt: ctx.now(),
    narrative: input.narrative,
    claimedAt: input.claimedAt,
    timePrecisionS: input.timePrecisionS,
    location: input.location,
    locationPrecisionM: input.locationPrecisionM,
    allegedPerpetrator: input.allegedPerpetrator,
    target: input.target,
    act: input.act,
    casualties: input.casualties,
    classification: input.classification,
    ownerOrg: c.orgId,
    attachments: attachments.map(({ content: _content, ...meta }) => meta),
    source: input.source,
    evaluation: null,
    triage: null,
  };
  const created: Change = {
    action: 'create',
    entity: 'report',
    entityId: report.id,
    classification: report.classification,
    ownerOrg: report.ownerOrg,
    after: reportSnapshot(report),
  };
  // One statement: the report, its attachments and its audit entries, atomic by themselves.
  const write = async (insert: (item: reports.NewReport) => Promise<void>, changes: Change[]) => {
    try {
      await insert({
        report,
        createdBy: c.userId,
        attachments,
        auditTrail: auditEntries(c, report.receivedAt, changes),
      });
    } catch (e) {
      throw foreignKeyError(e, {
        reports_alleged_perpetrator_fkey: { path: 'alleged_perpetrator', what: 'actor', id: report.allegedPerpetrator },
        reports_target_actor_fkey: {
          path: 'target.actor',
          what: 'actor',
          id: report.target !== null && 'actor' in report.target ? report.target.actor : null,
        },
      });
    }
  };
  let linked = false;
  if (report.incidentId === null && within === undefined) {
    // Nothing to read first: no transaction needed, and one statement with the reports filed
    // at the same moment (group commit).
    await write((item) => reports.insertCoalesced(ctx.db, item), [created]);
  } else {
    const id = report.incidentId;
    linked = await ctx.db.transaction(async (tx) => {
      const before = within ? await within.before(tx, report) : [];
      const link: Change[] = [];
      if (id !== null) {
        const incident = await readWithin(tx, readerOf(c), async (sql) =>
          (await incidents.lock(sql, id)) ? (await incidents.getMany(sql, [id]))[0] : undefined,
        );
        if (!incident) throw invalid('incident_id', `unknown incident "${id}"`);
        link.push({
          action: 'link-report',
          entity: 'incident',
          entityId: id,
          classification: incident.classification,
          ownerOrg: incident.ownerOrg,
          after: { report_id: report.id },
        });
      }
      await write((item) => reports.insertMany(tx, [item]), [created, ...link, ...before]);
      if (within) await within.after(tx, report);
      return id !== null;
    });
  }
  ctx.wrote(linked ? 'world' : 'reports');
  ctx.events.publish({ type: 'report.created', entity: 'report', id: report.id, at: report.receivedAt });
  if (linked && report.incidentId !== null) {
    ctx.events.publish({ type: 'incident.updated', entity: 'incident', id: report.incidentId, at: report.receivedAt });
  }
  return report;
}

function channelOf(caller: Caller, asked: ReportInput['channel'], transport: Transport): 'web' | 'api' | 'hotline' {
  const actual = transport === 'token' ? 'api' : 'web';
  if (asked === 'hotline') {
    if (!can(caller, 'incident:manage'))
      throw forbidden(`the ${caller.role} role cannot file hotline reports: analysts take them down`);
    return 'hotline';
  }
  if (asked !== undefined && asked !== actual) {
    throw invalid(
      'channel',
      `is "${actual}" for a request made with ${transport === 'token' ? 'an API token' : 'a session'}; only "hotline" may be chosen`,
    );
  }
  return actual;
}

function checkCasualties(c: reports.Casualties | null): void {
  if (c === null) return;
  if (c.low !== null && c.best !== null && c.low > c.best)
    throw invalid('casualties.low', 'must not be more than best');
  if (c.best !== null && c.high !== null && c.best > c.high)
    throw invalid('casualties.high', 'must not be less than best');
  if (c.low !== null && c.high !== null && c.low > c.high)
    throw invalid('casualties.low', 'must not be more than high');
}

function decodeAttachment(a: AttachmentInput, index: number): reports.NewAttachment {
  const path = `attachments[${index}]`;
  if (a.contentBase64.length === 0 || !BASE64.test(a.contentBase64))
    throw invalid(`${path}.content_base64`, 'must be non-empty standard base64');
  const content = Buffer.from(a.contentBase64, 'base64');
  return {
    id: newId(),
    filename: a.filename,
    mediaType: a.mediaType.toLowerCase(),
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}
