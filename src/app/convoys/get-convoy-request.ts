/**
 * GET /convoy-requests/{id}: one request as the caller sees it (its organizer's organization, the
 * organizations deciding for a party it asks, the secretariat; anyone else: 404), with its
 * timeline, the parties still to decide, the steps the caller may take next, and, for a draft,
 * the parties its route would need as things stand (the spec's convoy rule, from the world as the
 * caller sees it).
 */
import type { ConvoyStep } from '../../contract/convoy-requests.ts';
import type { ConvoyResult } from '../../domain/findings.ts';
import * as requests from '../../store/convoy-request.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { approvalsFor, pendingOf, partiesFor, stepsFor, stepTaker } from './convoy-request-access.ts';

export interface ConvoyRequestDetail {
  request: requests.ConvoyRequestRecord;
  steps: requests.StepRecord[];
  /** Parties asked that have not decided. */
  pending: string[];
  /** What the caller may do next, and for which parties it may decide. */
  nextSteps: ConvoyStep[];
  decidesFor: string[];
  /** A draft's approvals as things stand; null once submitted (they are then the request's own). */
  preview: ConvoyResult | null;
}

export async function getConvoyRequest(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
): Promise<ConvoyRequestDetail> {
  const by = requireCaller(caller);
  return asReader(ctx.db, readerOf(by), async (sql) => {
    const request = await requests.get(sql, id);
    if (!request) throw notFound('convoy request', id);
    const who = await stepTaker(sql, by);
    // The zones the route crosses, and a change of control's zone, named only to who may see the zone.
    const steps = await requests.listSteps(sql, id);
    const named = steps.filter((s) => s.step === 'control_changed').map((s) => String(s.details.zone));
    const seen = await requests.zonesSeen(sql, [...request.routeZones, ...named]);
    return {
      request: { ...request, routeZones: request.routeZones.filter((z) => seen.has(z)) },
      steps: steps.map((s) =>
        s.step === 'control_changed' && !seen.has(String(s.details.zone))
          ? { ...s, details: { ...s.details, zone: null, zone_name: null } }
          : s,
      ),
      pending: pendingOf(request),
      nextSteps: stepsFor(request, who),
      decidesFor: request.state === 'submitted' ? partiesFor(request, who) : [],
      preview: request.state === 'draft' ? await approvalsFor(sql, request) : null,
    };
  });
}
