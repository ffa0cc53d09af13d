/**
 * What a change of the settings changes, in words, from the dry run's answer: the timezone, the
 * host state, and for each agreement its threshold, the calm days required, the days counted, and how its days of
 * calm move ("The days of calm for <agreement> become 2 (now 6)"). Names, never ids. Pure.
 */
import type { MessageKey } from '../../i18n/en.ts';
import type { SettingsChanged } from './queries.ts';

export type Changes = SettingsChanged['changes'];
type Figures = Changes['calm'][number]['before'];

export interface ChangeWords {
  t(key: MessageKey, values?: Record<string, string | number>): string;
  agreementTitle(id: string): string;
  actorName(id: string): string;
  /** A timezone setting as people read it. */
  zoneName(setting: string): string;
  day(date: string): string;
  number(n: number): string;
  /** A name kept whole within the sentence (a Latin name in Arabic). */
  isolate(text: string): string;
}

export function changeSentences(c: Changes, w: ChangeWords): string[] {
  const out: string[] = [];
  if (c.timezone)
    out.push(
      w.t('settings.change.timezone', {
        after: w.isolate(w.zoneName(c.timezone.after)),
        before: w.isolate(w.zoneName(c.timezone.before)),
      }),
    );
  if (c.host_state) {
    const name = (id: string | null) => (id === null ? w.t('settings.hostState.none') : w.isolate(w.actorName(id)));
    out.push(w.t('settings.change.hostState', { after: name(c.host_state.after), before: name(c.host_state.before) }));
  }
  for (const { agreement: id, before, after } of c.calm) {
    const agreement = w.isolate(w.agreementTitle(id));
    if (!before && after) {
      out.push(
        w.t('settings.change.calmAdded', {
          agreement,
          threshold: w.number(after.threshold_per_day),
          days: w.number(after.days_required),
        }),
      );
      if (after.period) out.push(w.t('settings.change.periodNew', { period: period(after.period, w) }));
      continue;
    }
    if (before && !after) {
      out.push(w.t('settings.change.calmRemoved', { agreement }));
      continue;
    }
    if (!before || !after) continue;
    const moved = (key: MessageKey, a: number, b: number) => {
      if (a !== b) out.push(w.t(key, { agreement, after: w.number(a), before: w.number(b) }));
    };
    moved('settings.change.threshold', after.threshold_per_day, before.threshold_per_day);
    moved('settings.change.daysRequired', after.days_required, before.days_required);
    if (after.period?.from !== before.period?.from || after.period?.to !== before.period?.to)
      out.push(
        w.t('settings.change.period', { agreement, after: period(after.period, w), before: period(before.period, w) }),
      );
    if (after.longest_run !== null && before.longest_run !== null)
      moved('settings.change.longestRun', after.longest_run, before.longest_run);
    out.push(...reached(agreement, before, after, w));
  }
  return out.length > 0 ? out : [w.t('settings.change.none')];
}

/** The days counted: "from 12 Sept 2016 to 20 Sept 2016", or those the state page shows. */
const period = (p: NonNullable<Figures>['period'], w: ChangeWords) =>
  p
    ? w.t('settings.change.periodDates', { from: w.day(p.from), to: w.day(p.to) })
    : w.t('settings.change.periodWindow');

/** The day reduced violence is reached, when it moves. */
function reached(agreement: string, before: NonNullable<Figures>, after: NonNullable<Figures>, w: ChangeWords) {
  const [b, a] = [before.reduced_violence_on, after.reduced_violence_on];
  if (a === b || before.longest_run === null || after.longest_run === null) return [];
  if (a && b) return [w.t('settings.change.reachedOn', { agreement, after: w.day(a), before: w.day(b) })];
  if (a) return [w.t('settings.change.reached', { agreement, after: w.day(a) })];
  return [w.t('settings.change.notReached', { agreement, before: w.day(b!) })];
}
