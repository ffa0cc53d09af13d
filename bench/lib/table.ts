/**
 * A table for stdout, in Markdown so it can be pasted into a document as it is: text to the
 * left, numbers to the right with thousands separators.
 */
import type { Cell } from './benchmark.ts';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatTable(columns: string[], rows: Record<string, Cell>[]): string {
  const cells = rows.map((row) => columns.map((c) => formatCell(row[c])));
  const numeric = columns.map(
    (c) => rows.length > 0 && rows.every((row) => typeof row[c] === 'number' || row[c] === undefined),
  );
  const widths = columns.map((c, i) => Math.max(c.length, 3, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]): string =>
    `| ${values.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(columns), rule, ...cells.map(line)].join('\n');
}

function formatCell(value: Cell | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? number.format(value) : value;
}
