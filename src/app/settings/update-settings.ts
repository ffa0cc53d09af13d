/**
 * PUT /settings (world:manage): the timezone of day boundaries (an IANA name; a fixed offset such
 * as +03:00, as a bundle may give, is taken too), the host state (an actor, or none) and the days
 * of calm of the agreements the caller may see (a threshold of violations a day and the calm
 * days in a row required, per agreement). The caller replaces what
 * it can see: a calm setting of an agreement hidden from it is kept as it is, and an agreement
 * left out of the list has its days of calm counted no more.
 *
 * One transaction with its audit entries (the timezone and host state on one entry; each calm
 * setting on its own, at its agreement's classification, so the trail shows none of them to a
 * reader who may not see the agreement); then an event per thing changed, so that open pages
 * read the settings and the state again. No finding depends on the settings (convoys' approvals
 * are judged when read), so none is judged again. The answer says how the days of calm move (the
 * longest run of calm days and the day reduced violence was reached, over each setting's own
 * period, from the violations the caller may see); a dry run says it and saves nothing.
 *
 * The operator at the command line (`truce settings set`, caller `operator`) sees every agreement
 * and is audited as the system. The input may be a function of the settings as they stand (read
 * in the write's transaction, under its lock): the command line changes only what it is given.
 */
import type { CalmResult } from '../../domain/findings.ts';
import { type DayZone, isCalendarDate, isTimeZoneName, parseOffset, worldDayZone } from '../../domain/time.ts';
import * as agreements from '../../store/agreement.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { sameRecord } from '../../store/rows.ts';
import * as settings from '../../store/settings.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import type { Change } from '../shared/audit.ts';
import { countCalmOver, longestRun } from '../shared/calm-count.ts';
import { requireKnownActors } from '../shared/references.ts';
import { writeWorld, type WriteOptions, type Written } from '../shared/write-world.ts';
import { readSettings, type Settings } from './get-settings.ts';

export interface CalmInput {
  agreement: string;
  thresholdPerDay: number;
  daysRequired: number;
  /** Left out: the period the setting has (none for a new one); null: none, the days the state is asked for. */
  period?: { from: string; to: string } | null | undefined;
}

export interface SettingsInput {
  timezone: string;
  hostState: string | null;
  calm: CalmInput[];
}

/** One agreement's days of calm under a setting; `longestRun` and `reducedViolenceOn` over its own period, if any. */
export interface CalmFigures {
  thresholdPerDay: number;
  daysRequired: number;
  period: { from: string; to: string } | null;
  longestRun: number | null;
  reducedViolenceOn: string | null;
}

/** What a change of the settings changes; a calm figure null: no days of calm counted for the agreement. */
export interface SettingsChanges {
  timezone: { before: string; after: string } | null;
  hostState: { before: string | null; after: string | null } | null;
  calm: { agreement: string; before: CalmFigures | null; after: CalmFigures | null }[];
}

export interface SettingsWritten {
  settings: Settings;
  changes: SettingsChanges;
}

const calmView = (s: settings.CalmSetting) => ({
  agreement_id: s.agreement,
  threshold_per_day: s.thresholdPerDay,
  days_required: s.daysRequired,
  from: s.period?.from ?? null,
  to: s.period?.to ?? null,
});

