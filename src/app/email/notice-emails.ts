/**
 * Emails of operation notices' conflicts (docs/deconfliction.md): to the declaring organization, the
 * conflicts a check found anew, and to a target's organization, an operation planned near its place
 * WITHOUT the operation (not its actor, kind, area or id: the alert of migration 023, read through
 * `truce_deconfliction_alerts_of`). Each reads again as its recipient: a conflict with a target the
 * recipient may not see is not named; an operation hidden from the declaring organization's
 * recipient sends nothing (`hidden`); a conflict closed since (the notice changed or withdrawn, the
 * target withdrawn) is left out, and when none is left the message is `moot`. Both link to the
 * deconfliction console on the operation's first day.
 */
import { SITE_KINDS, type SiteKind } from '../../contract/notifications.ts';
import { type Geometry, pointOnSurface, positionsOf } from '../../domain/geo.ts';
import * as conflicts from '../../store/conflict.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import { siteKindWord, targetWord } from './email-words.ts';
import type { Rendered, RenderContext } from './render-context.ts';

/** The targets a message was queued for: `[kind, id]` pairs. */
function targetsOf(detail: Record<string, unknown>): Set<string> {
  const list = Array.isArray(detail.targets) ? (detail.targets as unknown[]) : [];
  return new Set(list.flatMap((t) => (Array.isArray(t) && t.length === 2 ? [`${String(t[0])}:${String(t[1])}`] : [])));
}
const keyOf = (t: { kind: string; id: string }) => `${t.kind}:${t.id}`;
const isSiteKind = (k: string): k is SiteKind => (SITE_KINDS as readonly string[]).includes(k);

/** What the target is: its name, or a protected site's kind; then what kind of target. */
function targetName(r: RenderContext, t: conflicts.TargetView): string {
  const what = r.say(targetWord(t.kind));
  if (t.name) return `${t.name} (${what})`;
  return t.subkind && isSiteKind(t.subkind) ? `${r.say(siteKindWord(t.subkind))} (${what})` : what;
}

/** Where a shape is for people: a point's place, an area's inside, a route's start. */
function placeOf(r: RenderContext, g: Geometry): string {
  const [lon, lat] =
    g.type === 'Polygon' || g.type === 'MultiPolygon' ? pointOnSurface(g) : (positionsOf(g)[0] ?? [0, 0]);
  return r.place(lon, lat);
}

const windowOf = (r: RenderContext, w: { from: number; to: number | null }) =>
  w.to === null ? r.say('fromOn', { from: r.when(w.from) }) : r.whenRange(w.from, w.to);

const clearanceOf = (r: RenderContext, m: number) =>
  m === 0 ? r.say('clearance.touching') : r.say('clearance', { m: r.number(m) });

const consoleLink = (r: RenderContext, from: number) => ({
  label: r.say('open.console'),
  url: r.url(`/console?day=${r.day(from)}`),
});

export async function noticeConflict(r: RenderContext): Promise<Rendered> {
  const o = await plans.getOperation(r.sql, r.message.entityId);
  if (!o) return 'hidden';
  if (o.withdrawnAt !== null) return 'moot';
  const asked = targetsOf(r.message.detail);
  const found = (await conflicts.listOpen(r.sql, [o.id])).filter((c) => asked.has(keyOf(c.target)));
  if (found.length === 0) return 'moot';
  return {
    subject: r.say('subject.notice.conflict', { targets: r.list(found.map((c) => targetName(r, c.target))) }),
    heading: r.say('heading.notice.conflict'),
    facts: [
      [r.say('label.declaredBy'), o.ownerOrg ? r.orgName(o.ownerOrg) : r.say('none')],
      [r.say('label.window'), windowOf(r, o.window)],
      [r.say('label.where'), placeOf(r, o.area)],
      ...found.map((c): [string, string] => [
        targetName(r, c.target),
        [
          clearanceOf(r, c.clearanceM),
          placeOf(r, c.target.geometry),
          r.say(c.notified ? 'notified' : 'neverNotified'),
        ].join(' · '),
      ]),
    ],
    link: consoleLink(r, o.window.from),
  };
}

export async function deconflictionAlert(r: RenderContext): Promise<Rendered> {
  const asked = targetsOf(r.message.detail);
  const alerts = (await conflicts.listAlertsOf(r.sql, r.message.entityId)).filter(
    (a) => !a.closed && asked.has(keyOf(a.target)),
  );
  const [first] = alerts;
  if (!first) return 'moot';
  return {
    subject: r.say('subject.deconfliction.alert', { target: r.list(alerts.map((a) => targetName(r, a.target))) }),
    heading: r.say('heading.deconfliction.alert'),
    facts: [
      [r.say('label.planned'), windowOf(r, first.window)],
      ...alerts.flatMap((a): [string, string][] => [
        [r.say('label.atRisk'), targetName(r, a.target)],
        [r.say('label.where'), placeOf(r, a.target.geometry)],
        [r.say('label.clearance'), clearanceOf(r, a.clearanceM)],
      ]),
    ],
    link: consoleLink(r, first.window.from),
  };
}
