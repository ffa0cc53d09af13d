/**
 * A step of a request's journey, the one way every such step is written: the caller's permission,
 * the request seen and locked, the step guard (party, then order), the step's own writes, the
 * new state, the timeline entry and the audit entry, in one transaction; the live event after.
 */
import { type ConvoyStep, STEP_LEADS_TO, STEP_RULES } from '../../contract/convoy-requests.ts';
import * as requests from '../../store/convoy-request.repository.ts';
import { asReader } from '../../store/reader.ts';
import type { Sql } from '../../store/sql.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, auditStep, lockVisible, requireStep, stepTaker } from './convoy-request-access.ts';

export type JourneyStep = Exclude<ConvoyStep, 'submit' | 'decide'>;

export interface StepWrites {
  /** What the timeline and the audit entry say of the step. */
  details: Record<string, unknown>;
  /** The access incident the step made. */
  incidentId?: string | null;
}

export async function takeStep(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  step: JourneyStep,
  at: number,
  write: (tx: Sql, before: requests.ConvoyRequestRecord, by: Caller) => Promise<StepWrites>,
): Promise<requests.ConvoyRequestRecord> {
  const by = requirePermission(caller, STEP_RULES[step].permission);
  const now = ctx.now();
  await writeWorld(ctx, by, async (tx) => {
    const before = await lockVisible(tx, by, id);
    requireStep(step, before, await stepTaker(tx, by));
    const { details, incidentId = null } = await write(tx, before, by);
    const state = STEP_LEADS_TO[step];
    await requests.setState(tx, id, state, now);
    await requests.insertStep(tx, id, {
      step,
      stateAfter: state,
      at,
      orgId: by.orgId,
      username: by.username,
      details,
      incidentId,
    });
    const said = {
      step: { name: step, at: new Date(at).toISOString(), ...details },
      incident_id: incidentId ?? undefined,
    };
    return { value: null, audit: [auditStep(step, before, (await requests.get(tx, id))!, said)] };
  });
  announce(ctx, id);
  return (await asReader(ctx.db, readerOf(by), (sql) => requests.get(sql, id)))!;
}
