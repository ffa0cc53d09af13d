/**
 * The actors a file names, by name (ACLED's `actor1`, HXL's `#group+name+perpetrator`) or by id
 * (HXL's `#group+code+perpetrator`, which Truce's own export writes): an actor stored already, by
 * its id, name, Arabic name or an alias (ignoring case, a trailing "(2000-)" or "(Syria)", and
 * ACLED's "Military Forces of X", read as "Government of X"); else one of the UCDP dictionary's
 * (ucdp-actors.ts: `sy-gov`, `isil`, ...); else a new actor `<source>-<name as a slug>`. ACLED's
 * unidentified groups name no one. Each name is worked out once per import.
 */
import type { Actor, ActorKind } from '../../domain/model.ts';
import { knownActorNamed, UCDP_ACTORS } from '../ucdp/ucdp-actors.ts';

export interface ActorNames {
  /** The actor a name stands for; null for an unidentified one. `kind` is used for a new actor. */
  named(name: string, kind?: ActorKind): Actor | null;
  /** The actor of an id: stored, else new under that id and the name given. */
  coded(id: string, name: string | null): Actor;
}

const UNIDENTIFIED = /^unidentified\b|^unknown\b/i;

/** The forms of a name to look up, most exact first. */
function formsOf(name: string): string[] {
  const plain = name.toLowerCase().replace(/\s+/g, ' ').trim();
  const bare = plain.replace(/\s*\([^)]*\)/g, '').trim();
  const forms = [plain, bare];
  const military = /^military forces of (?:the )?(.+)$/.exec(bare);
  if (military) forms.push(`government of ${military[1]}`, `government of the ${military[1]}`, military[1]!);
  const colon = bare.indexOf(': ');
  if (colon > 0) forms.push(bare.slice(colon + 2), bare.slice(0, colon));
  return forms;
}

const slug = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

export function actorNames(stored: readonly Actor[], source: string): ActorNames {
  const byId = new Map<string, Actor>(stored.map((a) => [a.id, a]));
  const byName = new Map<string, Actor>();
  const index = (a: Actor) => {
    for (const n of [a.name, a.nameAr, ...a.aliases]) {
      const key = n?.toLowerCase().trim();
      if (key && !byName.has(key)) byName.set(key, a);
    }
  };
  stored.forEach(index);
  const strip = (k: (typeof UCDP_ACTORS)[number]): Actor => ({
    id: k.id,
    name: k.name,
    kind: k.kind,
    aliases: k.aliases,
    designated: k.designated,
  });
  for (const k of UCDP_ACTORS) if (!byId.has(k.id)) index(strip(k));
  const remembered = new Map<string, Actor | null>();

  const find = (name: string): Actor | undefined => {
    for (const form of formsOf(name)) {
      const a = byName.get(form);
      if (a) return byId.get(a.id) ?? a;
      const known = knownActorNamed(form);
      if (known) return byId.get(known.id) ?? strip(known);
    }
    return undefined;
  };

  return {
    named(name, kind = 'armed_group') {
      const key = name.trim();
      if (remembered.has(key)) return remembered.get(key)!;
      let actor: Actor | null;
      if (key === '' || UNIDENTIFIED.test(key)) actor = null;
      else {
        actor = find(key) ?? null;
        if (!actor) {
          const id = `${source}-${slug(key) || 'actor'}`;
          actor = byId.get(id) ?? { id, name: key, kind, aliases: [], designated: false };
          byId.set(id, actor);
          index(actor);
        }
      }
      remembered.set(key, actor);
      return actor;
    },
    coded(id, name) {
      const found = byId.get(id);
      if (found) return found;
      const known = UCDP_ACTORS.find((k) => k.id === id);
      const actor: Actor = known
        ? strip(known)
        : {
            id,
            name: name?.trim() || id,
            kind: 'armed_group',
            aliases: [],
            designated: false,
          };
      byId.set(id, actor);
      index(actor);
      return actor;
    },
  };
}
