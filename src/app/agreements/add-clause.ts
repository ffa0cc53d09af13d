/** POST /agreements/{id}/clauses: a clause with its own classification (a co-chairs clause stays in their room). */
import type * as agreements from '../../store/agreement.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import type { ClauseInput } from '../shared/inputs.ts';
import { lockVisibleAgreement, saveAgreementChange } from './save-agreement-change.ts';
import { writeWorld, type WriteOptions, type Written } from '../shared/write-world.ts';

export async function addClause(
  ctx: AppContext,
  caller: Caller | null,
  agreementId: string,
  input: ClauseInput,
  options: WriteOptions = {},
): Promise<Written<agreements.AgreementRecord>> {
  const by = requirePermission(caller, 'world:manage');
  const reader = readerOf(by);
  return writeWorld(
    ctx,
    by,
    async (tx) => {
      const stored = await lockVisibleAgreement(tx, reader, agreementId);
      const clause = {
        code: input.code,
        text: input.text,
        acts: input.acts,
        classification: input.classification ?? 'public',
        ownerOrg: by.orgId,
      };
      return saveAgreementChange(
        tx,
        by,
        reader,
        stored,
        { ...stored, clauses: [...stored.clauses, clause] },
        'add-clause',
      );
    },
    options,
  );
}
