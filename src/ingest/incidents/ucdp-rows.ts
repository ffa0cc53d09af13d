/** UCDP GED rows (ingest/ucdp) as the rows every importer of incidents reads (imported-rows.ts). */
import type { LocalDays } from '../local-day.ts';
import { sideActorCache } from '../ucdp/ucdp-actors.ts';
import { UcdpFileError, ucdpRows } from '../ucdp/ucdp-file.ts';
import { mapUcdpRow } from '../ucdp/ucdp-map.ts';
import { ImportFileError, type ImportedChunk } from './imported-rows.ts';

export async function* ucdpImportedRows(
  input: AsyncIterable<Buffer | string>,
  days: LocalDays,
): AsyncGenerator<ImportedChunk> {
  const context = { days, actorFor: sideActorCache() };
  try {
    for await (const chunk of ucdpRows(input)) {
      yield {
        bytesRead: chunk.bytesRead,
        rows: chunk.rows.map(({ line, check }) => {
          if (!check.ok) return { line, kind: 'bad', problems: check.problems };
          const mapped = mapUcdpRow(check.row, context);
          return { line, kind: 'incident', incident: mapped.incident, actors: mapped.actors, notes: check.notes };
        }),
      };
    }
  } catch (e) {
    if (e instanceof UcdpFileError) throw new ImportFileError(e.line, e.problem);
    throw e;
  }
}
