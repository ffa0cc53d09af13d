/**
 * Actors named in a text: by the registry's names, Arabic names and aliases, and by the ways
 * reports write them (`TEXT_ALIASES`: "government forces", "Russian warplanes", "قوات النظام",
 * "داعش"). An acronym (SDF, IS) counts only in capitals. Pure.
 */
import type { Actor } from '../../domain/model.ts';
import { PhraseDictionary, type Span, spanOf, type Token } from './text-tokens.ts';

export interface FoundActor {
  id: string;
  name: string;
  span: Span;
  /** Token index range, to tell who acted. */
  from: number;
  to: number;
}

/** How reports name the registry's actors beyond its aliases, English and Arabic, by actor id. */
export const TEXT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'sy-gov': [
    'Syrian Army',
    'Syrian army',
    'the army',
    'the Army',
    'the military',
    'government forces',
    'government troops',
    'pro-government forces',
    'Syrian government',
    'Syrian government troops',
    'Syrian government forces',
    'Syrian Air Force',
    'Syrian warplanes',
    'the government',
    'regime',
    'Assad forces',
    'loyalist forces',
    'Tiger Forces',
    'الجيش السوري',
    'الجيش العربي السوري',
    'قوات النظام',
    'النظام السوري',
    'قوات الحكومة',
    'القوات الحكومية',
    'قوات الحكومة السورية',
    'الحكومة السورية',
    'الطيران السوري',
    'جيش النظام',
    'الطائرات السورية',
  ],
  ru: [
    'Russian',
    'Russian warplanes',
    'Russian jets',
    'Russian Air Force',
    'Russian aircraft',
    'Russian forces',
    'Russians',
    'روسيا',
    'الطيران الروسي',
    'الطائرات الروسية',
    'القوات الروسية',
    'الروسي',
    'الروسية',
    'الحكومة الروسية',
  ],
  us: [
    'US-led coalition',
    'U.S.-led coalition',
    'the coalition',
    'American',
    'التحالف الدولي',
    'التحالف',
    'الولايات المتحدة',
    'الأمريكي',
    'الأمريكية',
  ],
  tr: ['Turkish', 'Turkish army', 'Turkish forces', 'تركيا', 'الجيش التركي', 'القوات التركية', 'التركي', 'التركية'],
  ir: ['Iranian', 'Iranian forces', 'إيران', 'الإيرانية', 'الحرس الثوري'],
  isil: [
    'Islamic State',
    'ISIL',
    'ISIS',
    'IS',
    'Daesh',
    'Islamic State of Iraq and the Levant',
    'داعش',
    'تنظيم داعش',
    'تنظيم الدولة',
    'تنظيم الدولة الإسلامية',
    'الدولة الإسلامية',
  ],
  nusra: [
    'al-Nusra',
    'Nusra Front',
    'al-Nusra Front',
    'Jabhat Fatah al-Sham',
    'Jabhat Fateh al-Sham',
    'JFS',
    'جبهة النصرة',
    'النصرة',
    'جبهة فتح الشام',
  ],
  hts: ['هيئة تحرير الشام'],
  'syrian-insurgents': [
    'rebels',
    'rebel',
    'rebel forces',
    'rebel groups',
    'opposition forces',
    'armed opposition',
    'Free Syrian Army',
    'FSA',
    'insurgents',
    'المعارضة',
    'فصائل المعارضة',
    'المعارضة المسلحة',
    'الفصائل المعارضة',
    'الجيش السوري الحر',
    'الجيش الحر',
    'الفصائل',
    'المسلحين',
  ],
  sdf: [
    'Syrian Democratic Forces',
    'Kurdish forces',
    'Kurdish-led',
    'YPG',
    'قوات سوريا الديمقراطية',
    'قسد',
    'وحدات حماية الشعب',
    'الوحدات الكردية',
  ],
  'ahrar-al-sham': ['Ahrar ash-Sham', 'أحرار الشام', 'حركة أحرار الشام'],
  'jaysh-al-islam': ['Jaish al-Islam', 'Army of Islam', 'جيش الإسلام'],
  'faylaq-al-rahman': ['Faylaq al-Rahman', 'فيلق الرحمن'],
  hezbollah: ['Hezbollah', 'Hizbollah', 'حزب الله'],
};

const ACRONYM = /^[A-Z][A-Z.]{0,5}$/;

interface Entry {
  actor: Actor;
  /** Written so only (an acronym). */
  exact: string | null;
}

export class TextActors {
  readonly #dictionary = new PhraseDictionary<Entry>();

  constructor(actors: readonly Actor[]) {
    for (const actor of actors) {
      const names = [
        actor.name,
        ...(actor.nameAr ? [actor.nameAr] : []),
        ...actor.aliases,
        ...(TEXT_ALIASES[actor.id] ?? []),
      ];
      for (const n of new Set(names)) this.#dictionary.add(n, { actor, exact: ACRONYM.test(n) ? n : null });
    }
  }

  find(text: string, tokens: readonly Token[]): FoundActor[] {
    const found: FoundActor[] = [];
    for (const m of this.#dictionary.match(tokens, (m) => m.value.some((e) => fits(e, text, m.start, m.end)))) {
      const e = m.value.find((x) => fits(x, text, m.start, m.end))!;
      found.push({ id: e.actor.id, name: e.actor.name, span: spanOf(text, m.start, m.end), from: m.from, to: m.to });
    }
    return found;
  }
}

function fits(e: Entry, text: string, start: number, end: number): boolean {
  return e.exact === null || text.slice(start, end) === e.exact;
}
