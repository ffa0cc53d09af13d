/**
 * The text cut into pieces for showing a draft's source words: each piece plain or marked with the
 * field its words gave (date, place, actor, act, casualties). Overlapping marks: the first wins.
 */
export type MarkKind = 'date' | 'place' | 'actor' | 'act' | 'casualties';

export interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
}

export interface Piece {
  text: string;
  kind: MarkKind | null;
}

export function pieces(text: string, marks: readonly Mark[]): Piece[] {
  const sorted = [...marks]
    .filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end)
    .sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue;
    if (m.start > at) out.push({ text: text.slice(at, m.start), kind: null });
    out.push({ text: text.slice(m.start, m.end), kind: m.kind });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), kind: null });
  return out;
}

interface Span {
  start: number;
  end: number;
}

/** The marks of a draft's fields. */
export function marksOf(fields: {
  date: { span: Span; from: string } | null;
  place: { span: Span } | null;
  actors: readonly { span: Span }[];
  act: { span: Span | null };
  killed: { span: Span } | null;
  injured: { span: Span } | null;
}): Mark[] {
  const marks: Mark[] = [];
  if (fields.date && fields.date.from !== 'text') marks.push({ ...fields.date.span, kind: 'date' });
  if (fields.place) marks.push({ ...fields.place.span, kind: 'place' });
  for (const a of fields.actors) marks.push({ ...a.span, kind: 'actor' });
  if (fields.act.span) marks.push({ ...fields.act.span, kind: 'act' });
  for (const f of [fields.killed, fields.injured]) if (f) marks.push({ ...f.span, kind: 'casualties' });
  return marks.map(({ start, end, kind }) => ({ start, end, kind }));
}
