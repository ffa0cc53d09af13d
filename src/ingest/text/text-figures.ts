/**
 * What was done and to how many, in a sentence: the act (the project's enumeration: air strike,
 * shelling, ...) by its words, and casualty figures, killed and injured, with low and high when
 * the text gives a bound or a range ("at least 12", "between 10 and 15", "ما لا يقل عن ١٢",
 * "خمسة"). Rules as data. Pure.
 */
import type { Act } from '../../domain/model.ts';
import { type Span, spanOf } from './text-tokens.ts';

export interface FoundAct {
  act: Act;
  span: Span;
}

export interface Figure {
  low: number | null;
  best: number | null;
  high: number | null;
  span: Span;
}

export interface FoundCasualties {
  killed: Figure | null;
  injured: Figure | null;
}

/** The act's words, most specific first: the first act whose words the sentence holds wins. */
const ACT_WORDS: ReadonlyArray<readonly [Act, RegExp]> = [
  ['atgm', /\b(?:ATGMs?|anti-tank (?:guided )?missiles?|TOW missiles?)\b|صواريخ? مضاد(?:ه|ة)? لل?دروع/giu],
  ['missile', /\b(?:(?:ballistic |cruise |surface-to-surface )?missiles?)\b|صواريخ|صاروخ(?:ا|ين)?/giu],
  [
    'air_strike',
    /\b(?:air[- ]?strikes?|air[- ]?raids?|airstrikes?|aerial (?:bombardment|attacks?)|barrel bombs?|warplanes?|war ?planes|helicopters? dropped|jets? (?:struck|bombed|hit)|bombed)\b|غار(?:ه|ة|ات)(?: جوي(?:ه|ة))?|قصف (?:جوي|بالطيران)|براميل متفجر(?:ه|ة)|برميل متفجر|الطيران الحربي|طائرات حربي(?:ه|ة)|الطائرات الحربي(?:ه|ة)/giu,
  ],
  [
    'shelling',
    /\b(?:shell(?:ing|ed|s)|artillery|mortars?|rockets?|bombardment|bombarded|Grad)\b|قصف(?:ت)?(?: مدفعي)?|قذائف|قذيف(?:ه|ة)|هاون|المدفعي(?:ه|ة)|راجمات/giu,
  ],
  [
    'small_arms',
    /\b(?:snipers?|sniper fire|gunfire|gunmen|shot dead|opened fire|machine[- ]guns?)\b|قناص|القنص|رصاص|إطلاق النار|اطلاق النار/giu,
  ],
  [
    'territory_seizure',
    /\b(?:captured|recaptured|seized|took control|taken control|overran|retook|regained control)\b|سيطر(?:ت|وا)?|السيطر(?:ه|ة) على|استعاد(?:ت)?|تقدم(?:ت)?/giu,
  ],
  [
    'ground_assault',
    /\b(?:offensive|assault(?:ed)?|attack(?:ed|s)?|stormed|clashes|fighting|counter-attack|advance[sd]?|ambush(?:ed)?)\b|هجوم|هاجم(?:ت)?|اقتحام|اقتحم(?:ت)?|اشتباكات|معارك|كمين/giu,
  ],
  [
    'access_denial',
    /\b(?:blocked (?:an? )?(?:aid|convoy)|denied access|aid convoy was (?:stopped|blocked)|besieged|siege)\b|منع(?:ت)? دخول|حصار|المحاصر(?:ه|ة)/giu,
  ],
  ['arrest', /\b(?:arrested|detained|abducted|kidnapped|arrests)\b|اعتقال|اعتقل(?:ت)?|اختطاف|اختطف(?:ت)?|احتجاز/giu],
];

export function findAct(sentence: string, offset: number, text: string): FoundAct | null {
  for (const [act, words] of ACT_WORDS) {
    words.lastIndex = 0;
    const m = words.exec(sentence);
    if (m) return { act, span: spanOf(text, offset + m.index, offset + m.index + m[0].length) };
  }
  return null;
}

const WORDS_EN: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  'a dozen': 12,
  dozens: 24,
  hundreds: 200,
  scores: 40,
};
// Folded (ta marbuta as ha, bare alef), masculine and feminine forms.
const WORDS_AR: Readonly<Record<string, number>> = {
  واحد: 1,
  شخص: 1,
  اثنان: 2,
  اثنين: 2,
  ثلاثه: 3,
  ثلاث: 3,
  اربعه: 4,
  اربع: 4,
  خمسه: 5,
  خمس: 5,
  سته: 6,
  ست: 6,
  سبعه: 7,
  سبع: 7,
  ثمانيه: 8,
  ثماني: 8,
  تسعه: 9,
  تسع: 9,
  عشره: 10,
  عشر: 10,
  'احد عشر': 11,
  'اثنا عشر': 12,
  عشرين: 20,
  عشرون: 20,
  ثلاثين: 30,
  اربعين: 40,
  خمسين: 50,
  عشرات: 20,
  مئات: 200,
};

