/** A zone's new names as typed: what keeps them from being sent, or the request. Pure. */
import type { MessageKey } from '../../i18n/en.ts';

export interface ZoneNames {
  name: string;
  /** The Arabic name; empty for none. */
  nameAr: string;
}

/** What is wrong with the names typed: no English name left once trimmed, or both names as the zone has them. */
export function renameProblem(typed: ZoneNames, current: ZoneNames): MessageKey | null {
  if (typed.name.trim() === '') return 'zone.rename.empty';
  if (typed.name.trim() === current.name.trim() && typed.nameAr.trim() === current.nameAr.trim())
    return 'zone.rename.same';
  return null;
}

/** The request of PATCH /zones/{id}: both names, trimmed (an empty Arabic name removes it). */
export const renameBody = (typed: ZoneNames): { name: string; name_ar: string | null } => ({
  name: typed.name.trim(),
  name_ar: typed.nameAr.trim() || null,
});
