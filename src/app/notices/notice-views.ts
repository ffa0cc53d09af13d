/**
 * Operation notices, their conflicts and a target owner's alerts as the API and the live stream
 * show them (snake_case). Each target says where it is for people (`where`: the nearest place,
 * district and governorate, in English and Arabic), never only coordinates. An alert carries the
 * target, the clearance and the window: nothing of the operation.
 */
import { type Geometry, pointOnSurface, positionsOf } from '../../domain/geo.ts';
import type * as conflicts from '../../store/conflict.repository.ts';
import type * as plans from '../../store/plan.repository.ts';
import type { DayTarget, DeconflictionDay } from './get-deconfliction-day.ts';
import { whereView } from '../map/where.ts';
import { isoOrNull, operationView } from '../shared/views.ts';

const iso = (t: number) => new Date(t).toISOString();

/** Where a geometry is, for people: a point's, a polygon's inside, a line's start (and `where_end`, its end). */
export function whereOf(g: Geometry) {
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const [lon, lat] = pointOnSurface(g);
    return { where: whereView(lon, lat), where_end: null };
  }
  const all = positionsOf(g);
  const [lon, lat] = all[0] ?? [0, 0];
  const last = g.type === 'LineString' && all.length > 1 ? all.at(-1)! : null;
  return { where: whereView(lon, lat), where_end: last ? whereView(last[0], last[1]) : null };
}

export const targetView = (t: conflicts.TargetView) => ({
  kind: t.kind,
  id: t.id,
  name: t.name,
  subkind: t.subkind,
  owner: t.owner,
  valid: { from: iso(t.valid.from), to: isoOrNull(t.valid.to) },
  ...whereOf(t.geometry),
});

export const conflictView = (c: conflicts.StoredConflict) => ({
  id: c.id,
  target: targetView(c.target),
  clearance_m: c.clearanceM,
  notified: c.notified,
  computed_at: iso(c.computedAt),
});

/** A notice: the operation when the reader may see it (else null: the secretariat reads its outline), its conflicts. */
export const noticeView = (n: {
  outline: plans.NoticeOutline;
  operation: plans.OperationRecord | null;
  conflicts: conflicts.StoredConflict[];
}) => ({
  operation: n.operation && operationView(n.operation),
  declared_by: n.outline.ownerOrg,
  declared_at: iso(n.outline.declaredAt),
  window: { from: iso(n.outline.window.from), to: isoOrNull(n.outline.window.to) },
  withdrawn_at: isoOrNull(n.outline.withdrawnAt),
  where: n.operation && whereOf(n.operation.area).where,
  conflicts: n.conflicts.map(conflictView),
});

export const alertView = (a: conflicts.Alert) => ({
  id: a.id,
  target: targetView(a.target),
  clearance_m: a.clearanceM,
  window: { from: iso(a.window.from), to: isoOrNull(a.window.to) },
  computed_at: iso(a.computedAt),
  closed: a.closed,
});

/** A site, movement or position on the console's map: the target, its shape and its buffer. */
export const dayTargetView = (t: DayTarget) => ({ ...targetView(t), geometry: t.geometry, buffer_m: t.bufferM });

/** The console's day: each list as the reader may see it; a conflict names its operation only when the reader sees it. */
export const deconflictionDayView = (d: DeconflictionDay) => ({
  day: d.day,
  from: iso(d.from),
  to: iso(d.to),
  server_now: iso(d.now),
  sites: d.sites.map(dayTargetView),
  movements: d.movements.map(dayTargetView),
  positions: d.positions.map(dayTargetView),
  operations: d.operations.map((o) => ({
    id: o.id,
    actor: o.actor,
    kind: o.kind,
    area: o.area,
    radius_m: o.radiusM,
    window: { from: iso(o.window.from), to: isoOrNull(o.window.to) },
    declared_by: o.ownerOrg,
    where: whereOf(o.area).where,
  })),
  conflicts: d.conflicts.map((c) => ({
    ...conflictView(c),
    operation: c.operationSeen ? c.operationId : null,
    declared_by: c.declaredBy,
    window: { from: iso(c.window.from), to: isoOrNull(c.window.to) },
  })),
  alerts: d.alerts.map(alertView),
});
