/**
 * What a local agreement's pages say of it, pure: the people an evacuation moved (by category, or
 * the whole when a source gives only that), the places in the reader's language, and the holders
 * of the zone before and after the change of control that followed.
 */
export interface People {
  fighters: number | null;
  civilians: number | null;
  wounded: number | null;
  total: number | null;
}

/** Everyone moved: the total when given, else the sum of the categories known; null when nothing is. */
export function peopleMoved(p: People): number | null {
  if (p.total !== null) return p.total;
  const known = [p.fighters, p.civilians, p.wounded].filter((n): n is number => n !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

export const placeName = (lang: 'en' | 'ar', p: { name: string; name_ar: string | null }): string =>
  lang === 'ar' && p.name_ar ? p.name_ar : p.name;

interface ControlEntry {
  actors: string[];
  from: string;
}

/** The zone's holders just before the change at `at`, and from it; null when the zone has no entry starting then. */
export function controlChange(
  control: readonly ControlEntry[],
  at: string,
): { before: string[] | null; after: string[] } | null {
  const t = Date.parse(at);
  const sorted = [...control].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  const i = sorted.findIndex((c) => Date.parse(c.from) === t);
  if (i < 0) return null;
  return { before: i > 0 ? sorted[i - 1]!.actors : null, after: sorted[i]!.actors };
}
