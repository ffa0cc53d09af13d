/**
 * Draft reports from free text (docs/text-intake.md): the text cut into paragraphs and sentences;
 * a sentence that tells of an act or of casualties starts an event; a sentence after it in the
 * same paragraph that names no other place and no other date (or only casualties) adds to it.
 * Each field keeps the words it came from. A date or place a paragraph gave before the event
 * carries to it; failing a date, the text's own date stands (without words). Who acted: the
 * actor named by "by ...", else the first named before the act's words, else the first named.
 * Pure: the gazetteer and the actors are given, the text's date too.
 */
import type { Act, Actor } from '../../domain/model.ts';
import { findDates, type FoundDate } from './text-dates.ts';
import { findAct, findCasualties, type Figure } from './text-figures.ts';
import { type FoundActor, TextActors } from './text-actors.ts';
import { type FoundPlace, type GazetteerPlace, TextGazetteer } from './text-places.ts';
import { type Span, spanOf, tokenize } from './text-tokens.ts';

export type TextLanguage = 'en' | 'ar';

export interface DraftReport {
  /** The sentences of the event. */
  span: Span;
  date: (FoundDate & { from: 'event' | 'paragraph' | 'text' }) | null;
  place: (FoundPlace & { from: 'event' | 'paragraph' }) | null;
  /** Every registry actor named in the event, the one who acted first. */
  actors: Array<FoundActor & { acted: boolean }>;
  act: { act: Act; span: Span | null };
  killed: Figure | null;
  injured: Figure | null;
}

export interface TextFindings {
  language: TextLanguage;
  dates: FoundDate[];
  places: FoundPlace[];
  actors: FoundActor[];
  drafts: DraftReport[];
}

/** The gazetteer's dictionary (made once: a few milliseconds) and the actors' (made per registry). */
export class TextIntakeRules {
  readonly gazetteer: TextGazetteer;
  readonly actors: TextActors;
  constructor(places: readonly GazetteerPlace[] | TextGazetteer, actors: readonly Actor[]) {
    this.gazetteer = places instanceof TextGazetteer ? places : new TextGazetteer(places);
    this.actors = new TextActors(actors);
  }
}

