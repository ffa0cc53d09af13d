import { describe, expect, it } from 'vitest';
import { marksOf, pieces } from './highlights.ts';

describe('pieces', () => {
  it('cuts the text into plain and marked pieces, the first of overlapping marks winning', () => {
    const text = 'Jets struck Idlib yesterday.';
    expect(
      pieces(text, [
        { start: 12, end: 17, kind: 'place' },
        { start: 0, end: 4, kind: 'actor' },
        { start: 14, end: 20, kind: 'date' },
      ]),
    ).toEqual([
      { text: 'Jets', kind: 'actor' },
      { text: ' struck ', kind: null },
      { text: 'Idlib', kind: 'place' },
      { text: ' yesterday.', kind: null },
    ]);
  });

  it('marks a date only when the text said it', () => {
    const span = { start: 0, end: 1 };
    const fields = { place: null, actors: [], act: { span: null }, killed: null, injured: null };
    expect(marksOf({ ...fields, date: { span, from: 'text' } })).toEqual([]);
    expect(marksOf({ ...fields, date: { span, from: 'event' } })).toEqual([{ ...span, kind: 'date' }]);
  });
});
