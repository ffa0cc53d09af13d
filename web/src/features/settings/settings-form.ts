/**
 * The settings page's form as data: the draft the inputs hold (text, as typed), what is wrong with
 * it (by field), and the request it makes. Pure.
 */
import type { Settings } from '../../api/world.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import type { SettingsBody } from './queries.ts';

export interface CalmDraft {
  counted: boolean;
  threshold: string;
  days: string;
  /** The days counted, YYYY-MM-DD, both included; both '': the days the state page is asked for. */
  from: string;
  to: string;
}

export interface Draft {
  timezone: string;
  /** An actor's id, or '' for none. */
  hostState: string;
  /** By agreement id: every agreement the user sees, counted or not. */
  calm: Record<string, CalmDraft>;
}

/** A new setting starts from the bundle's usual numbers. */
const NEW_CALM: CalmDraft = { counted: false, threshold: '2', days: '7', from: '', to: '' };

export function draftOf(s: Settings, agreements: readonly string[]): Draft {
  const calm: Record<string, CalmDraft> = {};
  for (const id of agreements) {
    const c = s.calm.find((x) => x.agreement === id);
    calm[id] = c
      ? {
          counted: true,
          threshold: String(c.threshold_per_day),
          days: String(c.days_required),
          from: c.period?.from ?? '',
          to: c.period?.to ?? '',
        }
      : NEW_CALM;
  }
  return { timezone: s.timezone, hostState: s.host_state ?? '', calm };
}

const LIMITS = { threshold: [0, 100_000], days: [1, 3_660] } as const;

const wholeNumber = (text: string, [min, max]: readonly [number, number]) =>
  /^\d{1,6}$/.test(text.trim()) && Number(text) >= min && Number(text) <= max;

/** What is wrong with a field: the words to say, with numbers and the names of fields (keys of the words) in them. */
export interface Problem {
  key: MessageKey;
  values?: Record<string, number>;
  fields?: Record<string, MessageKey>;
}

const FROM: MessageKey = 'settings.period.from';
const TO: MessageKey = 'settings.period.to';

/**
 * What is wrong, by field id (`timezone`, `<agreement>:threshold`, `<agreement>:days`,
 * `<agreement>:from`, `<agreement>:to`), with the words to say.
 */
export function problemsOf(d: Draft, zones: ReadonlySet<string>, stored: string): Map<string, Problem> {
  const problems = new Map<string, Problem>();
  // The names Intl knows; the stored setting itself (a bundle's fixed offset) may stay.
  if (d.timezone !== stored && !zones.has(d.timezone)) problems.set('timezone', { key: 'settings.timezone.unknown' });
  for (const [id, c] of Object.entries(d.calm)) {
    if (!c.counted) continue;
    for (const field of ['threshold', 'days'] as const)
      if (!wholeNumber(c[field], LIMITS[field]))
        problems.set(`${id}:${field}`, { key: 'settings.invalid.number', values: { min: LIMITS[field][0] } });
    // Both days or neither; the last not before the first.
    if ((c.from === '') !== (c.to === ''))
      problems.set(`${id}:${c.from === '' ? 'from' : 'to'}`, {
        key: 'settings.invalid.periodMissing',
        fields: { field: c.from === '' ? FROM : TO },
      });
    else if (c.to < c.from)
      problems.set(`${id}:to`, { key: 'settings.invalid.periodOrder', fields: { field: TO, other: FROM } });
  }
  return problems;
}

/** The request: the timezone, the host state, the agreements counted, each with its days (none: those asked for). */
export function bodyOf(d: Draft): SettingsBody {
  return {
    timezone: d.timezone,
    host_state: d.hostState === '' ? null : d.hostState,
    calm: Object.entries(d.calm)
      .filter(([, c]) => c.counted)
      .map(([agreement, c]) => ({
        agreement,
        threshold_per_day: Number(c.threshold.trim()),
        days_required: Number(c.days.trim()),
        period: c.from && c.to ? { from: c.from, to: c.to } : null,
      })),
  };
}
