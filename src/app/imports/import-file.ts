/**
 * An import over HTTP (docs/imports.md, decision 030): a file of incidents (UCDP GED, ACLED or
 * HXL CSV) read through once to check it and to tell what it would change, then, unless it is a
 * dry run, read again and written batch by batch (import-incidents.ts), judged, audited, under the
 * caller's organization and the classification the caller chose.
 *
 * An incident is known by its source's id (`ucdp-318815`). One the caller may see, under that id
 * or as another organization's import of it (`ucdp-318815~ngo`), is stored already and left
 * alone. Any other is stored as the caller's organization's own (`ucdp-318815~us`), whether or not
 * the bare id is taken by an incident the caller may not see: so what an import answers and
 * stores is the same either way, and never tells of a hidden incident (docs/confidentiality.md).
 *
 * All or nothing per file: a file with one bad row is refused with every bad row named by its
 * line and column (up to MAX_PROBLEMS), and nothing is written. The check reads as the caller, so
 * "unchanged" and "differing" count only the incidents the caller may see; an incident stored
 * already is never overwritten (it may have been reviewed since), so importing a file twice
 * changes nothing.
 */
import { type IncidentFormat, isIncidentFormat } from '../../contract/imports.ts';
import { adjudicateIncident } from '../../domain/adjudicate.ts';
import type { Actor, Incident } from '../../domain/model.ts';
import type { Rulebook } from '../../domain/rulebook.ts';
import { actorNames } from '../../ingest/incidents/actor-names.ts';
import { acledRows } from '../../ingest/incidents/acled-file.ts';
import { hxlRows } from '../../ingest/incidents/hxl-file.ts';
import { ImportFileError, type ImportedChunk, type ImportedIncident } from '../../ingest/incidents/imported-rows.ts';
import { ucdpImportedRows } from '../../ingest/incidents/ucdp-rows.ts';
import { localDays } from '../../ingest/local-day.ts';
import { problemOf } from '../../ingest/row-problems.ts';
import * as accounts from '../../store/account.repository.ts';
import * as incidents from '../../store/incident.repository.ts';
import { asReader } from '../../store/reader.ts';
import * as settings from '../../store/settings.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { loadRulebook } from '../findings/load-world.ts';
import { importBundle } from './import-bundle.ts';
import { ownId, sourceIdOf } from './import-records.ts';
import { importIncidents, type IncidentBatch, withActors } from './import-incidents.ts';
import {
  emptyReport,
  type ImportFileInput,
  type ImportReport,
  MAX_NOTES,
  MAX_PROBLEMS,
  type RowProblem,
  RowsRefused,
} from './import-report.ts';
import { importSites } from './import-sites.ts';
import { importZones } from './import-zones.ts';

const CHUNK = 2_000;

export {
  type ImportFileInput,
  type ImportReport,
  MAX_PROBLEMS,
  type RowProblem,
  RowsRefused,
} from './import-report.ts';

export interface ImportFileProgress {
  rowsWritten: number;
  rowsTotal: number;
}

