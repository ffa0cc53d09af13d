/**
 * What a territory finding says of the local agreement its change of control came by (a local
 * agreement whose `control_change_at` is the change's instant, of the same zone): read as the
 * reader, so that an agreement the reader may not see is not named (the finding reads as if there
 * were none). Incident findings came by no agreement.
 */
import type * as findings from '../../store/finding.repository.ts';
import * as localAgreements from '../../store/local-agreement.repository.ts';
import type { Sql } from '../../store/sql.ts';

export type AgreementMention = localAgreements.AgreementMention;
export type StoredFinding = findings.StoredFinding;
export type WithLocalAgreement<F> = F & { byLocalAgreement: AgreementMention | null };

export async function withLocalAgreements<F extends findings.StoredFinding>(
  sql: Sql,
  items: readonly F[],
): Promise<WithLocalAgreement<F>[]> {
  const changes = items.filter((f) => f.kind === 'territory').map((f) => ({ zone: f.subjectId, at: f.at }));
  const found = await localAgreements.forChanges(sql, changes);
  return items.map((f) =>
    Object.assign(f, {
      byLocalAgreement:
        f.kind === 'territory' ? (found.get(localAgreements.changeKey(f.subjectId, f.at)) ?? null) : null,
    }),
  );
}
