/** GET /intake/{id}: a source text and its drafts, as the reader may see them (hidden is missing). */
import { asReader } from '../../store/reader.ts';
import * as sources from '../../store/source-text.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';

export async function getSourceText(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
): Promise<{ source: sources.SourceTextRecord; drafts: sources.TextDraftRecord[] }> {
  const c = requirePermission(caller, 'report:file');
  const found = await asReader(ctx.db, readerOf(c), async (sql) => {
    const source = await sources.get(sql, id);
    return source ? { source, drafts: await sources.listDrafts(sql, id) } : null;
  });
  if (!found) throw new AppError('NOT_FOUND', `no source text "${id}"`);
  return found;
}
