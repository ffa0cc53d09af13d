/** A zone's new name as typed: what keeps it from being sent, or the request. Pure. */
import type { MessageKey } from '../../i18n/en.ts';

/** What is wrong with the name typed: nothing left once trimmed, or the name the zone has. */
export function renameProblem(typed: string, current: string): MessageKey | null {
  const name = typed.trim();
  if (name === '') return 'zone.rename.empty';
  if (name === current.trim()) return 'zone.rename.same';
  return null;
}

/** The request of PATCH /zones/{id}. */
export const renameBody = (typed: string): { name: string } => ({ name: typed.trim() });
