import { describe, expect, it } from 'vitest';
import { diffCounts, wordDiff } from './word-diff.ts';

const show = (before: string, after: string) =>
  wordDiff(before, after)
    .map((r) => (r.op === 'same' ? r.words.join(' ') : `${r.op === 'added' ? '+' : '-'}[${r.words.join(' ')}]`))
    .join(' ');

describe('wordDiff', () => {
  it.each([
    ['', '', ''],
    ['a b c', 'a b c', 'a b c'],
    ['', 'a b', '+[a b]'],
    ['a b', '', '-[a b]'],
    ['the parties shall cease', 'the parties shall not cease', 'the parties shall +[not] cease'],
    ['cease all attacks now', 'cease attacks', 'cease -[all] attacks -[now]'],
    ['a b c d', 'a x c y', 'a -[b] +[x] c -[d] +[y]'],
    ['within 48 hours', 'within 72 hours', 'within -[48] +[72] hours'],
    // White space does not count: runs of spaces and new lines are one separator.
    ['a  b\nc', 'a b c', 'a b c'],
  ])('%j → %j', (before, after, expected) => {
    expect(show(before, after)).toBe(expected);
  });

  it('diffs Arabic word by word, whatever the composition of its marks', () => {
    const before = 'يلتزم الطرفان بوقف الأعمال القتالية';
    const after = 'يلتزم الطرفان فورًا بوقف جميع الأعمال القتالية';
    expect(wordDiff(before, after)).toEqual([
      { op: 'same', words: ['يلتزم', 'الطرفان'] },
      { op: 'added', words: ['فورًا'] },
      { op: 'same', words: ['بوقف'] },
      { op: 'added', words: ['جميع'] },
      { op: 'same', words: ['الأعمال', 'القتالية'] },
    ]);
    // "الأعمال" with its hamza composed (U+0623) and decomposed (U+0627 U+0654) is one word.
    expect(wordDiff('الأعمال', 'الأعمال'.normalize('NFD'))).toEqual([{ op: 'same', words: ['الأعمال'] }]);
  });

  it('keeps every word of both texts, in order, and counts what changed', () => {
    const before = 'one two three four five six';
    const after = 'zero two four five seven six eight';
    const diff = wordDiff(before, after);
    expect(diff.filter((r) => r.op !== 'added').flatMap((r) => r.words)).toEqual(before.split(' '));
    expect(diff.filter((r) => r.op !== 'removed').flatMap((r) => r.words)).toEqual(after.split(' '));
    expect(diffCounts(diff)).toEqual({ removed: 2, added: 3 });
  });

  it('finds the longest common run (not the first match)', () => {
    expect(show('x a b c', 'a b c x')).toBe('-[x] a b c +[x]');
  });
});
