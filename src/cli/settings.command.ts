/**
 * `truce settings` and `truce settings set`: the world's settings at the command line (the
 * timezone of its days, the host state, the days of calm per agreement) through the use cases of
 * GET and PUT /settings, as the operator (every agreement; audited as the system). `set` changes
 * only what it is given: the rest is kept as it stands when the change is written.
 */
import { getSettings, type Settings } from '../app/settings/get-settings.ts';
import {
  type CalmFigures,
  type CalmInput,
  type SettingsInput,
  updateSettings,
} from '../app/settings/update-settings.ts';
import type { AppContext } from '../app/context.ts';
import { isCalendarDate } from '../domain/time.ts';
import { type DbFlags, withContext } from './database.command.ts';
import { EXIT, type Io, table, UsageError } from './io.ts';

/** What `truce settings set` was given, as typed. */
export interface SettingsFlags {
  timezone?: string | undefined;
  /** An actor's id, or `none`. */
  hostState?: string | undefined;
  /** `AGREEMENT:THRESHOLD:DAYS[:FROM:TO]`, or `...:DAYS:none` to count over the days asked for. */
  calm: readonly string[];
  /** Agreements whose days of calm are no longer counted. */
  noCalm: readonly string[];
  dryRun: boolean;
}

const LIMITS = { threshold: [0, 100_000], days: [1, 3_660] } as const;

/**
 * One `--calm`: read from its end (an agreement's id may hold a colon): `none` or two dates, then
 * the calm days required and the threshold; what is left is the agreement. Without a period the
 * one it has is kept.
 */
export function parseCalm(text: string): CalmInput {
  const bad = (why: string) =>
    new UsageError(
      `--calm "${text}": ${why}; give AGREEMENT:THRESHOLD:DAYS[:FROM:TO] (FROM:TO as YYYY-MM-DD, or none)`,
    );
  const parts = text.split(':');
  let period: CalmInput['period'];
  if (parts.at(-1) === 'none') {
    period = null;
    parts.pop();
  } else if (parts.length >= 5 && /^\d{4}-/.test(parts.at(-1)!) && /^\d{4}-/.test(parts.at(-2)!)) {
    const to = parts.pop()!;
    const from = parts.pop()!;
    for (const [name, date] of [
      ['FROM', from],
      ['TO', to],
    ] as const)
      if (!isCalendarDate(date)) throw bad(`${name} "${date}" is not a date YYYY-MM-DD`);
    if (to < from) throw bad(`TO ${to} is before FROM ${from}`);
    period = { from, to };
  }
  if (parts.length < 3) throw bad('too few parts');
  const days = parts.pop()!;
  const threshold = parts.pop()!;
  const agreement = parts.join(':');
  if (agreement === '') throw bad('AGREEMENT is empty');
  const whole = (name: 'THRESHOLD' | 'DAYS', value: string, [min, max]: readonly [number, number]) => {
    if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max)
      throw bad(`${name} "${value}" must be a whole number from ${min} to ${max}`);
    return Number(value);
  };
  return {
    agreement,
    thresholdPerDay: whole('THRESHOLD', threshold, LIMITS.threshold),
    daysRequired: whole('DAYS', days, LIMITS.days),
    ...(period !== undefined ? { period } : {}),
  };
}

/** The settings asked for: those standing, with what the flags change. Pure. */
export function changedSettings(current: Settings, flags: SettingsFlags): SettingsInput {
  const asked = flags.calm.map(parseCalm);
  for (const [i, c] of asked.entries()) {
    if (asked.findIndex((x) => x.agreement === c.agreement) !== i)
      throw new UsageError(`--calm: "${c.agreement}" is given twice`);
    if (flags.noCalm.includes(c.agreement))
      throw new UsageError(`--no-calm "${c.agreement}": it is given to --calm too`);
  }
  for (const id of flags.noCalm)
    if (!current.calm.some((c) => c.agreement === id))
      throw new UsageError(`--no-calm "${id}": no days of calm are counted for it`);
  return {
    timezone: flags.timezone ?? current.timezone,
    hostState: flags.hostState === undefined ? current.hostState : flags.hostState === 'none' ? null : flags.hostState,
    // Those counted, as they stand (a period left out is kept) or as asked; then those asked anew.
    calm: [
      ...current.calm
        .filter((c) => !flags.noCalm.includes(c.agreement))
        .map(
          (c): CalmInput =>
            asked.find((a) => a.agreement === c.agreement) ?? {
              agreement: c.agreement,
              thresholdPerDay: c.thresholdPerDay,
              daysRequired: c.daysRequired,
            },
        ),
      ...asked.filter((a) => !current.calm.some((c) => c.agreement === a.agreement)),
    ],
  };
}

