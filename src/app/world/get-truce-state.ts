/**
 * GET /state: the state of the truce as the caller may see it: findings by verdict, the review
 * queue, violations per day by agreement over a window of local days, and the count of calm
 * days for the stored calm setting (null when there is none, or its agreement is hidden).
 */
import { countCalm } from '../../domain/calm.ts';
import type { CalmResult, Verdict } from '../../domain/findings.ts';
import { compareIds } from '../../domain/rulebook.ts';
import { datesBetween, dayZone } from '../../domain/time.ts';
import { getAgreement } from '../../store/agreement.repository.ts';
import { countFindingsByVerdict, violationsDuring } from '../../store/finding.repository.ts';
import { asReader } from '../../store/reader.ts';
import { getSettings } from '../../store/settings.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';

export interface TruceState {
  timezone: string;
  verdicts: Record<Verdict, number>;
  needsReview: number;
  window: { from: string; to: string };
  /** Per agreement (null: no agreement applied), one count per day of the window. */
  violationsPerDay: { agreement: string | null; days: { date: string; violations: number }[] }[];
  calm: (CalmResult & { thresholdPerDay: number; daysRequired: number }) | null;
}

const DAY = 86_400_000;
/** Enough margin either side of a window of local days for any UTC offset. */
const MARGIN = 2 * DAY;

/** `from`/`to` are local dates (YYYY-MM-DD), both included; by default the 30 days to today. */
export async function getTruceState(ctx: AppContext, caller: Caller | null, window: { from?: string | undefined; to?: string | undefined }): Promise<TruceState> {
  const reader = readerOf(requireCaller(caller));
  return asReader(ctx.db, reader, async (sql) => {
    const settings = await getSettings(sql);
    const zone = dayZone(settings.timezone) ?? dayZone('Z')!;
    const to = window.to ?? zone.localDate(ctx.now());
    const from = window.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY).toISOString().slice(0, 10);
    if (from > to) throw invalid('querystring.from', 'querystring.from: must not be after to');
    const dates = datesBetween(from, to);
    if (dates.length > 366) throw invalid('querystring.from', 'querystring.from: the window is at most 366 days');

    const perAgreement = new Map<string | null, Map<string, number>>();
    for (const v of await violationsDuring(sql, Date.parse(`${from}T00:00:00Z`) - MARGIN, Date.parse(`${to}T00:00:00Z`) + DAY + MARGIN)) {
      const date = zone.localDate(v.at);
      if (date < from || date > to) continue;
      const days = perAgreement.get(v.agreement) ?? new Map<string, number>();
      days.set(date, (days.get(date) ?? 0) + 1);
      perAgreement.set(v.agreement, days);
    }
    const violationsPerDay = [...perAgreement.entries()]
      .sort(([a], [b]) => compareIds(a ?? '', b ?? ''))
      .map(([agreement, days]) => ({ agreement, days: dates.map((date) => ({ date, violations: days.get(date) ?? 0 })) }));

    let calm: TruceState['calm'] = null;
    const spec = settings.calm;
    const calmAgreement = spec && (await getAgreement(sql, spec.agreement));
    if (spec && calmAgreement) {
      const verdicts = await violationsDuring(sql, Date.parse(`${spec.from}T00:00:00Z`) - MARGIN, Date.parse(`${spec.to}T00:00:00Z`) + DAY + MARGIN, spec.agreement);
      calm = {
        ...countCalm(spec, calmAgreement.inForce, zone, verdicts.map((v) => ({ ...v, verdict: 'violation' }))),
        thresholdPerDay: spec.thresholdPerDay, daysRequired: spec.daysRequired,
      };
    }
    const verdicts = await countFindingsByVerdict(sql);
    return { timezone: zone.name, verdicts, needsReview: verdicts.needs_review, window: { from, to }, violationsPerDay, calm };
  });
}
