import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { actorForSide, knownActorNamed, sideActorCache, sideMembers, UCDP_ACTORS } from './ucdp-actors.ts';

const DEMO_YEAR = new URL('../../../data/ucdp-ged-syria-2016.csv.gz', import.meta.url);
const GED = new URL('../../../../shared/data/events/ucdp_ged_syria_20160101-20191130.csv', import.meta.url);

describe('actorForSide', () => {
  it.each([
    { ucdpId: 118, name: 'Government of Syria', id: 'sy-gov', kind: 'state', designated: false },
    { ucdpId: 57, name: 'Government of Russia (Soviet Union)', id: 'ru', kind: 'state', designated: false },
    { ucdpId: 3, name: 'Government of United States of America', id: 'us', kind: 'coalition', designated: false },
    { ucdpId: 115, name: 'Government of Turkey', id: 'tr', kind: 'state', designated: false },
    { ucdpId: 234, name: 'IS', id: 'isil', kind: 'armed_group', designated: true },
    { ucdpId: 1170, name: 'Jabhat Fateh al-Sham', id: 'nusra', kind: 'armed_group', designated: true },
    { ucdpId: 6815, name: 'HTS', id: 'hts', kind: 'armed_group', designated: true },
    { ucdpId: 769, name: 'al-Qaida', id: 'al-qaida', kind: 'armed_group', designated: true },
    { ucdpId: 4456, name: 'Syrian insurgents', id: 'syrian-insurgents', kind: 'armed_group', designated: false },
    { ucdpId: 6288, name: 'SDF', id: 'sdf', kind: 'armed_group', designated: false },
    { ucdpId: 366, name: 'Hezbollah', id: 'hezbollah', kind: 'armed_group', designated: false },
    // Not in the dictionary: UCDP's own id and name.
    { ucdpId: 6599, name: 'Hawar Kilis Operations Room', id: 'ucdp-6599', kind: 'armed_group', designated: false },
    { ucdpId: 999, name: 'Government of Atlantis', id: 'ucdp-999', kind: 'state', designated: false },
    // "Tahrir al- Sham Army" is a small southern faction, not Hay'at Tahrir al-Sham.
    { ucdpId: 6306, name: 'Tahrir al- Sham Army', id: 'ucdp-6306', kind: 'armed_group', designated: false },
    // Joint sides: one actor, designated when a member is.
    {
      ucdpId: 6389,
      name: 'Ahrar al-Sham, Jabhat Fateh al-Sham',
      id: 'ucdp-6389',
      kind: 'armed_group',
      designated: true,
    },
    { ucdpId: 7036, name: 'HTS, Southern Front', id: 'ucdp-7036', kind: 'armed_group', designated: true },
    {
      ucdpId: 7523,
      name: 'National Front for Liberation, SNA',
      id: 'ucdp-7523',
      kind: 'armed_group',
      designated: false,
    },
    {
      ucdpId: 7522,
      name: 'Ahrar al-Sham, Ajnad al-Kavkaz, ETIM, Sham Legion',
      id: 'ucdp-7522',
      kind: 'armed_group',
      designated: true,
    },
  ])('$name ($ucdpId) is $id', ({ ucdpId, name, id, kind, designated }) => {
    expect(actorForSide(ucdpId, name)).toMatchObject({ id, kind, designated });
  });

  it('finds a known actor by its UCDP name when the id is new', () => {
    expect(actorForSide(123456, 'Government of Syria').id).toBe('sy-gov');
  });

  it('keeps where the actor came from, and the members of a joint side', () => {
    expect(actorForSide(118, 'Government of Syria')).toMatchObject({
      name: 'Government of Syria',
      aliases: expect.arrayContaining(['SAA', 'Syrian Arab Army']),
      source: { ucdp_actor_id: 118, ucdp_name: 'Government of Syria' },
    });
    expect(actorForSide(6389, 'Ahrar al-Sham, Jabhat Fateh al-Sham')).toMatchObject({
      name: 'Ahrar al-Sham, Jabhat Fateh al-Sham',
      aliases: [],
      source: { ucdp_actor_id: 6389, members: ['Ahrar al-Sham', 'Jabhat Fateh al-Sham'] },
    });
  });

  it('names a side in Arabic: its own name, or its members joined when each has one; none otherwise', () => {
    expect(actorForSide(234, 'IS').nameAr).toBe('تنظيم الدولة الإسلامية');
    expect(actorForSide(3, 'Government of United States of America').nameAr).toBe(
      'التحالف الدولي بقيادة الولايات المتحدة',
    );
    expect(actorForSide(6599, 'Hawar Kilis Operations Room').nameAr).toBe('غرفة عمليات حوار كلس');
    expect(actorForSide(6389, 'Ahrar al-Sham, Jabhat Fateh al-Sham').nameAr).toBe('حركة أحرار الشام، جبهة فتح الشام');
    expect(actorForSide(999, 'Government of Atlantis')).not.toHaveProperty('nameAr');
    expect(actorForSide(7000, 'Ahrar al-Sham, Atlantis Brigade')).not.toHaveProperty('nameAr');
  });

  it('has an Arabic name for every side of the demo year (UCDP 2016)', () => {
    const rows = parse(gunzipSync(readFileSync(DEMO_YEAR)), { columns: true }) as Record<string, string>[];
    const sides = new Map(
      rows.flatMap((r) => [[r.side_a_new_id, r.side_a] as const, [r.side_b_new_id, r.side_b] as const]),
    );
    const unnamed = [...sides].filter(([id, name]) => actorForSide(Number(id), name!).nameAr === undefined);
    expect(unnamed).toEqual([]);
  });

  it('works each side out once per cache', () => {
    const actorFor = sideActorCache();
    expect(actorFor(118, 'Government of Syria')).toBe(actorFor(118, 'Government of Syria'));
  });
});