const nothingAsked = (f: SettingsFlags) =>
  f.timezone === undefined && f.hostState === undefined && f.calm.length === 0 && f.noCalm.length === 0;

export const settingsShow = (io: Io, flags: DbFlags) =>
  withSettings(io, 'settings', flags, async (ctx) => {
    io.out(describeSettings(await getSettings(ctx, 'operator')));
    return EXIT.ok;
  });

export function settingsSet(io: Io, flags: DbFlags, asked: SettingsFlags): Promise<number> {
  if (nothingAsked(asked))
    throw new UsageError('nothing to change: give --timezone, --host-state, --calm or --no-calm');
  // Each --calm is read before the database is opened: a mistake in one is said at once.
  asked.calm.forEach(parseCalm);
  return withSettings(io, 'settings set', flags, async (ctx) => {
    const written = await updateSettings(ctx, 'operator', (current) => changedSettings(current, asked), {
      dryRun: asked.dryRun,
    });
    const { changes } = written.value;
    const lines = [
      ...(changes.timezone ? [`Timezone: ${changes.timezone.after} (was ${changes.timezone.before})`] : []),
      ...(changes.hostState
        ? [`Host state: ${changes.hostState.after ?? 'none'} (was ${changes.hostState.before ?? 'none'})`]
        : []),
      ...changes.calm.map(
        (c) =>
          `Days of calm for ${c.agreement}: ${c.after ? describeCalm(c.after) : 'no longer counted'} (was ${c.before ? describeCalm(c.before) : 'not counted'})`,
      ),
    ];
    io.out(
      `${written.dryRun ? 'Dry run, nothing saved' : 'Saved'}: ${lines.length === 0 ? 'nothing changes.' : 'these change.'}\n` +
        lines.map((l) => `  ${l}\n`).join(''),
    );
    return EXIT.ok;
  });
}

/** The settings as `truce settings` prints them. */
export function describeSettings(s: Settings): string {
  const head = [
    ...(s.name ? [`World: ${s.name}`] : []),
    `Timezone: ${s.timezone}`,
    `Host state: ${s.hostState ?? 'none'}`,
    '',
  ].join('\n');
  if (s.calm.length === 0) return `${head}\nDays of calm: counted for no agreement.\n`;
  return (
    `${head}\nDays of calm (a day is calm with at most THRESHOLD violations; DAYS calm days in a row make reduced violence):\n` +
    table([
      ['AGREEMENT', 'THRESHOLD', 'DAYS', 'PERIOD', ''],
      ...s.calm.map((c) => [
        c.agreement,
        String(c.thresholdPerDay),
        String(c.daysRequired),
        c.period ? `${c.period.from} to ${c.period.to}` : 'the days asked for',
        c.isDefault ? 'default' : '',
      ]),
    ])
  );
}

function describeCalm(f: CalmFigures): string {
  const over = f.period ? `from ${f.period.from} to ${f.period.to}` : 'over the days asked for';
  const run =
    f.longestRun === null
      ? ''
      : `; longest run of calm days ${f.longestRun}, reduced violence ${f.reducedViolenceOn ? `reached on ${f.reducedViolenceOn}` : 'not reached'}`;
  const many = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;
  return `at most ${many(f.thresholdPerDay, 'violation', 'violations')} a day, ${many(f.daysRequired, 'calm day', 'calm days')} in a row, ${over}${run}`;
}

/** The option a field of the settings comes from. */
const OPTION_OF: [RegExp, string][] = [
  [/^timezone$/, '--timezone'],
  [/^host_state$/, '--host-state'],
  [/^calm(\[|$)/, '--calm'],
];

/** The settings' use cases (`withContext`), a refusal said by the option at fault rather than the field. */
const withSettings = (io: Io, command: string, flags: DbFlags, fn: (ctx: AppContext) => Promise<number>) =>
  withContext(io, command, flags, fn, (e) => {
    const option = OPTION_OF.find(([path]) => path.test(e.path ?? ''))?.[1];
    // The use case's message starts with its field's path ("calm[0].agreement: unknown agreement ...").
    const message = e.path && e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message;
    return `${option ? `${option}: ` : ''}${message}`;
  });
