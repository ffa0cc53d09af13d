/**
 * What the imports of records other than incidents share (GeoJSON zones and protected sites, a
 * bundle): the file read whole, the features refused whole with every problem named by its path,
 * actors found by id or name, and the ids a record is stored under.
 *
 * A record is keyed by the id its file gives it. One the caller may see stored under that id, or as
 * an import of it by any organization (`z-aleppo~ngo`), is stored already and left alone; any other
 * is stored as the caller's organization's own (`z-aleppo~us`), whether or not a record the caller
 * may not see holds the bare id, so that an import never tells of a hidden record (decision 031).
 */
import type { Actor } from '../../domain/model.ts';
import type { FeatureRow, FeatureRows } from '../../ingest/geojson/features.ts';
import type { FeatureOptions } from '../../ingest/geojson/zones-file.ts';
import { localDays } from '../../ingest/local-day.ts';
import { problemOf } from '../../ingest/row-problems.ts';
import * as accounts from '../../store/account.repository.ts';
import * as actors from '../../store/actor.repository.ts';
import * as settings from '../../store/settings.repository.ts';
import type { AppContext } from '../context.ts';
import {
  emptyReport,
  type ImportFileInput,
  type ImportReport,
  MAX_NOTES,
  MAX_PROBLEMS,
  type RowProblem,
  RowsRefused,
} from './import-report.ts';

/** The id under which an organization's import stores a record its reader could not see stored. */
export const ownId = (sourceId: string, orgId: string): string => `${sourceId}~${orgId}`;

/** A record's id without the organization an import stored it for (an export of that import read back). */
export function sourceIdOf(id: string, orgs: readonly string[]): string {
  const org = orgs.find((o) => id.endsWith(`~${o}`));
  return org ? id.slice(0, -(org.length + 1)) : id;
}

/** The ids a record keyed `key` may be stored under: the caller's own import, the key, other organizations' imports. */
export function storedIds(key: string, callerOrg: string, orgs: readonly string[]): string[] {
  const id = sourceIdOf(key, orgs);
  return [ownId(id, callerOrg), id, ...orgs.filter((o) => o !== callerOrg).map((o) => ownId(id, o))];
}

/** A file read whole, as text (UTF-8). */
export async function readText(input: AsyncIterable<Buffer | string>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of input) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(parts).toString('utf8');
}

/**
 * The features that read well, keyed; or the file refused whole: every bad feature's problems (and
 * a feature repeating an earlier one's id) named by its index and path.
 */
export function goodFeatures<T>(read: FeatureRows<T>): {
  rows: Extract<FeatureRow<T>, { kind: 'ok' }>[];
  count: number;
} {
  if (!read.ok)
    throw new RowsRefused(
      `${read.problem.path}: ${read.problem.message}; nothing was imported`,
      [{ line: 0, ...read.problem }],
      false,
    );
  const problems: RowProblem[] = [];
  let bad = 0;
  const firstOf = new Map<string, number>();
  const rows: Extract<FeatureRow<T>, { kind: 'ok' }>[] = [];
  for (const row of read.rows) {
    if (row.kind === 'bad') {
      bad++;
      for (const p of row.problems) if (problems.length < MAX_PROBLEMS) problems.push({ line: row.feature, ...p });
      continue;
    }
    const earlier = firstOf.get(row.key);
    if (earlier !== undefined) {
      bad++;
      if (problems.length < MAX_PROBLEMS)
        problems.push({
          line: row.feature,
          ...problemOf(`features[${row.feature}].properties.id`, 'problem.import_repeats_feature', {
            feature: { number: earlier },
          }),
        });
      continue;
    }
    firstOf.set(row.key, row.feature);
    rows.push(row);
  }
  if (bad > 0) {
    const first = problems[0]!;
    throw new RowsRefused(
      `${bad.toLocaleString('en-US')} of ${read.rows.length.toLocaleString('en-US')} features cannot be imported, so nothing was: ${first.path}: ${first.message}`,
      problems,
      false,
    );
  }
  return { rows, count: read.rows.length };
}

/** An actor's id for what a file names it by: its id, else its name, Arabic name or an alias (case aside). */
export function actorFinder(actors: Iterable<Actor>): (idOrName: string) => string | null {
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const a of actors) {
    byId.set(a.id, a.id);
    for (const n of [a.name, a.nameAr, ...(a.aliases ?? [])])
      if (n && !byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), a.id);
  }
  return (text) => byId.get(text) ?? byName.get(text.trim().toLowerCase()) ?? null;
}

/**
 * A GeoJSON file of zones or sites read and checked whole by `parse` (its dates in the world's
 * timezone, actors by id or name, areas repaired when the caller asked), or refused: its good
 * features, the organizations whose imports a record may be stored as, and the report begun (the
 * features counted, each repair listed).
 */
export async function readFeatureFile<T>(
  ctx: AppContext,
  input: ImportFileInput,
  parse: (text: string, options: FeatureOptions) => FeatureRows<T>,
): Promise<{ rows: Extract<FeatureRow<T>, { kind: 'ok' }>[]; orgs: string[]; report: ImportReport }> {
  const [world, orgs, known] = [
    await settings.get(ctx.db),
    (await accounts.listOrgs(ctx.db)).map((o) => o.id),
    await actors.list(ctx.db),
  ];
  const read = parse(await readText(input.open()), {
    days: localDays(world.timezone),
    actor: actorFinder(known),
    repair: input.repair === true,
  });
  const { rows, count } = goodFeatures(read);
  const report = emptyReport(input);
  report.rows = count;
  for (const row of rows)
    for (const fix of row.repairs)
      if (report.repaired.length < MAX_NOTES) report.repaired.push({ line: row.feature, ...fix });
  return { rows, orgs, report };
}
