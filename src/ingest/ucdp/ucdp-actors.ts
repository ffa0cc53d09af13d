/**
 * UCDP's side names as actors. A dictionary names the actors that matter to a Syrian truce with
 * the ids the rest of Truce uses (`sy-gov`, `isil`, `nusra` ...), their aliases, and whether the
 * UN Security Council designated them (excluded from every truce). A side that is not in the
 * dictionary becomes `ucdp-<side_new_id>` under UCDP's own name. A joint side ("Ahrar al-Sham,
 * Jabhat Fateh al-Sham") is one actor, designated when any of its members is. docs/ucdp-mapping.md
 * gives the reasons.
 */
import type { Actor, ActorKind } from '../../domain/model.ts';
import { arabicNameOf } from './ucdp-names-ar.ts';

export interface KnownActor extends Actor {
  /** UCDP's actor ids (side_a_new_id, side_b_new_id) for this actor. */
  ucdpIds: number[];
  /** UCDP's names for it, also as members of joint sides. */
  ucdpNames: string[];
}

const known = (
  id: string,
  name: string,
  kind: ActorKind,
  ucdp: { ids?: number[]; names: string[] },
  aliases: string[] = [],
  designated = false,
): KnownActor => ({ id, name, kind, aliases, designated, ucdpIds: ucdp.ids ?? [], ucdpNames: ucdp.names });

export const UCDP_ACTORS: readonly KnownActor[] = [
  // States and the coalition.
  known('sy-gov', 'Government of Syria', 'state', { ids: [118], names: ['Government of Syria'] }, [
    'SAA',
    'Syrian Arab Army',
    'Syrian government forces',
    'regime forces',
  ]),
  known(
    'ru',
    'Government of Russia',
    'state',
    { names: ['Government of Russia (Soviet Union)', 'Government of Russia'] },
    ['Russia', 'Russian Armed Forces', 'Russian Aerospace Forces'],
  ),
  known('us', 'US-led coalition', 'coalition', { ids: [3], names: ['Government of United States of America'] }, [
    'Government of United States of America',
    'United States',
    'USA',
    'CJTF-OIR',
    'International Coalition',
  ]),
  known('tr', 'Government of Turkey', 'state', { ids: [115], names: ['Government of Turkey'] }, [
    'Turkey',
    'Turkish Armed Forces',
  ]),
  known('iq', 'Government of Iraq', 'state', { ids: [116], names: ['Government of Iraq'] }, ['Iraq']),
  known('ir', 'Government of Iran', 'state', { ids: [114], names: ['Government of Iran'] }, ['Iran', 'IRGC']),
  known('il', 'Government of Israel', 'state', { ids: [121], names: ['Government of Israel'] }, ['Israel', 'IDF']),
  known('jo', 'Government of Jordan', 'state', { ids: [120], names: ['Government of Jordan'] }, ['Jordan']),

  // Designated by the UN Security Council (the ISIL (Da'esh) and Al-Qaida sanctions list).
  known('isil', 'Islamic State', 'armed_group', { ids: [234], names: ['IS'] }, ['IS', 'ISIL', 'ISIS', 'Daesh'], true),
  known(
    'nusra',
    'Jabhat Fateh al-Sham',
    'armed_group',
    { ids: [1170], names: ['Jabhat Fateh al-Sham', 'Jabhat al-Nusra'] },
    ['JFS', 'Jabhat al-Nusra', 'al-Nusra Front', 'Nusra'],
    true,
  ),
  known(
    'hts',
    "Hay'at Tahrir al-Sham",
    'armed_group',
    { ids: [6815], names: ['HTS', "Hay'at Tahrir al-Sham"] },
    ['HTS', 'Tahrir al-Sham', 'Hayat Tahrir al-Sham'],
    true,
  ),
  known('al-qaida', 'al-Qaida', 'armed_group', { ids: [769], names: ['al-Qaida'] }, ['al-Qaeda'], true),
  known(
    'etim',
    'ETIM',
    'armed_group',
    { names: ['ETIM'] },
    ['Eastern Turkistan Islamic Movement', 'Turkistan Islamic Party'],
    true,
  ),

  // Armed groups a truce can bind: not designated.
  known('syrian-insurgents', 'Syrian insurgents', 'armed_group', { ids: [4456], names: ['Syrian insurgents'] }, [
    'Syrian opposition',
    'rebels',
  ]),
  known('sdf', 'Syrian Democratic Forces', 'armed_group', { ids: [6288], names: ['SDF'] }, [
    'SDF',
    'YPG',
    'YPJ',
    'PYD',
  ]),
  known('sna', 'Syrian National Army', 'armed_group', { ids: [7514], names: ['SNA'] }, [
    'SNA',
    'Turkish-backed factions',
  ]),
  known(
    'nfl',
    'National Front for Liberation',
    'armed_group',
    { ids: [7128], names: ['National Front for Liberation'] },
    ['NFL'],
  ),
  known('ahrar-al-sham', 'Ahrar al-Sham', 'armed_group', { ids: [5554], names: ['Ahrar al-Sham'] }),
  known('jaysh-al-islam', 'Jaysh al-Islam', 'armed_group', { ids: [6377], names: ['Jaysh al-Islam'] }),
  known('faylaq-al-rahman', 'Rahman Corps', 'armed_group', { ids: [6391], names: ['Rahman Corps'] }, [
    'Faylaq al-Rahman',
  ]),
  known('hezbollah', 'Hezbollah', 'armed_group', { ids: [366], names: ['Hezbollah'] }, ['Hizbullah']),
  known('pkk', 'PKK', 'armed_group', { ids: [323], names: ['PKK'] }, ["Kurdistan Workers' Party"]),
];