export async function updateSettings(
  ctx: AppContext,
  caller: Caller | 'operator' | null,
  asked: SettingsInput | ((current: Settings) => SettingsInput),
  options: WriteOptions = {},
): Promise<Written<SettingsWritten>> {
  const by = caller === 'operator' ? null : requirePermission(caller, 'world:manage');
  const reader = by && readerOf(by);
  /** As the caller: row-level security hides what it may not see (nothing from the operator). */
  const asCaller = <T>(tx: Sql, fn: (sql: Sql) => Promise<T>) => (reader ? readWithin(tx, reader, fn) : fn(tx));
  const written = await writeWorld(
    ctx,
    by,
    async (tx) => {
      await settings.lock(tx);
      const before = await asCaller(tx, readSettings);
      const input = typeof asked === 'function' ? asked(before) : asked;
      if (!isTimeZoneName(input.timezone) && parseOffset(input.timezone) === null)
        throw invalid(
          'timezone',
          `timezone: unknown timezone "${input.timezone}": give an IANA name such as Asia/Damascus`,
        );
      if (input.hostState !== null) await requireKnownActors(tx, [{ path: 'host_state', id: input.hostState }]);
      const next = await checkCalm(tx, asCaller, input.calm, before.calm);

      const audit: Change[] = [];
      const world = { timezone: input.timezone, hostState: input.hostState };
      const worldBefore = { timezone: before.timezone, hostState: before.hostState };
      if (!sameRecord(world, worldBefore)) {
        await settings.upsert(tx, world);
        const view = (w: typeof world) => ({ timezone: w.timezone, host_state: w.hostState });
        audit.push({
          action: 'update',
          entity: 'settings',
          entityId: 'world',
          before: view(worldBefore),
          after: view(world),
        });
      }
      const old = new Map(before.calm.map((c) => [c.agreement, c]));
      const changed: string[] = [];
      for (const c of next) {
        const was = old.get(c.agreement);
        if (was && sameRecord(was, c)) continue;
        await settings.upsertCalm(tx, c);
        changed.push(c.agreement);
        audit.push({
          action: was ? 'update' : 'create',
          entity: 'calm_setting',
          entityId: c.agreement,
          ...(await classificationOf(tx, c.agreement)),
          ...(was ? { before: calmView(was) } : {}),
          after: calmView(c),
        });
      }
      const removed = before.calm.filter((c) => !next.some((n) => n.agreement === c.agreement));
      await settings.removeCalm(
        tx,
        removed.map((c) => c.agreement),
      );
      for (const c of removed) {
        changed.push(c.agreement);
        audit.push({
          action: 'delete',
          entity: 'calm_setting',
          entityId: c.agreement,
          ...(await classificationOf(tx, c.agreement)),
          before: calmView(c),
        });
      }

      // A new timezone moves every day's boundaries: each calm count the caller sees may move.
      const zoneChanged = world.timezone !== worldBefore.timezone;
      const after = await asCaller(tx, readSettings);
      const calm = await asCaller(tx, async (sql) => {
        const figures = figuresIn(sql);
        const out: SettingsChanges['calm'] = [];
        for (const agreement of new Set([...changed, ...(zoneChanged ? after.calm.map((c) => c.agreement) : [])])) {
          out.push({
            agreement,
            before: await figures(old.get(agreement), before.timezone),
            after: await figures(
              after.calm.find((c) => c.agreement === agreement),
              after.timezone,
            ),
          });
        }
        return out;
      });
      const changes: SettingsChanges = {
        timezone: zoneChanged ? { before: worldBefore.timezone, after: world.timezone } : null,
        hostState:
          world.hostState !== worldBefore.hostState ? { before: worldBefore.hostState, after: world.hostState } : null,
        calm,
      };
      return { value: { settings: after, changes }, audit };
    },
    options,
  );
  if (!written.dryRun) {
    const at = ctx.now();
    const { changes } = written.value;
    if (changes.timezone || changes.hostState)
      ctx.events.publish({ type: 'settings.changed', entity: 'settings', id: 'world', at });
    for (const c of changes.calm)
      if (!sameRecord(c.before && settingOf(c.before), c.after && settingOf(c.after)))
        ctx.events.publish({ type: 'settings.changed', entity: 'calm_setting', id: c.agreement, at });
  }
  return written;
}

const settingOf = (f: CalmFigures) => ({ t: f.thresholdPerDay, d: f.daysRequired, p: f.period });

/** The calm settings the input asks for, checked: each agreement once, one the caller may see; each period in order. */
async function checkCalm(
  tx: Sql,
  asCaller: <T>(tx: Sql, fn: (sql: Sql) => Promise<T>) => Promise<T>,
  input: readonly CalmInput[],
  stored: readonly settings.CalmSetting[],
): Promise<settings.CalmSetting[]> {
  const out: settings.CalmSetting[] = [];
  for (const [i, c] of input.entries()) {
    const path = `calm[${i}]`;
    if (input.findIndex((x) => x.agreement === c.agreement) !== i)
      throw invalid(`${path}.agreement`, `${path}.agreement: "${c.agreement}" is given twice`);
    // A hidden agreement is as unknown as one that does not exist.
    if (!(await asCaller(tx, (sql) => agreements.get(sql, c.agreement))))
      throw invalid(`${path}.agreement`, `${path}.agreement: unknown agreement "${c.agreement}"`);
    const was = stored.find((s) => s.agreement === c.agreement);
    const period = c.period === undefined ? (was?.period ?? null) : c.period;
    if (period) {
      if (!isCalendarDate(period.from))
        throw invalid(`${path}.period.from`, `${path}.period.from: must be a date YYYY-MM-DD`);
      if (!isCalendarDate(period.to))
        throw invalid(`${path}.period.to`, `${path}.period.to: must be a date YYYY-MM-DD`);
      if (period.to < period.from)
        throw invalid(`${path}.period.to`, `${path}.period.to: must not be before period.from`);
    }
    out.push({
      agreement: c.agreement,
      thresholdPerDay: c.thresholdPerDay,
      daysRequired: c.daysRequired,
      period,
      isDefault: was?.isDefault ?? false,
    });
  }
  return out;
}

/** An audit entry of a calm setting is classified as its agreement is. */
async function classificationOf(tx: Sql, agreement: string): Promise<Pick<Change, 'classification' | 'ownerOrg'>> {
  const g = await agreements.getRecord(tx, agreement);
  return { classification: g?.classification ?? 'public', ownerOrg: g?.ownerOrg ?? null };
}

/** A setting's figures in a timezone, from the violations the reader sees. */
function figuresIn(sql: Sql) {
  return async (s: settings.CalmSetting | undefined, timezone: string): Promise<CalmFigures | null> => {
    if (!s) return null;
    const spec = settings.calmSpec(s);
    const zone: DayZone = worldDayZone(timezone);
    const g = spec && (await agreements.get(sql, s.agreement));
    const counted: CalmResult | null = spec && g ? await countCalmOver(sql, zone, spec, g.inForce) : null;
    return {
      thresholdPerDay: s.thresholdPerDay,
      daysRequired: s.daysRequired,
      period: s.period,
      longestRun: counted ? longestRun(counted.days) : null,
      reducedViolenceOn: counted?.reducedViolenceOn ?? null,
    };
  };
}
