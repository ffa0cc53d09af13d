/**
 * The names of the world's records in the reader's language. Actors, organizations and zones
 * have a `name` and may have a `name_ar`; agreements a `title` and may have a `title_ar`. An
 * Arabic page reads the Arabic one where there is one, else the English one; an English page
 * reads the English one.
 */
import type { Lang } from './format.ts';

export interface NamedRecord {
  id: string;
  name: string;
  name_ar?: string | null;
}

export interface TitledRecord {
  id: string;
  title: string;
  title_ar?: string | null;
}

/** The Arabic on an Arabic page when there is one, else the English. */
export const localName = (lang: Lang, english: string, arabic: string | null | undefined): string =>
  lang === 'ar' && arabic ? arabic : english;

/** An actor's, an organization's or a zone's name. */
export const nameIn = (lang: Lang, r: { name: string; name_ar?: string | null }): string =>
  localName(lang, r.name, r.name_ar);

/** An agreement's title; its id when it has none. */
export const titleIn = (lang: Lang, g: TitledRecord): string => localName(lang, g.title || g.id, g.title_ar);

/** The names the pages look up by id (api/world.tsx); undefined for an id the reader has no record of. */
export interface NameLookup {
  actor(id: string): string | undefined;
  agreement(id: string): string | undefined;
  organization(id: string): string | undefined;
  zone(id: string): string | undefined;
}

export function nameLookup(
  lang: Lang,
  world: {
    actors: readonly NamedRecord[];
    agreements: readonly TitledRecord[];
    organizations: readonly NamedRecord[];
    zones: readonly NamedRecord[];
  },
): NameLookup {
  const byId = <T extends { id: string }>(records: readonly T[], name: (r: T) => string) => {
    const names = new Map(records.map((r) => [r.id, name(r)]));
    return (id: string) => names.get(id);
  };
  const named = (r: NamedRecord) => nameIn(lang, r);
  return {
    actor: byId(world.actors, named),
    agreement: byId(world.agreements, (g) => titleIn(lang, g)),
    organization: byId(world.organizations, named),
    zone: byId(world.zones, named),
  };
}

/** Records in the order of their names as the reader reads them. */
export function sortedByName<T extends { name: string; name_ar?: string | null }>(
  lang: Lang,
  records: readonly T[],
): T[] {
  const collator = new Intl.Collator(lang === 'ar' ? 'ar' : 'en-GB');
  return records
    .map((r) => ({ r, name: nameIn(lang, r) }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((x) => x.r);
}
