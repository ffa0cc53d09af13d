/**
 * The difference between two texts, word by word: the longest common subsequence of their words
 * (split on white space, compared after Unicode NFC normalization, so that Arabic written with
 * composed or decomposed marks compares equal), as runs of words kept, removed and added. Used by
 * the negotiation room to show what changed between two versions of a clause or of a draft.
 */

export type DiffOp = 'same' | 'removed' | 'added';

export interface DiffRun {
  op: DiffOp;
  words: string[];
}

/** Above this many cells, the middle is shown as removed then added rather than matched (time and memory). */
const MAX_CELLS = 4_000_000;

export const wordsOf = (text: string): string[] =>
  text
    .normalize('NFC')
    .split(/\s+/u)
    .filter((w) => w !== '');

export function wordDiff(before: string, after: string): DiffRun[] {
  const a = wordsOf(before);
  const b = wordsOf(after);
  const ops: { op: DiffOp; word: string }[] = [];
  // The common start and end need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  for (let i = 0; i < start; i++) ops.push({ op: 'same', word: a[i]! });
  ops.push(...middle(a.slice(start, endA), b.slice(start, endB)));
  for (let i = endA; i < a.length; i++) ops.push({ op: 'same', word: a[i]! });
  return runs(ops);
}

/** The LCS of two word lists, as operations: a table of the common lengths of their suffixes, then a walk. */
function middle(a: string[], b: string[]): { op: DiffOp; word: string }[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_CELLS)
    return [
      ...a.map((word) => ({ op: 'removed' as const, word })),
      ...b.map((word) => ({ op: 'added' as const, word })),
    ];
  const w = m + 1;
  const table = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * w + j] =
        a[i] === b[j] ? table[(i + 1) * w + j + 1]! + 1 : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!);
  const out: { op: DiffOp; word: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', word: a[i]! });
      i++;
      j++;
    } else if (table[(i + 1) * w + j]! >= table[i * w + j + 1]!) out.push({ op: 'removed', word: a[i++]! });
    else out.push({ op: 'added', word: b[j++]! });
  }
  while (i < n) out.push({ op: 'removed', word: a[i++]! });
  while (j < m) out.push({ op: 'added', word: b[j++]! });
  return out;
}

/** Consecutive words of one operation as one run. */
function runs(ops: { op: DiffOp; word: string }[]): DiffRun[] {
  const out: DiffRun[] = [];
  for (const { op, word } of ops) {
    const last = out.at(-1);
    if (last && last.op === op) last.words.push(word);
    else out.push({ op, words: [word] });
  }
  return out;
}

/** How many words the difference removes and adds. */
export function diffCounts(diff: readonly DiffRun[]): { removed: number; added: number } {
  let removed = 0;
  let added = 0;
  for (const r of diff) {
    if (r.op === 'removed') removed += r.words.length;
    if (r.op === 'added') added += r.words.length;
  }
  return { removed, added };
}
