/**
 * Words of a text with where they are, folded so that spellings meet: in Latin letters lower case,
 * marks and apostrophes dropped, doubled letters single, the article's assimilated forms ("ar-",
 * "ad-", "el-") read as "al"; in Arabic letters, diacritics and tatweel dropped, alef forms as a
 * bare alef, ta marbuta as ha, alef maqsura as ya (as the search does, migration 010). A phrase
 * dictionary matches the longest run of folded words. Pure.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Token {
  /** The word as written. */
  raw: string;
  /** Folded (see above). */
  key: string;
  start: number;
  end: number;
  arabic: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}'’ʿʾ`]+/gu;
const ARABIC_LETTER = /[\u0600-\u06FF]/;
const ARTICLES = new Set([
  'el',
  'ad',
  'ar',
  'as',
  'at',
  'az',
  'an',
  'ash',
  'adh',
  'ath',
  'ed',
  'er',
  'es',
  'et',
  'ez',
  'en',
  'esh',
]);

/** Arabic-Indic and Persian digits as ASCII digits. */
export function westernDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

export function foldArabic(word: string): string {
  return westernDigits(word)
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي');
}

export function foldLatin(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’ʿʾ`]/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/(?<=[a-z]{3})[ae]h$/, 'a');
}

export function fold(word: string): string {
  return ARABIC_LETTER.test(word) ? foldArabic(word) : foldLatin(word);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/^['’ʿʾ`]+|['’ʿʾ`]+$/g, '');
    if (raw === '') continue;
    const start = m.index + m[0].indexOf(raw);
    tokens.push({ raw, key: fold(raw), start, end: start + raw.length, arabic: ARABIC_LETTER.test(raw) });
  }
  return tokens;
}

/** The folded keys of a phrase, the article's forms as "al" when a word follows. */
export function phraseKeys(phrase: string): string[] {
  const keys = tokenize(phrase).map((t) => t.key);
  return keys.map((k, i) => (i < keys.length - 1 && ARTICLES.has(k) ? 'al' : k));
}

export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Arabic letters a word may carry in front of a name: and, so, in/by, to/for, as. */
const ARABIC_PREFIXES = ['وب', 'ول', 'فب', 'فل', 'و', 'ف', 'ب', 'ل', 'ك'];

export interface PhraseMatch<T> {
  value: T;
  /** Tokens [from, to). */
  from: number;
  to: number;
  /** Characters of the name itself (an Arabic prefix letter left out). */
  start: number;
  end: number;
}

/**
 * Folded phrases to values; `match` walks the tokens and takes, at each word, the longest phrase
 * that starts there. An Arabic word may carry a prefix letter ("بحلب", "وداعش", "للرقة").
 */
export class PhraseDictionary<T> {
  readonly #phrases = new Map<string, T[]>();
  #longest = 1;

  add(phrase: string, value: T): void {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return;
    this.#longest = Math.max(this.#longest, keys.length);
    const key = keys.join(' ');
    const list = this.#phrases.get(key);
    if (!list) this.#phrases.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  }

  /** Every value of the longest phrase at each position; `accept` may refuse a match (case, context). */
  match(tokens: readonly Token[], accept: (m: PhraseMatch<T[]>) => boolean = () => true): Array<PhraseMatch<T[]>> {
    const found: Array<PhraseMatch<T[]>> = [];
    for (let i = 0; i < tokens.length;) {
      const m = this.#longestAt(tokens, i, accept);
      if (m) {
        found.push(m);
        i = m.to;
      } else i++;
    }
    return found;
  }

  #longestAt(tokens: readonly Token[], i: number, accept: (m: PhraseMatch<T[]>) => boolean): PhraseMatch<T[]> | null {
    const first = tokens[i]!;
    const heads: Array<{ key: string; cut: number }> = [{ key: articleOf(tokens, i), cut: 0 }];
    if (first.arabic) {
      if (first.key.startsWith('لل') && first.key.length > 3) heads.push({ key: `ال${first.key.slice(2)}`, cut: 0 });
      for (const p of ARABIC_PREFIXES)
        if (first.key.startsWith(p) && first.key.length - p.length >= 2)
          heads.push({ key: first.key.slice(p.length), cut: p.length });
    }
    for (const head of heads) {
      for (let n = Math.min(this.#longest, tokens.length - i); n >= 1; n--) {
        const keys = [head.key];
        for (let j = i + 1; j < i + n; j++) keys.push(articleOf(tokens, j));
        const values = this.#phrases.get(keys.join(' '));
        if (!values) continue;
        const m = { value: values, from: i, to: i + n, start: first.start + head.cut, end: tokens[i + n - 1]!.end };
        if (accept(m)) return m;
      }
    }
    return null;
  }
}

function articleOf(tokens: readonly Token[], i: number): string {
  const t = tokens[i]!;
  return i + 1 < tokens.length && ARTICLES.has(t.key) && tokens[i + 1]!.start - t.end <= 1 ? 'al' : t.key;
}
