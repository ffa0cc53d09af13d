/**
 * GET /state: the state of the truce over one window of local days and one agreement (or every
 * agreement), as the caller may see it. Every figure covers exactly that window and that choice,
 * read in one snapshot: findings by verdict, the review queue, violations in all, per day, by
 * agreement, by governorate and by violator. The days of calm follow the stored calm setting:
 * its own period (the streak and the day reduced violence was reached), and each day of the
 * window judged by its rule over the calm agreement's own violations, with the days it was not
 * in force told apart. Calm is null when there is no setting, or its agreement is hidden.
 */
import { judgeDays, violationsPerDate } from '../../domain/calm.ts';
import type { CalmDay, CalmResult, Verdict } from '../../domain/findings.ts';
import { datesBetween, isCalendarDate, nextDate, worldDayZone } from '../../domain/time.ts';
import * as agreements from '../../store/agreement.repository.ts';
import * as findings from '../../store/finding.repository.ts';
import { asReader } from '../../store/reader.ts';
import * as settings from '../../store/settings.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { adminAreas } from '../map/admin-areas.ts';
import { countCalmOver } from '../shared/calm-count.ts';
import { tallyViolations, type ViolationTally } from './tally-violations.ts';

export interface TruceState {
  timezone: string;
  /** Local dates, both included, and the instants they span: [start, end). */
  window: { from: string; to: string; start: number; end: number };
  /** The agreement every figure covers; null: every agreement (and findings under none). */
  agreement: string | null;
  dates: string[];
  verdicts: Record<Verdict, number>;
  violations: ViolationTally;
  calm:
    | (CalmResult & {
        thresholdPerDay: number;
        daysRequired: number;
        from: string;
        to: string;
        /** Each date of the window under the calm rule, over the calm agreement's violations. */
        window: Omit<CalmDay, 'streak'>[];
      })
    | null;
}

const DAY = 86_400_000;
const MAX_DAYS = 366;

export interface StateQuery {
  from?: string | undefined;
  to?: string | undefined;
  agreement?: string | undefined;
}

/** `from`/`to` are local dates (YYYY-MM-DD), both included; by default the 30 days to today. */
export async function getTruceState(ctx: AppContext, caller: Caller | null, query: StateQuery): Promise<TruceState> {
  const reader = readerOf(requireCaller(caller));
  return asReader(ctx.db, reader, async (sql) => {
    const stored = await settings.get(sql);
    const zone = worldDayZone(stored.timezone);
    const to = query.to ?? zone.localDate(ctx.now());
    const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY).toISOString().slice(0, 10);
    if (!isCalendarDate(from)) throw invalid('querystring.from', 'querystring.from: must be a date YYYY-MM-DD');
    if (!isCalendarDate(to)) throw invalid('querystring.to', 'querystring.to: must be a date YYYY-MM-DD');
    if (from > to) throw invalid('querystring.from', 'querystring.from: must not be after to');
    const dates = datesBetween(from, to);
    if (dates.length > MAX_DAYS)
      throw invalid('querystring.from', `querystring.from: the window is at most ${MAX_DAYS} days`);
    const agreement = query.agreement ?? null;
    // A hidden agreement is as unknown as one that does not exist.
    if (agreement !== null && !(await agreements.get(sql, agreement))) {
      throw invalid('querystring.agreement', `querystring.agreement: unknown agreement "${agreement}"`);
    }

    const window = { from: zone.startOf(from), to: zone.startOf(nextDate(to)), agreement };
    const verdicts = await findings.countByVerdict(sql, window);
    const violations = tallyViolations(await findings.placedViolations(sql, window), zone, dates, adminAreas());

    let calm: TruceState['calm'] = null;
    // Calm settings are per agreement, each seen only with its agreement: the one asked for, else the default one
    // (the page then says which agreement its days of calm are counted for).
    const calmSettings = await settings.listCalm(sql);
    const setting =
      calmSettings.find((c) => agreement !== null && c.agreement === agreement) ??
      calmSettings.find((c) => c.isDefault);
    const calmAgreement = setting && (await agreements.get(sql, setting.agreement));
    if (setting && calmAgreement) {
      const inWindow =
        agreement === setting.agreement
          ? new Map(dates.map((d, i) => [d, violations.days[i]!]))
          : violationsPerDate(
              setting.agreement,
              zone,
              (await findings.violationsDuring(sql, window.from, window.to, setting.agreement)).map((v) => ({
                ...v,
                verdict: 'violation',
              })),
            );
      const days = judgeDays(
        { thresholdPerDay: setting.thresholdPerDay, inForce: calmAgreement.inForce },
        zone,
        dates,
        inWindow,
      );
      // A setting without a period of its own (one set in the web app) counts over the window asked for.
      const own = settings.calmSpec(setting);
      const counted: CalmResult = own
        ? await countCalmOver(sql, zone, own, calmAgreement.inForce)
        : {
            agreement: setting.agreement,
            days,
            reducedViolenceOn: days.find((d) => d.streak >= setting.daysRequired)?.date ?? null,
          };
      const spec = own ?? { from, to };
      calm = {
        ...counted,
        thresholdPerDay: setting.thresholdPerDay,
        daysRequired: setting.daysRequired,
        from: spec.from,
        to: spec.to,
        window: days.map(({ date, violations: n, inForce, calm: isCalm }) => ({
          date,
          violations: n,
          inForce,
          calm: isCalm,
        })),
      };
    }
    return {
      timezone: zone.name,
      window: { from, to, start: window.from, end: window.to },
      agreement,
      dates,
      verdicts,
      violations,
      calm,
    };
  });
}
