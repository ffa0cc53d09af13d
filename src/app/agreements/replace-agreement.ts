/**
 * POST /agreements creates an agreement (the server chooses its id: a client that could would
 * learn from a refusal that a hidden agreement holds it); PUT /agreements/{id} replaces one the
 * caller may see, whole. The caller replaces what it can see: clauses it may not see are kept
 * (after its own), so an analyst outside the co-chairs cannot erase their negotiation room's
 * clauses without knowing of them.
 */
import { randomUUID } from 'node:crypto';
import { toAgreement } from '../../scenario/convert.ts';
import * as agreements from '../../store/agreement.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { sameRecord } from '../../store/rows.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { AgreementInput } from '../shared/inputs.ts';
import { requireCoChairs } from '../shared/references.ts';
import { saveAgreementChange } from './save-agreement-change.ts';
import { writeWorld, type WriteOptions, type Written } from '../shared/write-world.ts';

export async function createAgreement(
  ctx: AppContext,
  caller: Caller | null,
  input: AgreementInput,
): Promise<Written<agreements.AgreementRecord>> {
  return writeAgreement(ctx, caller, `agreement-${randomUUID()}`, input, false);
}

export async function replaceAgreement(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: AgreementInput,
  options: WriteOptions = {},
): Promise<Written<agreements.AgreementRecord>> {
  return writeAgreement(ctx, caller, id, input, true, options);
}

async function writeAgreement(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: AgreementInput,
  replace: boolean,
  options: WriteOptions = {},
): Promise<Written<agreements.AgreementRecord>> {
  const by = requirePermission(caller, 'world:manage');
  const reader = readerOf(by);
  return writeWorld(
    ctx,
    by,
    async (tx) => {
      await agreements.lock(tx, id);
      const stored = replace ? await agreements.getRecord(tx, id) : null;
      const visible = stored && (await readWithin(tx, reader, (sql) => agreements.getRecord(sql, id)));
      if (replace && !visible) throw notFound('agreement', id);
      const clauses: agreements.ClauseRecord[] = input.clauses.map((c) => {
        const repeated = visible?.clauses.find((s) => s.code === c.code && s.text === c.text);
        return {
          code: c.code,
          text: c.text,
          acts: c.acts,
          classification: c.classification ?? repeated?.classification ?? 'public',
          ownerOrg: repeated && !c.classification ? repeated.ownerOrg : by.orgId,
        };
      });
      const next: agreements.AgreementRecord = {
        ...toAgreement({ ...withoutCoChairs(input), id, clauses: [] }),
        classification: input.classification ?? stored?.classification ?? 'public',
        // A loaded record has no owner: whoever first edits it through the API becomes its owner.
        ownerOrg: stored?.ownerOrg ?? by.orgId,
        coChairs: input.co_chairs ? await requireCoChairs(tx, 'co_chairs', input.co_chairs) : (stored?.coChairs ?? []),
        clauses: [...clauses, ...hiddenClauses(stored?.clauses ?? [], visible?.clauses ?? [])],
      };
      return saveAgreementChange(tx, by, reader, stored, next, stored ? 'replace' : 'create');
    },
    options,
  );
}

/** The stored clauses that are not among those the caller sees (each seen one accounts for one stored). */
function hiddenClauses(
  stored: readonly agreements.ClauseRecord[],
  seen: readonly agreements.ClauseRecord[],
): agreements.ClauseRecord[] {
  const unmatched = [...seen];
  return stored.filter((c) => {
    const i = unmatched.findIndex((s) => sameRecord(s, c));
    if (i < 0) return true;
    unmatched.splice(i, 1);
    return false;
  });
}

const withoutCoChairs = ({ co_chairs: _coChairs, ...agreement }: AgreementInput) => agreement;
