/**
 * GET /deconfliction/day: what the deconfliction console draws for one calendar day in the world's
 * timezone (today by default): the sites (protected and notified), the movements, the positions and
 * the operations valid at some time of that day, the open conflicts of the notices planned then and the
 * reader's organization's alerts, ALL READ AS THE READER (row-level security of migrations 020 to 023):
 * a record hidden from the reader is in no list, and a notice whose operation the secretariat may not
 * see gives its conflicts with the outline only (who declared it, its window), never its area.
 */
import { isCalendarDate, nextDate, worldDayZone } from '../../domain/time.ts';
import * as conflicts from '../../store/conflict.repository.ts';
import * as notifications from '../../store/notification.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import * as positions from '../../store/position.repository.ts';
import { asReader } from '../../store/reader.ts';
import * as settings from '../../store/settings.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';

/** A site, movement or position on the map: the target as a conflict names it, with its buffer. */
export interface DayTarget extends conflicts.TargetView {
  bufferM: number;
}

export interface DeconflictionDay {
  day: string;
  /** The day's first instant and the next day's, in the world's timezone. */
  from: number;
  to: number;
  /** The database's clock at the read. */
  now: number;
  sites: DayTarget[];
  movements: DayTarget[];
  positions: DayTarget[];
  operations: plans.OperationRecord[];
  conflicts: conflicts.ConflictDuring[];
  alerts: conflicts.Alert[];
}

const overlaps = (w: { from: number; to: number | null }, d: { from: number; to: number }) =>
  w.from < d.to && (w.to === null || w.to > d.from);

const siteTarget = (s: plans.SiteRecord): DayTarget => ({
  kind: 'protected_site',
  id: s.id,
  name: null,
  subkind: s.kind,
  owner: s.owner,
  geometry: s.geometry,
  valid: s.valid,
  bufferM: s.bufferM,
});

const notificationTarget = (n: notifications.NotificationRecord): DayTarget => ({
  kind: n.subject === 'site' ? 'notification_site' : 'movement',
  id: n.id,
  name: n.name,
  subkind: n.siteKind,
  owner: n.ownerOrg,
  geometry: n.geometry,
  valid: n.valid,
  bufferM: n.bufferM,
});

const positionTarget = (p: positions.PositionRecord): DayTarget => ({
  kind: 'position',
  id: p.id,
  name: p.name,
  subkind: p.kind,
  owner: p.ownerOrg,
  geometry: p.geometry,
  valid: p.valid,
  bufferM: p.bufferM,
});

export async function getDeconflictionDay(
  ctx: AppContext,
  caller: Caller | null,
  day: string | undefined,
): Promise<DeconflictionDay> {
  const by = requireCaller(caller);
  if (day !== undefined && !isCalendarDate(day))
    throw invalid('querystring.day', 'querystring.day: must be a date YYYY-MM-DD');
  return asReader(ctx.db, readerOf(by), async (sql) => {
    const zone = worldDayZone((await settings.get(sql)).timezone);
    const date = day ?? zone.localDate(await notifications.dbNow(sql));
    const during = { from: zone.startOf(date), to: zone.startOf(nextDate(date)) };
    const notes = await notifications.listDuring(sql, during);
    const found = await conflicts.listOpenDuring(sql, during);
    const listed = new Set(found.map((c) => c.id));
    return {
      day: date,
      ...during,
      now: await notifications.dbNow(sql),
      sites: [
        ...(await plans.listSitesDuring(sql, during)).map(siteTarget),
        ...notes.filter((n) => n.subject === 'site').map(notificationTarget),
      ],
      movements: notes.filter((n) => n.subject === 'movement').map(notificationTarget),
      positions: (await positions.listDuring(sql, during)).map(positionTarget),
      operations: await plans.listOperationsDuring(sql, during),
      conflicts: found,
      // An alert the conflicts already show (the reader may see the operation too) is not said twice.
      alerts: (await conflicts.listAlerts(sql)).filter((a) => overlaps(a.window, during) && !listed.has(a.id)),
    };
  });
}
