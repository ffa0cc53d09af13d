/**
 * The words of the negotiation room's draft as a PDF (export-draft.ts), in English and Arabic, one
 * catalogue per language typed alike (a word without its Arabic fails to compile).
 */
import type { Language } from '../../contract/email.ts';

const en = {
  mark: 'Negotiation room: restricted. Copy for {recipient}, {when}',
  draftOf: 'Draft of {agreement}, revision {revision}',
  version: 'Version {version}',
  obligation: 'obligation {code}',
  'status.agreed': 'agreed',
  'status.open': 'open',
  'status.sticking_point': 'sticking point',
  noClauses: 'The draft has no clause yet.',
  separator: ', ',
};

export type DraftWord = keyof typeof en;

const ar: Record<DraftWord, string> = {
  mark: 'غرفة التفاوض: مقيّد. نسخة لـ {recipient}، {when}',
  draftOf: 'مسودة {agreement}، المراجعة {revision}',
  version: 'الصيغة {version}',
  obligation: 'الالتزام {code}',
  'status.agreed': 'متفق عليه',
  'status.open': 'مفتوح',
  'status.sticking_point': 'نقطة خلاف',
  noClauses: 'لا بنود في المسودة بعد.',
  separator: '، ',
};

export const DRAFT_WORDS: Record<Language, Record<DraftWord, string>> = { en, ar };

/** A word in the language with its placeholders filled. */
export function sayDraft(lang: Language, key: DraftWord, values: Record<string, string | number> = {}): string {
  return DRAFT_WORDS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}
