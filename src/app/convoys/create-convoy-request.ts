/**
 * POST /convoy-requests: a humanitarian organization drafts a convoy request (convoy:organize): its
 * name, route, destinations, time window, cargo lines and the beneficiaries planned. A draft is
 * its organizer's and the secretariat's to see until it is submitted. The convoy runs as the party
 * the organization decides for, if it decides for one (the organizer of the spec's convoy rule).
 */
import { randomUUID } from 'node:crypto';
import * as requests from '../../store/convoy-request.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, auditStep, stepTime } from './convoy-request-access.ts';
import { checkDraft, type ConvoyRequestInput } from './draft-input.ts';

export async function createConvoyRequest(
  ctx: AppContext,
  caller: Caller | null,
  input: ConvoyRequestInput,
  /** When it was drafted, for a request recorded after the fact (the demo world); now by default. */
  options: { at?: number } = {},
): Promise<requests.ConvoyRequestRecord> {
  const by = requirePermission(caller, 'convoy:organize');
  checkDraft(input);
  const id = `cvr-${randomUUID()}`;
  const at = stepTime('at', options.at, ctx.now());
  await writeWorld(ctx, by, async (tx) => {
    const organizerActor = await requests.representedBy(tx, by.orgId);
    await requests.insert(tx, { ...input, id, organizerOrg: by.orgId, organizerActor, createdBy: by.username, at });
    await requests.insertStep(tx, id, {
      step: 'create',
      stateAfter: 'draft',
      at,
      orgId: by.orgId,
      username: by.username,
      details: {},
    });
    return { value: null, audit: [auditStep('create', null, (await requests.get(tx, id))!)] };
  });
  announce(ctx, id);
  return (await asReader(ctx.db, readerOf(by), (sql) => requests.get(sql, id)))!;
}
