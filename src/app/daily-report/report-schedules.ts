/**
 * GET and PUT /daily-report/schedule: an organization's schedule of the daily report by email
 * (migration 029), read and set by its admins: the local time of day it is sent, its language, its
 * edition, its area and its recipients, users of the organization. A recipient receives it only
 * while they also ask for it on their account page (email kind `report.daily`, with an address):
 * nobody gets email they did not ask for. A change is audited on the organization.
 */
import { type Language, LANGUAGES } from '../../contract/email.ts';
import * as schedules from '../../store/report-schedule.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { adminAreas } from '../map/admin-areas.ts';
import { audit } from '../shared/audit.ts';
import { decodeRing, drawnAreaProblems, MAX_DRAWN_TEXT, polygonOfRing } from '../../domain/drawn-area.ts';
import { AppError } from '../errors.ts';
import { EDITIONS, type Edition } from './get-daily-report.ts';

export interface ReportScheduleInput {
  enabled: boolean;
  sendAt: string;
  language: Language;
  edition: Edition;
  area: string | null;
  /** An area drawn: its ring encoded as in the report's address (domain/drawn-area.ts), or null. */
  polygon: string | null;
  recipients: string[];
}

export interface ReportSchedule extends ReportScheduleInput {
  lastSentOn: string | null;
  candidates: schedules.Candidate[];
}

/** Before any is set: every morning at 07:00, in English, the public edition, every governorate, nobody. */
const DEFAULT: ReportScheduleInput = {
  enabled: false,
  sendAt: '07:00',
  language: 'en',
  edition: 'public',
  area: null,
  polygon: null,
  recipients: [],
};

export async function getReportSchedule(ctx: AppContext, caller: Caller | null): Promise<ReportSchedule> {
  const c = requirePermission(caller, 'accounts:manage');
  return ctx.db.transaction(async (tx) => {
    const stored = await schedules.get(tx, c.orgId);
    return {
      ...DEFAULT,
      ...(stored ?? {}),
      lastSentOn: stored?.lastSentOn ?? null,
      candidates: await schedules.candidates(tx, c.orgId),
    };
  });
}

export async function changeReportSchedule(
  ctx: AppContext,
  caller: Caller | null,
  input: ReportScheduleInput,
): Promise<ReportSchedule> {
  const c = requirePermission(caller, 'accounts:manage');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.sendAt)) throw invalid('send_at', 'must be a time of day HH:MM');
  if (!(LANGUAGES as readonly string[]).includes(input.language))
    throw invalid('language', `must be one of ${LANGUAGES.join(', ')}`);
  if (!(EDITIONS as readonly string[]).includes(input.edition))
    throw invalid('edition', `must be one of ${EDITIONS.join(', ')}`);
  if (input.area !== null && !adminAreas().some((a) => a.pcode === input.area))
    throw invalid('area', `no governorate "${input.area}"`);
  if (input.polygon !== null) checkPolygon(input.polygon);
  const recipients = [...new Set(input.recipients)];
  await ctx.db.transaction(async (tx) => {
    const members = new Set((await schedules.candidates(tx, c.orgId)).map((u) => u.id));
    input.recipients.forEach((id, i) => {
      if (!members.has(id)) throw invalid(`recipients[${i}]`, `no user "${id}" in your organization`);
    });
    const before = await schedules.get(tx, c.orgId);
    const after = { ...input, recipients, orgId: c.orgId };
    await schedules.upsert(tx, after, c.userId);
    await audit(tx, c, ctx.now(), [
      {
        action: 'change-report-schedule',
        entity: 'organization',
        entityId: c.orgId,
        ownerOrg: c.orgId,
        before: before && { ...before, lastSentOn: undefined },
        after: { ...input, recipients },
      },
    ]);
  });
  ctx.wrote('accounts');
  return getReportSchedule(ctx, c);
}

/** A schedule's drawn area, checked as the report's (get-daily-report.ts), named by its field. */
function checkPolygon(text: string): void {
  const ring = text.length <= MAX_DRAWN_TEXT ? decodeRing(text) : null;
  if (!ring) throw invalid('polygon', 'polygon: must be a ring in the encoded polyline format (precision 5)');
  const [problem] = drawnAreaProblems(polygonOfRing(ring));
  if (problem) throw new AppError('VALIDATION', `polygon: ${problem.message}`, 'polygon', problem.statement);
}
