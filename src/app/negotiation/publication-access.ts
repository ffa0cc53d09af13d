/** A publication proposal looked up in its room, and the refusals of a step it is past. */
import { statement } from '../../domain/statements.ts';
import * as rooms from '../../store/negotiation.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { AppError, notFound } from '../errors.ts';

export async function requirePublication(tx: Sql, roomId: string, id: string): Promise<rooms.PublicationRecord> {
  const p = await rooms.getPublication(tx, roomId, id);
  if (!p) throw notFound('publication proposal', id);
  return p;
}

/** Only a proposal still waiting may be approved or published. */
export function requireProposed(p: rooms.PublicationRecord): void {
  if (p.state === 'voided')
    throw new AppError(
      'CONFLICT',
      'this proposal was voided by a change to one of its clauses: propose the new versions',
      undefined,
      statement('error.publication_voided'),
    );
  if (p.state === 'published')
    throw new AppError(
      'CONFLICT',
      'this proposal is published already',
      undefined,
      statement('error.publication_published'),
    );
}