const NUM_EN = `(\\d[\\d,]*|${Object.keys(WORDS_EN).join('|')})`;
const NUM_AR = `(\\d+|${Object.keys(WORDS_AR)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

const QUAL_EN = '(at least|more than|over|up to|as many as|about|around|nearly|almost|approximately|some|some)?\\s*';
const QUAL_AR = '(ما لا يقل عن|لا يقل عن|اكثر من|نحو|حوالي|قرابه|زهاء|ما يزيد عن|ما يصل الى)?\\s*';

const KILLED_EN = /^(?:killed|dead|died|deaths?|killing|lives)$/i;
const RULES: ReadonlyArray<{ pattern: RegExp; kindAt: 'before' | 'after'; arabic: boolean }> = [
  // killing at least 12; wounding between 10 and 15
  {
    pattern: new RegExp(
      `\\b(killing|killed|wounding|injuring|deaths of|death toll (?:rose |climbed )?to|leaving|left)\\s+${QUAL_EN}(?:between\\s+${NUM_EN}\\s+and\\s+${NUM_EN}|${NUM_EN}(?:\\s*(?:-|–|to)\\s*${NUM_EN})?)(?:\\s+[a-z-]+){0,2}?(?:\\s+(dead|injured|wounded))?\\b`,
      'giu',
    ),
    kindAt: 'before',
    arabic: false,
  },
  // at least 12 civilians were killed; between 10 and 15 people wounded; 12 dead
  {
    pattern: new RegExp(
      `\\b${QUAL_EN}(?:between\\s+${NUM_EN}\\s+and\\s+${NUM_EN}|${NUM_EN}(?:\\s*(?:-|–|to)\\s*${NUM_EN})?)(?:\\s+(?!killed|dead|injured|wounded|were|was)[a-z-]+){0,3}?\\s+(?:(?:were|was|have been|had been|are|reportedly)\\s+)?(killed|dead|died|injured|wounded|hurt)\\b`,
      'giu',
    ),
    kindAt: 'after',
    arabic: false,
  },
  // مقتل ما لا يقل عن ١٢ مدنيا; إصابة بين 10 و15
  {
    pattern: new RegExp(
      `(مقتل|قتل|سقوط|استشهاد|وفاه|اصابه|جرح)\\s+${QUAL_AR}(?:بين\\s+${NUM_AR}\\s+و\\s*${NUM_AR}|${NUM_AR})`,
      'gu',
    ),
    kindAt: 'before',
    arabic: true,
  },
  // 12 قتيلا; خمسة جرحى
  {
    pattern: new RegExp(
      `${QUAL_AR}(?:بين\\s+${NUM_AR}\\s+و\\s*${NUM_AR}|${NUM_AR})\\s+(?:[\\u0621-\\u064A]+\\s+)?(قتيلا|قتلي|قتيل|شهيدا|شهداء|جريحا|جرحي|مصابا|مصابين|اصابات)`,
      'gu',
    ),
    kindAt: 'after',
    arabic: true,
  },
];

/**
 * The sentence folded for the rules (alef forms bare, ta marbuta as ha, alef maqsura as ya,
 * Arabic-Indic digits western, diacritics and tatweel dropped), with where each folded character
 * was in the sentence.
 */
function folded(s: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (/[\u064B-\u065F\u0670\u0640]/.test(ch)) continue;
    const code = ch.charCodeAt(0);
    text +=
      code >= 0x660 && code <= 0x669
        ? String(code - 0x660)
        : ch.replace(/[أإآ]/, 'ا').replace('ة', 'ه').replace('ى', 'ي');
    at.push(i);
  }
  at.push(s.length);
  return { text, at };
}

const value = (s: string | undefined, arabic: boolean): number | null => {
  if (s === undefined) return null;
  if (/^\d/.test(s)) return Number(s.replace(/,/g, ''));
  return (arabic ? WORDS_AR[s] : WORDS_EN[s.toLowerCase()]) ?? null;
};

const INJURED = /^(?:wounding|injuring|injured|wounded|hurt|اصابه|جرح|جريحا|جرحي|مصابا|مصابين|اصابات)$/i;

export function findCasualties(sentence: string, offset: number, text: string): FoundCasualties {
  const { text: s, at } = folded(sentence);
  const result: FoundCasualties = { killed: null, injured: null };
  const taken: Array<[number, number]> = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(s); m; m = rule.pattern.exec(s)) {
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (taken.some(([a, b]) => start < b && a < end)) continue;
      const g = m.slice(1);
      let kindWord: string;
      let qual: string | undefined;
      let nums: Array<string | undefined>;
      if (rule.kindAt === 'before') {
        kindWord = g[0]!;
        qual = g[1];
        nums = g.slice(2, 6);
        // "leaving 12 dead": the word after tells.
        if (/^(?:leaving|left)$/i.test(kindWord)) {
          if (!g[6]) continue;
          kindWord = g[6];
        }
        if (!rule.arabic && g[6]) kindWord = g[6];
      } else {
        qual = g[0];
        nums = g.slice(1, rule.arabic ? 4 : 5);
        kindWord = g[rule.arabic ? 4 : 5]!;
      }
      const [a, b, c, d] = nums.map((n) => value(n, rule.arabic));
      const low0 = a ?? c ?? null;
      const high0 = b ?? d ?? null;
      if (low0 === null || (low0 >= 1900 && low0 <= 2100 && high0 === null)) continue;
      let figure: Omit<Figure, 'span'>;
      const q = (qual ?? '').toLowerCase();
      if (high0 !== null) figure = { low: low0, best: null, high: high0 };
      else if (/at least|لا يقل/.test(q) || /^(?:dozens|hundreds|scores|عشرات|مئات)$/.test(nums.find(Boolean) ?? ''))
        figure = { low: low0, best: null, high: null };
      else if (/more than|over|اكثر من|يزيد/.test(q)) figure = { low: low0 + 1, best: null, high: null };
      else if (/up to|as many as|يصل/.test(q)) figure = { low: null, best: null, high: low0 };
      else figure = { low: low0, best: low0, high: low0 };
      const kind = INJURED.test(kindWord) ? 'injured' : KILLED_EN.test(kindWord) || rule.arabic ? 'killed' : null;
      if (kind === null || result[kind] !== null) continue;
      taken.push([start, end]);
      result[kind] = { ...figure, span: spanOf(text, offset + at[start]!, offset + at[end - 1]! + 1) };
    }
  }
  return result;
}
