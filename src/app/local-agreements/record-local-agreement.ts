/**
 * POST /local-agreements (local_agreement:manage): a local agreement (a reconciliation, a
 * surrender or evacuation deal) for a zone: its parties, mediators and guarantors, its terms, the
 * day it was concluded and, when it is known, the change of control of the zone that followed.
 * The server chooses its id.
 */
import { randomUUID } from 'node:crypto';
import type { Classification } from '../../contract/access.ts';
import type { Instant } from '../../domain/time.ts';
import * as localAgreements from '../../store/local-agreement.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import {
  agreementChange,
  agreementView,
  requireChangeOfControl,
  requireParties,
  requireVisibleZone,
} from './local-agreement-access.ts';

export interface LocalAgreementInput {
  name: string;
  nameAr: string | null;
  zoneId: string;
  concludedOn: string;
  terms: string;
  source: string | null;
  controlChangeAt: Instant | null;
  classification: Classification;
  parties: localAgreements.PartyRecord[];
}

export async function recordLocalAgreement(
  ctx: AppContext,
  caller: Caller | null,
  input: LocalAgreementInput,
): Promise<localAgreements.LocalAgreementRead> {
  const by = requirePermission(caller, 'local_agreement:manage');
  const g: localAgreements.LocalAgreementRecord = { id: `local-${randomUUID()}`, ...input, ownerOrg: by.orgId };
  const { value } = await writeWorld(ctx, by, async (tx) => {
    await requireVisibleZone(tx, by, g.zoneId);
    await requireParties(tx, g.parties);
    if (g.controlChangeAt !== null) await requireChangeOfControl(tx, g.zoneId, g.controlChangeAt, g.concludedOn);
    await localAgreements.insert(tx, g);
    return {
      value: (await readWithin(tx, readerOf(by), (sql) => localAgreements.get(sql, g.id)))!,
      audit: [agreementChange('create', g, null, agreementView(g))],
    };
  });
  return value;
}
