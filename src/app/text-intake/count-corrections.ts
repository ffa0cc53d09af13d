/**
 * GET /intake/corrections: of the drafts confirmed from the texts the reader may see, how many
 * were accepted as the rules proposed them and how often each field was corrected (migration 036;
 * drafts confirmed before it are not counted).
 */
import { DRAFT_FIELDS, type DraftField } from '../../contract/intake.ts';
import { asReader } from '../../store/reader.ts';
import * as sources from '../../store/source-text.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';

export interface Corrections {
  confirmed: number;
  unchanged: number;
  fields: Record<DraftField, number>;
}

export async function countCorrections(ctx: AppContext, caller: Caller | null): Promise<Corrections> {
  const c = requirePermission(caller, 'report:file');
  const counted = await asReader(ctx.db, readerOf(c), (sql) => sources.countCorrections(sql));
  return {
    confirmed: counted.confirmed,
    unchanged: counted.unchanged,
    fields: Object.fromEntries(DRAFT_FIELDS.map((f) => [f, counted.fields[f] ?? 0])) as Record<DraftField, number>,
  };
}
