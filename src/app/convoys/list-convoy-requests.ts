/**
 * GET /convoy-requests: the requests the caller may see, newest first: all of them, its
 * organization's own (`mine`), or those awaiting its organization (`awaiting`: the approver's
 * queue, a decision for a party it decides for; for the secretariat also a decision for a party
 * nobody decides for, and a facilitation letter to record). Each with the steps the caller may take.
 */
import type { ConvoyState, ConvoyStep } from '../../contract/convoy-requests.ts';
import type { Page, PageRequest } from '../../contract/paging.ts';
import * as requests from '../../store/convoy-request.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { pendingOf, stepsFor, stepTaker } from './convoy-request-access.ts';

export interface ConvoyRequestItem {
  request: requests.ConvoyRequestRecord;
  pending: string[];
  nextSteps: ConvoyStep[];
}

export async function listConvoyRequests(
  ctx: AppContext,
  caller: Caller | null,
  filter: { box?: 'mine' | 'awaiting' | undefined; state?: ConvoyState | undefined },
  page: PageRequest,
): Promise<Page<ConvoyRequestItem>> {
  const by = requireCaller(caller);
  return asReader(ctx.db, readerOf(by), async (sql) => {
    const who = await stepTaker(sql, by);
    const found = await requests.listPage(sql, { ...filter, orgId: by.orgId }, page);
    return {
      items: found.items.map((request) => ({
        request,
        pending: pendingOf(request),
        nextSteps: stepsFor(request, who),
      })),
      next: found.next,
    };
  });
}