export async function importFile(
  ctx: AppContext,
  caller: Caller | null,
  input: ImportFileInput,
  onProgress?: (progress: ImportFileProgress) => void,
): Promise<ImportReport> {
  const format = input.format;
  if (!isIncidentFormat(format)) {
    switch (format) {
      case 'geojson_zones':
        return importZones(ctx, caller, input, onProgress);
      case 'geojson_sites':
        return importSites(ctx, caller, input, onProgress);
      case 'bundle':
        return importBundle(ctx, caller, input, onProgress);
    }
  }
  const c = requirePermission(caller, 'incident:manage');
  const [book, world, orgs] = [
    await loadRulebook(ctx.db),
    await settings.get(ctx.db),
    (await accounts.listOrgs(ctx.db)).map((o) => o.id),
  ];
  const read = rowReader(format, world.timezone, [...book.actors.values()]);
  const { report: check, firstNew, present } = await checkFile(ctx, c, input, read, book, orgs);
  if (input.dryRun) return check;

  const total = check.incidents.new;
  async function* batches(): AsyncGenerator<IncidentBatch> {
    let batch: IncidentBatch = { incidents: [], actors: [] };
    const seen = new Set<string>();
    for await (const chunk of read(input.open())) {
      for (const row of chunk.rows) {
        if (row.kind !== 'incident' || present.has(row.incident.id)) continue;
        batch.incidents.push({ ...row.incident, id: ownId(sourceIdOf(row.incident.id, orgs), c.orgId) });
        for (const a of row.actors) if (!seen.has(a.id) && seen.add(a.id)) batch.actors.push(a);
        if (batch.incidents.length >= CHUNK) {
          yield batch;
          batch = { incidents: [], actors: [] };
        }
      }
    }
    if (batch.incidents.length > 0) yield batch;
  }
  onProgress?.({ rowsWritten: 0, rowsTotal: total });
  const tally = await importIncidents(ctx.db, batches(), {
    source: input.format,
    caller: c,
    now: ctx.now,
    access: { classification: input.classification, ownerOrg: c.orgId },
    onBatch: (t) => onProgress?.({ rowsWritten: t.inserted + t.alreadyPresent, rowsTotal: total }),
  });
  if (tally.inserted + tally.actorsAdded.length > 0) {
    ctx.wrote();
    // One announcement for the whole file: lists and the map read again (every new incident has
    // the same classification, so whoever may see the first may see them all).
    if (firstNew !== null && tally.inserted > 0) {
      const at = ctx.now();
      ctx.events.publish({ type: 'incident.updated', entity: 'incident', id: firstNew, at });
      ctx.events.publish({ type: 'finding.changed', entity: 'incident', id: firstNew, at });
    }
  }
  return {
    ...check,
    incidents: {
      new: tally.inserted,
      // Stored meanwhile by another import of the caller's organization: counted as there already.
      unchanged: check.incidents.unchanged + Math.max(0, check.incidents.new - tally.inserted),
      differing: check.incidents.differing,
    },
    actorsNew: tally.actorsAdded,
    findings: check.incidents.new === tally.inserted ? check.findings : { ...check.findings, total: tally.findings },
    written: true,
  };
}

type RowReader = (input: AsyncIterable<Buffer | string>) => AsyncGenerator<ImportedChunk>;

/** The reader of a format; each call starts afresh (the same names give the same actors). */
function rowReader(format: IncidentFormat, timeZone: string, stored: Actor[]): RowReader {
  const days = localDays(timeZone);
  switch (format) {
    case 'ucdp':
      return (input) => ucdpImportedRows(input, days);
    case 'acled':
      return (input) => acledRows(input, { days, actors: actorNames(stored, 'acled') });
    case 'hxl':
      return (input) => hxlRows(input, { days, actors: actorNames(stored, 'hxl') });
  }
}

/**
 * The file read through: refused with every bad row, or what it would change. `present`: the
 * source ids of the incidents the caller may see stored already, under their own id or as an
 * import of one of `orgs`.
 */
