/**
 * GET /intake: the texts the reader may see, newest first, each with how many of its drafts wait,
 * were confirmed or dropped; `waiting` keeps those with a draft still to decide (the texts a mail
 * server posted land here for a person to read).
 */
import type { Page, PageRequest } from '../../contract/paging.ts';
import { asReader } from '../../store/reader.ts';
import * as sources from '../../store/source-text.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listSourceTexts(
  ctx: AppContext,
  caller: Caller | null,
  q: { waiting: boolean } & PageRequest,
): Promise<Page<sources.SourceTextSummary>> {
  const c = requirePermission(caller, 'report:file');
  const before = q.after ? { receivedAt: Date.parse(String(q.after[0])), id: String(q.after[1]) } : null;
  const rows = await asReader(ctx.db, readerOf(c), (sql) =>
    sources.list(sql, { waiting: q.waiting, limit: q.limit + 1, before }),
  );
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > q.limit && last ? [new Date(last.receivedAt).toISOString(), last.id] : null,
  };
}

export type { SourceTextSummary } from '../../store/source-text.repository.ts';
