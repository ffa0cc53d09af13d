/**
 * Stores incidents an importer reads, batch by batch, and judges the new ones. Each batch is one
 * transaction: the actors it names that are not stored yet, the incidents whose id is new (an
 * incident already stored is left alone, so importing a file twice adds nothing), and the
 * findings of those new incidents.
 *
 * The rulebook is read once. Actors the import adds join it in memory (a designated one is then
 * excluded from every agreement); a new actor cannot change a judgement already made, so nothing
 * stored is judged again. Judging needs no database, so it runs ahead, with the reading, while
 * earlier batches are being written. The audit trail gets one entry per batch that added
 * anything, naming what it added (not one entry per incident: an import can hold a million).
 */
import type { Classification } from '../../contract/access.ts';
import { adjudicateIncident } from '../../domain/adjudicate.ts';
import type { Actor } from '../../domain/model.ts';
import { Rulebook } from '../../domain/rulebook.ts';
import * as actors from '../../store/actor.repository.ts';
import type { Database, Sql } from '../../store/sql.ts';
import * as findings from '../../store/finding.repository.ts';
import * as incidents from '../../store/incident.repository.ts';
import { audit } from '../shared/audit.ts';
import type { Caller } from '../caller.ts';
import { storedIncidentFinding } from '../findings/recompute-findings.ts';
import { loadRulebook } from '../findings/load-world.ts';

export type ImportedActor = Actor & { source?: unknown };

export interface IncidentBatch {
  incidents: incidents.IncidentRecord[];
  /** The actors the incidents name (as perpetrator, target or side); stored ones are skipped. */
  actors: ImportedActor[];
}

export interface ImportTally {
  inserted: number;
  alreadyPresent: number;
  /** Ids of the actors the import stored. */
  actorsAdded: string[];
  findings: number;
}

interface JudgedBatch {
  incidents: incidents.IncidentRecord[];
  newActors: ImportedActor[];
  /** The findings of each incident, should it turn out to be new. */
  findings: Map<string, findings.StoredFinding[]>;
}

export interface ImportOptions {
  /** Where the incidents come from, for the audit trail: `ucdp`. */
  source: string;
  /** Who imports, for the audit trail; null (default) is the operator at the command line. */
  caller?: Caller | null;
  now?: () => number;
  /** The incidents' classification and owning organization (default: public, no owner); the audit entries carry them too. */
  access?: { classification: Classification; ownerOrg: string | null };
  onBatch?: (tally: ImportTally) => void;
}

/**
 * Batches written at once. Two keep PostgreSQL busy on a second core while this process reads and
 * judges; PGlite runs one transaction at a time, so there the second simply waits its turn.
 */
const WRITERS = 2;

export async function importIncidents(
  db: Database,
  batches: AsyncIterable<IncidentBatch>,
  options: ImportOptions,
): Promise<ImportTally> {
  const tally: ImportTally = { inserted: 0, alreadyPresent: 0, actorsAdded: [], findings: 0 };
  const access = options.access ?? { classification: 'public' as const, ownerOrg: null };
  const write = async (batch: JudgedBatch): Promise<void> => {
    const { added, inserted, findingCount } = await db.transaction(async (tx) => {
      const stored = await storeBatch(tx, batch, access);
      if (stored.inserted.length > 0 || stored.added.length > 0) {
        await audit(tx, options.caller ?? null, (options.now ?? Date.now)(), [
          {
            action: 'import',
            entity: 'incidents',
            entityId: options.source,
            classification: access.classification,
            ownerOrg: access.ownerOrg,
            after: { source: options.source, incidents: stored.inserted, actors: stored.added },
          },
        ]);
      }
      return stored;
    });
    tally.actorsAdded.push(...added);
    tally.inserted += inserted.length;
    tally.alreadyPresent += batch.incidents.length - inserted.length;
    tally.findings += findingCount;
    options.onBatch?.(tally);
  };

  const writing = new Set<Promise<void>>();
  try {
    // The next batch is read and judged while up to WRITERS batches are being written.
    for await (const batch of judge(batches, await loadRulebook(db))) {
      const written: Promise<void> = write(batch).finally(() => writing.delete(written));
      written.catch(() => undefined); // a failure is seen by the race or the wait below
      writing.add(written);
      // A later batch may name the actors this one adds (as perpetrator, a foreign key), and
      // cannot see them before this one commits.
      if (batch.newActors.length > 0) await Promise.all(writing);
      else if (writing.size >= WRITERS) await Promise.race(writing);
    }
    await Promise.all(writing);
  } catch (e) {
    await Promise.allSettled(writing); // let the other writes finish before the caller closes the database
    throw e;
  }
  return tally;
}

async function* judge(batches: AsyncIterable<IncidentBatch>, initial: Rulebook): AsyncGenerator<JudgedBatch> {
  let book = initial;
  for await (const batch of batches) {
    const newActors = [...new Map(batch.actors.filter((a) => !book.actors.has(a.id)).map((a) => [a.id, a])).values()];
    if (newActors.length > 0) book = withActors(book, newActors);
    const judged = new Map<string, findings.StoredFinding[]>();
    for (const incident of batch.incidents) {
      if (!judged.has(incident.id))
        judged.set(incident.id, adjudicateIncident(book, incident).map(storedIncidentFinding));
    }
    yield { incidents: batch.incidents, newActors, findings: judged };
  }
}

/** The same rulebook, knowing some more actors. */
export function withActors(book: Rulebook, actors: readonly Actor[]): Rulebook {
  const plain = actors.map(({ id, name, kind, aliases, designated }) => ({ id, name, kind, aliases, designated }));
  return new Rulebook({
    actors: [...book.actors.values(), ...plain],
    agreements: book.agreements.map((g) => g.agreement),
    zones: [...book.zoneList],
  });
}

async function storeBatch(
  sql: Sql,
  batch: JudgedBatch,
  access: { classification: Classification; ownerOrg: string | null },
): Promise<{ added: string[]; inserted: string[]; findingCount: number }> {
  // An import can be run again (it adds only what is missing), so a crash that loses the last
  // batches committed costs nothing: their commits need not wait for the disk.
  await sql.query('set local synchronous_commit = off');
  const added = await actors.insertNew(sql, batch.newActors);
  // Each incident goes in with the summary of the findings that follow, so that the findings'
  // trigger finds nothing to update: otherwise every new incident would be written twice.
  const inserted = await incidents.insertNew(sql, batch.incidents, batch.findings, access);
  const stored = inserted.flatMap((id) => batch.findings.get(id) ?? []);
  await findings.insert(sql, stored, true);
  return { added, inserted, findingCount: stored.length };
}