async function checkFile(
  ctx: AppContext,
  caller: Caller,
  input: ImportFileInput,
  read: RowReader,
  initial: Rulebook,
  orgs: readonly string[],
): Promise<{ report: ImportReport; firstNew: string | null; present: Set<string> }> {
  const report = emptyReport(input);
  const problems: RowProblem[] = [];
  let badRows = 0;
  const lineOf = new Map<string, number>();
  const newActors = new Map<string, Actor>();
  let book = initial;
  let firstNew: string | null = null;
  const present = new Set<string>();
  // The caller's own import first, then the source's id, then other organizations' imports.
  const variants = (rowId: string) => {
    const id = sourceIdOf(rowId, orgs);
    return [ownId(id, caller.orgId), id, ...orgs.filter((o) => o !== caller.orgId).map((o) => ownId(id, o))];
  };

  const compare = async (pending: ImportedIncident[]) => {
    const stored = new Map(
      (
        await asReader(ctx.db, readerOf(caller), (sql) =>
          incidents.list(
            sql,
            pending.flatMap((i) => variants(i.id)),
          ),
        )
      ).map((i) => [i.id, i]),
    );
    for (const incident of pending) {
      const before = variants(incident.id)
        .map((id) => stored.get(id))
        .find((i) => i !== undefined);
      if (before) {
        present.add(incident.id);
        if (sameFacts(before, incident)) report.incidents.unchanged++;
        else report.incidents.differing++;
        continue;
      }
      report.incidents.new++;
      firstNew ??= ownId(sourceIdOf(incident.id, orgs), caller.orgId);
      for (const f of adjudicateIncident(book, incident)) {
        report.findings[f.verdict]++;
        report.findings.total++;
      }
    }
  };

  try {
    let pending: ImportedIncident[] = [];
    for await (const chunk of read(input.open())) {
      for (const row of chunk.rows) {
        report.rows++;
        if (row.kind === 'bad') {
          badRows++;
          for (const p of row.problems) if (problems.length < MAX_PROBLEMS) problems.push({ line: row.line, ...p });
          continue;
        }
        if (row.kind === 'skipped') {
          report.skipped++;
          if (report.notes.length < MAX_NOTES) report.notes.push({ line: row.line, ...row.reason });
          continue;
        }
        const earlier = lineOf.get(row.incident.id);
        if (earlier !== undefined) {
          badRows++;
          if (problems.length < MAX_PROBLEMS)
            problems.push({
              line: row.line,
              ...problemOf(idColumn(input.format as IncidentFormat), 'problem.import_repeats', {
                line: { number: earlier },
              }),
            });
          continue;
        }
        lineOf.set(row.incident.id, row.line);
        for (const note of row.notes)
          if (report.notes.length < MAX_NOTES) report.notes.push({ line: row.line, ...note });
        const added = row.actors.filter((a) => !book.actors.has(a.id) && !newActors.has(a.id));
        if (added.length > 0) {
          added.forEach((a) => newActors.set(a.id, a));
          book = withActors(book, added);
        }
        if (badRows === 0) pending.push(row.incident);
        if (pending.length >= CHUNK) {
          await compare(pending);
          pending = [];
        }
      }
    }
    if (badRows === 0) await compare(pending);
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
    throw new RowsRefused(`line ${e.line}: ${e.message}; nothing was imported`, [{ line: e.line, ...e.problem }]);
  }
  if (badRows > 0) {
    const first = problems[0]!;
    throw new RowsRefused(
      `${badRows.toLocaleString('en-US')} of ${report.rows.toLocaleString('en-US')} rows cannot be imported, so nothing was: line ${first.line}: ${first.path}: ${first.message}`,
      problems,
    );
  }
  if (lineOf.size === 0)
    throw new RowsRefused(
      report.rows === 0 ? 'the file has no rows to import' : 'none of its rows is an incident to import',
      [
        {
          line: 1,
          ...problemOf('(file)', report.rows === 0 ? 'problem.import_no_rows' : 'problem.import_no_incident'),
        },
      ],
    );
  report.actorsNew = [...newActors.keys()];
  return { report, firstNew, present };
}

/** The facts the rules read, compared. */
function sameFacts(a: Incident, b: Incident): boolean {
  return (
    a.occurredAt === b.occurredAt &&
    a.location.lon === b.location.lon &&
    a.location.lat === b.location.lat &&
    a.act === b.act &&
    a.perpetrator === b.perpetrator &&
    JSON.stringify(a.target) === JSON.stringify(b.target) &&
    a.selfDefenseClaim === b.selfDefenseClaim
  );
}

const idColumn = (format: IncidentFormat): string =>
  format === 'ucdp' ? 'id' : format === 'acled' ? 'event_id_cnty' : '#event+id';
