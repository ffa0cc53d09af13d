/**
 * `truce import ucdp FILE.csv`: streams a UCDP GED file into the database in constant memory. Each
 * row is checked; a bad one is set aside with its line number and its problems while the good
 * ones load, in batches, each batch one transaction (import-incidents.ts). Incidents are keyed
 * by UCDP id, so a second import of the same file adds nothing. The reading, checking and mapping
 * are pure and live in src/ingest/.
 */
import { problemLine } from '../../ingest/row-problems.ts';
import type { Readable } from 'node:stream';
import { localDays } from '../../ingest/local-day.ts';
import { sideActorCache } from '../../ingest/ucdp/ucdp-actors.ts';
import { UcdpFileError, ucdpRows } from '../../ingest/ucdp/ucdp-file.ts';
import { mapUcdpRow, UCDP_SOURCE } from '../../ingest/ucdp/ucdp-map.ts';
import type { Database } from '../../store/sql.ts';
import { type Caller, requirePermission } from '../caller.ts';
import { importIncidents, type IncidentBatch } from './import-incidents.ts';

/** A row set aside (problems) or kept with a remark (notes), by its first line in the file. */
export interface RowReport {
  line: number;
  problems: string[];
}

export interface UcdpImportResult {
  /** Data rows read (the header is not one). */
  rowsRead: number;
  inserted: number;
  alreadyPresent: number;
  rejected: RowReport[];
  /** Rows kept, with what is odd about them (e.g. best outside low..high as UCDP published it). */
  notes: RowReport[];
  actorsAdded: string[];
  findings: number;
  /** Why reading stopped before the end of the file (a broken header or CSV syntax); null when it did not. */
  stopped: { line: number; message: string } | null;
  elapsedMs: number;
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
}

export interface UcdpImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per transaction (default 2,000). */
  batchSize?: number;
  /** Where UCDP's calendar dates are days (default Asia/Damascus). */
  timeZone?: string;
  /** Who imports, for the audit trail; null (default) is the operator at the command line. */
  caller?: Caller | null;
}

export const DEFAULT_BATCH_SIZE = 2_000;

export async function importUcdp(
  db: Database,
  input: Readable,
  options: UcdpImportOptions = {},
): Promise<UcdpImportResult> {
  if (options.caller) requirePermission(options.caller, 'incident:manage');
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const result: UcdpImportResult = {
    rowsRead: 0,
    inserted: 0,
    alreadyPresent: 0,
    rejected: [],
    notes: [],
    actorsAdded: [],
    findings: 0,
    stopped: null,
    elapsedMs: 0,
  };
  const progress: ImportProgress = { rowsRead: 0, bytesRead: 0 };
  const context = { days: localDays(options.timeZone ?? 'Asia/Damascus'), actorFor: sideActorCache() };

  async function* batches(): AsyncGenerator<IncidentBatch> {
    let batch: IncidentBatch = { incidents: [], actors: [] };
    const actorsSeen = new Set<string>();
    try {
      for await (const chunk of ucdpRows(input)) {
        progress.bytesRead = chunk.bytesRead;
        for (const { line, check } of chunk.rows) {
          progress.rowsRead = ++result.rowsRead;
          if (!check.ok) {
            result.rejected.push({ line, problems: check.problems.map(problemLine) });
            continue;
          }
          if (check.notes.length > 0) result.notes.push({ line, problems: check.notes.map(problemLine) });
          const mapped = mapUcdpRow(check.row, context);
          batch.incidents.push(mapped.incident);
          for (const actor of mapped.actors) {
            if (actorsSeen.has(actor.id)) continue;
            actorsSeen.add(actor.id);
            batch.actors.push(actor);
          }
          if (batch.incidents.length >= batchSize) {
            yield batch;
            batch = { incidents: [], actors: [] };
          }
        }
      }
    } catch (e) {
      if (!(e instanceof UcdpFileError)) throw e;
      result.stopped = { line: e.line, message: e.message };
    } finally {
      input.destroy(); // read to the end, or given up on: either way done with
    }
    if (batch.incidents.length > 0) yield batch;
  }

  const tally = await importIncidents(db, batches(), {
    source: UCDP_SOURCE,
    caller: options.caller ?? null,
    onBatch: () => options.onProgress?.(progress),
  });
  options.onProgress?.(progress);
  return { ...result, ...tally, elapsedMs: performance.now() - started };
}
