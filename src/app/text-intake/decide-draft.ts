/**
 * A person decides a draft of text intake: confirm it (as it was drafted or corrected), which
 * files it as a report through the report-filing use case under its text's classification and
 * links the draft to it (the report's link to its source), or drop it. A draft is decided once:
 * each decision locks the draft's row (`for update`) in the transaction that writes it, the
 * report included, so that of two people confirming one draft at the same instant one files the
 * report and the other is told who decided it first. One the caller may not see is missing.
 */
import * as sources from '../../store/source-text.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import type * as reports from '../../store/report.repository.ts';
import { statement, term } from '../../domain/statements.ts';
import type { DraftReport } from '../../ingest/text/draft-reports.ts';
import { audit, type Change } from '../shared/audit.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { fileReport, type ReportInput, type Transport } from '../reports/file-report.ts';
import { draftChanges } from './draft-changes.ts';

type Decided = { draft: sources.TextDraftRecord; report: reports.ReportRecord | null };

/** The draft, locked, with its text, as the caller sees them: missing if hidden, 409 once decided. */
async function lockProposedIn(tx: Sql, c: Caller, id: string) {
  return readWithin(tx, readerOf(c), async (sql) => {
    const draft = await sources.lockDraft(sql, id);
    const source = draft ? await sources.get(sql, draft.sourceTextId) : null;
    if (!draft || !source) throw new AppError('NOT_FOUND', `no draft "${id}"`);
    if (draft.state !== 'proposed') throw decidedAlready(draft);
    return { draft, source };
  });
}

function decidedAlready(d: sources.TextDraftRecord): AppError {
  const by = d.decidedBy ?? 'someone';
  const at = d.decidedAt ?? 0;
  const said = statement(d.state === 'confirmed' ? 'error.draft_confirmed' : 'error.draft_dropped', {
    by: { user: by },
    at: term.instant(at),
  });
  return new AppError('CONFLICT', `the draft was ${d.state} already, by ${by}`, undefined, said);
}

const decisionChange = (
  source: sources.SourceTextRecord,
  id: string,
  state: 'confirmed' | 'dropped',
  reportId: string | null,
  changed: readonly string[] | null = null,
): Change => ({
  action: state === 'confirmed' ? 'confirm-draft' : 'drop-draft',
  entity: 'source_text',
  entityId: source.id,
  classification: source.classification,
  ownerOrg: source.ownerOrg,
  after: { draft_id: id, ...(reportId ? { report_id: reportId } : {}), ...(changed ? { changed: [...changed] } : {}) },
});

export async function confirmDraft(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: Omit<ReportInput, 'classification'>,
  transport: Transport,
): Promise<Decided> {
  const c = requirePermission(caller, 'report:file');
  // The classification is the text's: read first to file under it, then locked and checked again
  // in the report's own transaction (the first read decides nothing).
  const classification = await ctx.db.transaction(
    async (tx) => (await lockProposedIn(tx, c, id)).source.classification,
  );
  let decided: sources.TextDraftRecord | null = null;
  let changed: string[] = [];
  const report = await fileReport(ctx, c, { ...input, classification }, transport, {
    async before(tx, filed) {
      const { draft, source } = await lockProposedIn(tx, c, id);
      changed = draftChanges(draft.draft as unknown as DraftReport, input);
      decided = {
        ...draft,
        state: 'confirmed',
        reportId: filed.id,
        decidedAt: filed.receivedAt,
        decidedBy: c.username,
        changed,
      };
      return [decisionChange(source, id, 'confirmed', filed.id, changed)];
    },
    async after(tx, filed) {
      await sources.decideDraft(tx, id, {
        state: 'confirmed',
        reportId: filed.id,
        at: filed.receivedAt,
        by: c.username,
        changed,
      });
    },
  });
  ctx.events.publish({
    type: 'source_text.changed',
    entity: 'source_text',
    id: decided!.sourceTextId,
    at: report.receivedAt,
  });
  return { draft: decided!, report };
}

export async function dropDraft(ctx: AppContext, caller: Caller | null, id: string): Promise<Decided> {
  const c = requirePermission(caller, 'report:file');
  const at = ctx.now();
  const draft = await ctx.db.transaction(async (tx) => {
    const { draft, source } = await lockProposedIn(tx, c, id);
    await sources.decideDraft(tx, id, { state: 'dropped', reportId: null, at, by: c.username, changed: null });
    await audit(tx, c, at, [decisionChange(source, id, 'dropped', null)]);
    return { ...draft, state: 'dropped' as const, reportId: null, decidedAt: at, decidedBy: c.username, changed: null };
  });
  ctx.events.publish({ type: 'source_text.changed', entity: 'source_text', id: draft.sourceTextId, at });
  return { draft, report: null };
}
