/**
 * What an importer of incidents reads from a file, whatever its format (UCDP GED, ACLED, HXL):
 * row by row, each either an incident with the actors it names, a row with its problems (each
 * naming the file's column), or a row left out on purpose (ACLED's protests are no incidents of a
 * truce). A file that cannot be read on at all ends with an ImportFileError naming the line.
 */
import type { Actor, Incident } from '../../domain/model.ts';
import type { FieldProblem } from '../row-problems.ts';
import type { Instant } from '../../domain/time.ts';

/** An incident with what a source says beyond the rules' needs (the store's IncidentRecord). */
export interface ImportedIncident extends Incident {
  occurredUntil: Instant | null;
  datePrecision: number | null;
  locationPrecision: number | null;
  place: string | null;
  deaths: { low: number; best: number; high: number; bySide: Record<string, number> } | null;
  sides: string[];
  source: string;
  sourceRef: string | null;
  headline: string | null;
}

export type ImportedRow =
  | { line: number; kind: 'incident'; incident: ImportedIncident; actors: Actor[]; notes: FieldProblem[] }
  | { line: number; kind: 'bad'; problems: FieldProblem[] }
  | { line: number; kind: 'skipped'; reason: FieldProblem };

export interface ImportedChunk {
  rows: ImportedRow[];
  /** Bytes of input read so far. */
  bytesRead: number;
}

/** A file that cannot be read on from this line (no header, a column missing, broken CSV), said as a problem of the file. */
export class ImportFileError extends Error {
  readonly code = 'IMPORT_FILE';
  constructor(
    readonly line: number,
    readonly problem: FieldProblem,
  ) {
    super(problem.message);
  }
}

/** Ids the store and the URLs take: letters, digits and `._:-`, up to 100. */
export const IMPORT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** A number from a CSV field: finite, or undefined when empty; NaN when not a number. */
export function numberOf(s: string | undefined): number | undefined {
  const t = (s ?? '').trim();
  if (t === '') return undefined;
  return Number(t);
}

/** The place as a person reads it: its parts, each once, empty ones left out. */
export function placeOf(...parts: (string | undefined)[]): string | null {
  const kept = [...new Set(parts.map((s) => (s ?? '').trim()).filter((s) => s !== ''))];
  return kept.length > 0 ? kept.join(', ') : null;
}
