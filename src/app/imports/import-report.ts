/**
 * What an import answers (docs/imports.md), whatever the format: the report of what it would
 * change or changed, and the refusal naming every bad row or feature. Shared by the imports of
 * incidents (import-file.ts), zones, protected sites and bundles.
 */
import type { Classification } from '../../contract/access.ts';
import type { ImportFormat } from '../../contract/imports.ts';
import { VERDICTS, type Verdict } from '../../domain/findings.ts';
import type { Statement } from '../../domain/statements.ts';
import { AppError } from '../errors.ts';
import type { RecomputeResult } from '../findings/recompute-findings.ts';

/** Bad rows named in a refusal; the message says how many there are in all. */
export const MAX_PROBLEMS = 1_000;
/** Rows kept with a remark (a note) or left out (skipped), or repairs, that a report lists. */
export const MAX_NOTES = 100;

export interface ImportFileInput {
  format: ImportFormat;
  classification: Classification;
  dryRun: boolean;
  /** Repair what can be repaired in a GeoJSON file's areas (open rings, rings crossing themselves) rather than refuse it. */
  repair?: boolean;
  /** The file from its start: opened once to check it, once more to write it. */
  open(): AsyncIterable<Buffer | string>;
}

export interface RowProblem {
  /** The line of a CSV file's row; the index of a GeoJSON feature (`features[3]`); the index of a bundle's record. */
  line: number;
  path: string;
  message: string;
  /** The message as a statement, for the reader's language. */
  statement: Statement;
}

/** The kinds of record other than incidents an import counts. */
export type RecordKind = 'actors' | 'agreements' | 'zones' | 'protected_sites' | 'operations' | 'convoys';

export interface RecordCounts {
  kind: RecordKind;
  /** Not stored yet: imported (or, in a dry run, would be). */
  new: number;
  /** Stored already, the same. */
  unchanged: number;
  /** Stored already, otherwise: kept as stored, not overwritten. */
  differing: number;
}

export interface ImportReport {
  format: ImportFormat;
  dryRun: boolean;
  classification: Classification;
  /** Data rows (or features, or a bundle's records) read. */
  rows: number;
  incidents: {
    /** Not stored yet: imported (or, in a dry run, would be). */
    new: number;
    /** Stored already, with the same facts. */
    unchanged: number;
    /** Stored already with other facts: kept as stored, not overwritten. */
    differing: number;
  };
  /** The other records, by kind (zones, protected sites; a bundle's actors, agreements...). */
  records: RecordCounts[];
  /** Rows left out on purpose (ACLED's protests and riots). */
  skipped: number;
  /** Rows kept with a remark, and rows left out, with why (the first ones). */
  notes: RowProblem[];
  /** What was repaired, or in a dry run would be (the first ones). */
  repaired: RowProblem[];
  /** Actors the import adds (ids). */
  actorsNew: string[];
  /** The findings of the new incidents under the agreements stored, by verdict. */
  findings: Record<Verdict, number> & { total: number };
  /** Findings stored already that the import judges again and changes (made, changed or withdrawn). */
  findingsChanged: number;
  /** Whether anything was written. */
  written: boolean;
}

export function emptyReport(input: ImportFileInput): ImportReport {
  return {
    format: input.format,
    dryRun: input.dryRun,
    classification: input.classification,
    rows: 0,
    incidents: { new: 0, unchanged: 0, differing: 0 },
    records: [],
    skipped: 0,
    notes: [],
    repaired: [],
    actorsNew: [],
    findings: { ...(Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>), total: 0 },
    findingsChanged: 0,
    written: false,
  };
}

/** How many stored findings a re-judgement made, changed or withdrew. */
export const changedFindings = (r: RecomputeResult | null): number =>
  r === null ? 0 : [r.incidents, r.territory].reduce((n, c) => n + c.inserted + c.updated + c.withdrawn, 0);

/**
 * A file refused: every bad row by its line and column (or feature, or record, by its path alone:
 * `byLine` false); nothing was written.
 */
export class RowsRefused extends AppError {
  readonly problems: RowProblem[];
  constructor(message: string, problems: RowProblem[], byLine = true) {
    const first = problems[0];
    super('VALIDATION', message, first ? (byLine ? `line ${first.line}: ${first.path}` : first.path) : undefined);
    this.problems = problems;
  }
}