export function languageOf(text: string): TextLanguage {
  const arabic = (text.match(/[\u0600-\u06FF]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return arabic > latin ? 'ar' : 'en';
}

interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

const ABBREVIATIONS =
  /(?:\b(?:Mr|Mrs|Dr|Gen|Col|Lt|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|approx)|\b[A-Z])\.$/;

function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  for (const para of text.matchAll(/[^\n]+/g)) {
    const base = para.index;
    const body = para[0];
    let from = 0;
    for (const m of body.matchAll(/[.!?؟]+["”’)]?\s+/g)) {
      const end = m.index + m[0].trimEnd().length;
      if (ABBREVIATIONS.test(body.slice(Math.max(0, end - 8), end))) continue;
      if (body.slice(from, end).trim()) out.push({ start: base + from, end: base + end, paragraph });
      from = m.index + m[0].length;
    }
    if (body.slice(from).trim()) out.push({ start: base + from, end: base + body.length, paragraph });
    paragraph++;
  }
  return out;
}

const within = <T extends { span: Span }>(items: readonly T[], s: Sentence) =>
  items.filter((i) => i.span.start >= s.start && i.span.end <= s.end);

/** Finds the dates, places and actors of `text` and drafts one report per event; `textDate` YYYY-MM-DD. */
export function draftReports(rules: TextIntakeRules, text: string, textDate: string): TextFindings {
  const language = languageOf(text);
  const tokens = tokenize(text);
  const dates = findDates(text, textDate);
  const actors = rules.actors.find(text, tokens);
  // A place inside an actor's name ("Ahrar al-Sham") is not a place.
  const places = rules.gazetteer
    .find(text, tokens)
    .filter((p) => !actors.some((a) => p.span.start < a.span.end && a.span.start < p.span.end));
  const drafts: DraftReport[] = [];
  let paragraph = -1;
  let paragraphDate: FoundDate | null = null;
  let paragraphPlace: FoundPlace | null = null;
  let current: { draft: DraftReport; paragraph: number } | null = null;

  for (const s of sentencesOf(text)) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      paragraphDate = null;
      paragraphPlace = null;
      current = null;
    }
    const sentence = text.slice(s.start, s.end);
    const sDates = within(dates, s);
    const sPlaces = within(places, s);
    const sActors = within(actors, s);
    const act = findAct(sentence, s.start, text);
    const casualties = findCasualties(sentence, s.start, text);
    // A title or heading (a short line without a full stop) names, it does not tell.
    const heading = !/[.!?؟:]["”’)]?\s*$/.test(sentence) && sentence.split(/\s+/).length < 15;
    const told = !heading && (act !== null || casualties.killed !== null || casualties.injured !== null);
    if (!told) {
      // A sentence after an event that names no place and no date of its own still tells of it.
      if (current && current.paragraph === s.paragraph && sPlaces.length === 0 && sDates.length === 0) {
        const d = current.draft;
        d.span = spanOf(text, d.span.start, s.end);
        for (const a of sActors) if (!d.actors.some((x) => x.id === a.id)) d.actors.push({ ...a, acted: false });
        continue;
      }
      current = null;
      paragraphDate = sDates.at(-1) ?? paragraphDate;
      paragraphPlace = sPlaces.at(-1) ?? paragraphPlace;
      continue;
    }
    const samePlace = sPlaces.every((p) => current?.draft.place?.name === p.name);
    const sameDate = sDates.every((d) => current?.draft.date?.day === d.day);
    if (current && current.paragraph === s.paragraph && samePlace && sameDate) {
      // More about the same event.
      const d = current.draft;
      d.span = spanOf(text, d.span.start, s.end);
      d.killed ??= casualties.killed;
      d.injured ??= casualties.injured;
      if (d.act.span === null && act) d.act = act;
      for (const a of sActors) if (!d.actors.some((x) => x.id === a.id)) d.actors.push({ ...a, acted: false });
      if (!d.place && sPlaces[0]) d.place = { ...best(sPlaces), from: 'event' };
      continue;
    }
    const place =
      sPlaces.length > 0
        ? { ...best(sPlaces), from: 'event' as const }
        : paragraphPlace
          ? { ...paragraphPlace, from: 'paragraph' as const }
          : null;
    const date = sDates[0]
      ? { ...sDates[0], from: 'event' as const }
      : paragraphDate
        ? { ...paragraphDate, from: 'paragraph' as const }
        : null;
    const draft: DraftReport = {
      span: spanOf(text, s.start, s.end),
      date,
      place,
      actors: whoActed(sActors, act?.span ?? null, text),
      act: act ?? { act: 'other', span: null },
      killed: casualties.killed,
      injured: casualties.injured,
    };
    drafts.push(draft);
    current = { draft, paragraph: s.paragraph };
    paragraphDate = sDates.at(-1) ?? paragraphDate;
    paragraphPlace = sPlaces.at(-1) ?? paragraphPlace;
  }
  return { language, dates, places, actors, drafts };
}

/** The most precise place a sentence names (a town before its governorate: "Douma, Rif Dimashq"). */
function best(places: readonly FoundPlace[]): FoundPlace {
  const rank = { exact: 0, town: 1, district: 2, governorate: 3 } as const;
  return [...places].sort((a, b) => rank[a.precision] - rank[b.precision])[0]!;
}

function whoActed(
  found: readonly FoundActor[],
  actSpan: Span | null,
  text: string,
): Array<FoundActor & { acted: boolean }> {
  const unique: FoundActor[] = [];
  for (const a of found) if (!unique.some((u) => u.id === a.id)) unique.push(a);
  if (unique.length === 0) return [];
  let actor: FoundActor | undefined = unique.find((a) =>
    /\bby\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, a.span.start - 8), a.span.start)),
  );
  if (!actor && actSpan) {
    const arabic = /[\u0600-\u06FF]/.test(actSpan.text);
    // English names the actor before the act ("Russian jets struck"), Arabic often after ("غارات للطيران الروسي").
    actor = arabic
      ? (unique.find((a) => a.span.start >= actSpan.end && a.span.start - actSpan.end < 40) ??
        unique.find((a) => a.span.end <= actSpan.start))
      : ([...unique].reverse().find((a) => a.span.end <= actSpan.start) ??
        unique.find((a) => a.span.start >= actSpan.end));
  }
  actor ??= unique[0]!;
  return [{ ...actor, acted: true }, ...unique.filter((a) => a !== actor).map((a) => ({ ...a, acted: false }))];
}
