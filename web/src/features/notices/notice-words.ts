/**
 * Operation notices in words: what a conflict's target is ("Field hospital", "School of MSF"),
 * where ("Tal Tamr, Al-Hasakeh"), and an owner's alert ("An operation is planned within 300 m of
 * the Field hospital (Tal Tamr, Al-Hasakeh), between 20 and 21 Sept 2016"). Names, places and
 * dates in the reader's language; never an id. Pure: no React, no DOM.
 */
import type { MessageKey } from '../../i18n/en.ts';
import type { Lang } from '../../i18n/format.ts';
import { readable, whereName, type WhereLike } from '../../i18n/where.ts';

export interface TargetFacts {
  kind: 'protected_site' | 'notification_site' | 'movement' | 'position';
  id: string;
  name: string | null;
  subkind: string | null;
  owner: string;
  where: WhereLike;
  where_end: WhereLike | null;
}

export interface NoticeWordsReader {
  lang: Lang;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  number(n: number): string;
  /** A protected site's kind (hospital, school...) in the language. */
  siteKind(kind: string): string;
  actorName(id: string): string;
  /** Two instants as a range ("20–21 Sept 2016, 10:00 – 18:00"), the date written once. */
  range(from: string, to: string): string;
  dateTime(at: string): string;
}

/** What the target is: its own name, else (a protected site, which has none) its kind and its owner. */
export function targetName(t: TargetFacts, w: NoticeWordsReader): string {
  const name = readable(t.name, t.id);
  if (name) return name;
  if (t.kind === 'protected_site' && t.subkind)
    return w.t('notices.siteOf', { kind: w.siteKind(t.subkind), owner: w.actorName(t.owner) });
  return w.t(`notices.target.${t.kind}`);
}

/** Where the target is, for people; a movement from its start to its end. */
export function targetPlace(t: TargetFacts, lang: Lang): string | null {
  const start = whereName(t.where, lang);
  const end = t.where_end ? whereName(t.where_end, lang) : null;
  if (start && end && end !== start) return `${start} → ${end}`;
  return start ?? end;
}

/** A window: between its two instants, or from its start when it has no end. */
export function windowWords(window: { from: string; to: string | null }, w: NoticeWordsReader): string {
  return window.to === null
    ? w.t('notices.fromOn', { from: w.dateTime(window.from) })
    : w.t('notices.between', { range: w.range(window.from, window.to) });
}

/** The clearance: metres clear, or touching at 0. */
export const clearanceWords = (m: number, w: NoticeWordsReader): string =>
  m === 0 ? w.t('notices.clearance.touching') : w.t('notices.clearance', { m: w.number(m) });

/** An owner's alert: its target, how near, when; nothing of the operation (the server sends nothing of it). */
export function alertSentence(
  a: { target: TargetFacts; clearance_m: number; window: { from: string; to: string | null } },
  w: NoticeWordsReader,
): string {
  const place = targetPlace(a.target, w.lang);
  const values = {
    m: w.number(a.clearance_m),
    target: targetName(a.target, w),
    place: place ? w.t('notices.alert.place', { place }) : '',
    window: windowWords(a.window, w),
  };
  return a.clearance_m === 0 ? w.t('notices.alert.touching', values) : w.t('notices.alert', values);
}
