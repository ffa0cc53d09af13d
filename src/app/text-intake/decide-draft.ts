/**
 * A person decides a draft of text intake: confirm it (as it was drafted or corrected), which
 * files it as a report through the report-filing use case under its text's classification and
 * links the draft to it (the report's link to its source), or drop it. A draft is decided once;
 * one the caller may not see is missing.
 */
import * as sources from '../../store/source-text.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import type * as reports from '../../store/report.repository.ts';
import { audit } from '../shared/audit.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { fileReport, type ReportInput, type Transport } from '../reports/file-report.ts';

type Decided = { draft: sources.TextDraftRecord; report: reports.ReportRecord | null };

/** The draft, locked, with its text, as the caller sees them: missing if hidden, 409 once decided. */
async function lockProposedIn(tx: Sql, c: Caller, id: string) {
  return readWithin(tx, readerOf(c), async (sql) => {
    const draft = await sources.lockDraft(sql, id);
    const source = draft ? await sources.get(sql, draft.sourceTextId) : null;
    if (!draft || !source) throw new AppError('NOT_FOUND', `no draft "${id}"`);
    if (draft.state !== 'proposed') throw new AppError('CONFLICT', `the draft was ${draft.state} already`);
    return { draft, source };
  });
}

const lockProposed = (ctx: AppContext, c: Caller, id: string) => ctx.db.transaction((tx) => lockProposedIn(tx, c, id));

async function decide(
  ctx: AppContext,
  c: Caller,
  id: string,
  state: 'confirmed' | 'dropped',
  reportId: string | null,
): Promise<sources.TextDraftRecord> {
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { draft, source } = await lockProposedIn(tx, c, id);
    await sources.decideDraft(tx, id, { state, reportId, at, by: c.username });
    await audit(tx, c, at, [
      {
        action: state === 'confirmed' ? 'confirm-draft' : 'drop-draft',
        entity: 'source_text',
        entityId: source.id,
        classification: source.classification,
        ownerOrg: source.ownerOrg,
        after: { draft_id: id, ...(reportId ? { report_id: reportId } : {}) },
      },
    ]);
    return { ...draft, state, reportId, decidedAt: at, decidedBy: c.username };
  });
}

export async function confirmDraft(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: Omit<ReportInput, 'classification'>,
  transport: Transport,
): Promise<Decided> {
  const c = requirePermission(caller, 'report:file');
  const { source } = await lockProposed(ctx, c, id);
  const report = await fileReport(ctx, c, { ...input, classification: source.classification }, transport);
  return { draft: await decide(ctx, c, id, 'confirmed', report.id), report };
}

export async function dropDraft(ctx: AppContext, caller: Caller | null, id: string): Promise<Decided> {
  const c = requirePermission(caller, 'report:file');
  return { draft: await decide(ctx, c, id, 'dropped', null), report: null };
}