describe('the dictionary', () => {
  it('has unique ids, UCDP ids and UCDP names', () => {
    const ids = UCDP_ACTORS.map((a) => a.id);
    const ucdpIds = UCDP_ACTORS.flatMap((a) => a.ucdpIds);
    const names = UCDP_ACTORS.flatMap((a) => a.ucdpNames.map((n) => n.toLowerCase()));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ucdpIds).size).toBe(ucdpIds.length);
    expect(new Set(names).size).toBe(names.length);
  });

  it('designates exactly the groups on the UN Security Council list', () => {
    expect(
      UCDP_ACTORS.filter((a) => a.designated)
        .map((a) => a.id)
        .sort(),
    ).toEqual(['al-qaida', 'etim', 'hts', 'isil', 'nusra']);
  });

  it('matches names exactly, ignoring case and spaces around', () => {
    expect(knownActorNamed(' jabhat fateh al-sham ')?.id).toBe('nusra');
    expect(knownActorNamed('Jabhat Fateh')).toBeUndefined();
  });

  it('splits joint sides on commas', () => {
    expect(sideMembers('HTS, Southern Front, Syrian Liberation Front')).toEqual([
      'HTS',
      'Southern Front',
      'Syrian Liberation Front',
    ]);
    expect(sideMembers('Rahman Corps - “Abu al-Joud al-Arbini” faction')).toEqual([
      'Rahman Corps - “Abu al-Joud al-Arbini” faction',
    ]);
  });
});

describe('every side of the Syria file, 2016-2019', () => {
  const rows = parse(readFileSync(GED), { columns: true }) as Record<string, string>[];
  const sides = new Map<string, { ucdpId: number; name: string }>();
  for (const r of rows) {
    sides.set(`${r.side_a_new_id}|${r.side_a}`, { ucdpId: Number(r.side_a_new_id), name: r.side_a! });
    if (r.type_of_violence !== '3')
      sides.set(`${r.side_b_new_id}|${r.side_b}`, { ucdpId: Number(r.side_b_new_id), name: r.side_b! });
  }
  const actors = [...sides.values()].map((s) => ({ ...s, actor: actorForSide(s.ucdpId, s.name) }));

  it('maps each to one actor, one actor to each UCDP id', () => {
    expect(actors.length).toBe(93);
    const byUcdpId = new Map(actors.map((a) => [a.ucdpId, a.actor.id]));
    expect(byUcdpId.size).toBe(actors.length);
    expect(new Set(actors.map((a) => a.actor.id)).size).toBe(actors.length);
  });

  it('designates the sides with a designated group in them, and only those', () => {
    const designated = actors
      .filter((a) => a.actor.designated)
      .map((a) => a.name)
      .sort();
    expect(designated).toEqual([
      'Ahrar al-Sham, Ajnad al-Kavkaz, Ajnad al-Sham, ETIM, Jabhat Fateh al-Sham, Jaysh al-Sunna, Liwa al-Aqsa, Liwa al-Haq Idlib, Sham Legion, Suqour al-Sham Brigades',
      'Ahrar al-Sham, FSA, HTS, Jaysh al-Islam',
      'Ahrar al-Sham, FSA, Jabhat Fateh al-Sham, Jaysh al-Islam',
      'Ahrar al-Sham, HTS, Southern Front',
      'Ahrar al-Sham, Jabhat Fateh al-Sham',
      'Ahrar al-Sham, Jabhat Fateh al-Sham, Jaysh al-Islam, Jaysh Asoud al-Sharqiya, Martyr Lieutenant Ahmed Abdou Brigades, Rahman Corps',
      'Ahrar al-Sham, Jabhat Fateh al-Sham, Southern Front',
      'Aknaf Bait al-Maqdis, HTS, Jaysh al-Islam',
      'Aknaf Bait al-Maqdis, HTS, Jaysh al-Islam, Sons of Yarmouk Movement, Southern Front',
      'Aknaf Bait al-Maqdis, Jabhat Fateh al-Sham, Jaysh al-Islam, Sons of Yarmouk Movement, Southern Front',
      'FSA, Jabhat Fateh al-Sham, Jaysh al-Islam, Levant Front',
      'Fatah Halab, Jabhat Fateh al-Sham',
      'HTS',
      'HTS, Rahman Corps',
      'HTS, Southern Front',
      'HTS, Southern Front, Syrian Liberation Front',
      'IS',
      'Jabhat Fateh al-Sham',
      'Jabhat Fateh al-Sham, Rahman Corps',
      'al-Qaida',
    ]);
  });

  it('makes every "Government of" a state (or the coalition), and nothing else', () => {
    for (const { name, actor } of actors) {
      expect(actor.kind === 'state' || actor.kind === 'coalition', name).toBe(name.startsWith('Government of'));
    }
  });
});