/** An actor as the import stores it, with where it came from. */
export interface SideActor extends Actor {
  source: { ucdp_actor_id: number; ucdp_name: string; members?: string[] };
}

const byId = new Map<number, KnownActor>();
const byName = new Map<string, KnownActor>();
for (const a of UCDP_ACTORS) {
  for (const id of a.ucdpIds) byId.set(id, a);
  for (const name of a.ucdpNames) byName.set(name.toLowerCase(), a);
}

/** The known actor a UCDP name stands for, matched exactly (ignoring case), or undefined. */
export function knownActorNamed(name: string): KnownActor | undefined {
  return byName.get(name.trim().toLowerCase());
}

/** The members of a joint side: UCDP separates them with ", ". */
export function sideMembers(name: string): string[] {
  return name
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const strip = ({ ucdpIds: _ids, ucdpNames: _names, ...actor }: KnownActor): Actor => actor;

/** `nameAr` when the names have an Arabic one (ucdp-names-ar.ts). */
const arabic = (names: readonly string[]): { nameAr?: string } => {
  const nameAr = arabicNameOf(names);
  return nameAr === undefined ? {} : { nameAr };
};

/** The actor for one side of a UCDP row: by UCDP id, then by name, else `ucdp-<id>`. */
export function actorForSide(ucdpId: number, name: string): SideActor {
  const source = { ucdp_actor_id: ucdpId, ucdp_name: name };
  const entry = byId.get(ucdpId) ?? knownActorNamed(name);
  if (entry) return { ...strip(entry), ...arabic(entry.ucdpNames.slice(0, 1)), source };
  const members = sideMembers(name);
  const base = {
    id: `ucdp-${ucdpId}`,
    name,
    ...arabic(members),
    kind: (name.startsWith('Government of') ? 'state' : 'armed_group') as ActorKind,
    aliases: [],
    designated: members.some((m) => knownActorNamed(m)?.designated === true),
  };
  return members.length > 1 ? { ...base, source: { ...source, members } } : { ...base, source };
}

/** Remembers the actor of each (UCDP id, name), so each side is worked out once per import. */
export function sideActorCache(): (ucdpId: number, name: string) => SideActor {
  const cache = new Map<string, SideActor>();
  return (ucdpId, name) => {
    const key = `${ucdpId}\u0000${name}`;
    let actor = cache.get(key);
    if (!actor) cache.set(key, (actor = actorForSide(ucdpId, name)));
    return actor;
  };
}
