/**
 * Proposing a ruling on an incident's finding: one the rules leave for review, or, for a
 * co-chair, any finding it contests. The ruling (verdict, violators, reasoning, the accounts
 * relied on) waits for the approval of every co-chair organization; the proposer's own counts
 * when it is one. It never overwrites the finding: it is kept beside it (migration 009).
 */
import { incidentFindingKey } from '../../store/finding.repository.ts';
import * as findings from '../../store/finding.repository.ts';
import * as actors from '../../store/actor.repository.ts';
import * as accounts from '../../store/account.repository.ts';
import * as agreements from '../../store/agreement.repository.ts';
import * as incidents from '../../store/incident.repository.ts';
import { asReader } from '../../store/reader.ts';
import { readWithin } from '../../store/reader-within.ts';
import * as reports from '../../store/report.repository.ts';
import * as rulings from '../../store/ruling.repository.ts';
import { newId } from '../accounts/secrets.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { putInForceIfApproved, rulingChange } from './ruling-changes.ts';

export interface RulingProposal {
  /** The agreement of the finding ruled on (null: the finding under no agreement). */
  agreement: string | null;
  verdict: rulings.RuledVerdict;
  violators: string[];
  reasoning: string;
  reliedOn: string[];
}

export async function proposeRuling(
  ctx: AppContext,
  caller: Caller | null,
  incidentId: string,
  input: RulingProposal,
): Promise<rulings.Ruling> {
  const c = requirePermission(caller, 'incident:manage');
  const at = ctx.now();
  const id = newId();
  const key = incidentFindingKey(incidentId, input.agreement);
  const inForce = await ctx.db.transaction(async (tx) => {
    const { incident, finding, linked } = await readWithin(tx, readerOf(c), async (sql) => {
      const incident = (await incidents.lock(sql, incidentId))
        ? (await incidents.getMany(sql, [incidentId]))[0]
        : undefined;
      if (!incident) throw notFound('incident', incidentId);
      const finding = await findings.get(sql, key);
      if (!finding)
        throw invalid('agreement', `the incident has no finding under ${input.agreement ?? 'no agreement'}`);
      const linked = new Set((await reports.listOfIncident(sql, incidentId)).map((r) => r.id));
      return { incident, finding, linked };
    });
    // The co-chairs the agreement names (those that are still co-chair organizations), or every co-chair organization.
    const orgs = await accounts.listOrgs(tx);
    const all = orgs.filter((o) => o.kind === 'co_chair').map((o) => o.id);
    const named = input.agreement ? ((await agreements.getRecord(tx, input.agreement))?.coChairs ?? []) : [];
    const coChairs = named.some((o) => all.includes(o)) ? named.filter((o) => all.includes(o)) : all;
    if (coChairs.length === 0) throw invalid('verdict', 'no co-chair organization exists to approve a ruling');
    if (finding.verdict !== 'needs_review' && !coChairs.includes(c.orgId))
      throw invalid(
        'agreement',
        'this finding does not need review: only a co-chair may contest what the rules decided',
      );
    input.reliedOn.forEach((r, i) => {
      if (!linked.has(r)) throw invalid(`relied_on[${i}]`, `"${r}" is not an account of this incident`);
    });
    const known = await actors.knownIds(tx, input.violators);
    input.violators.forEach((v, i) => {
      if (!known.has(v)) throw invalid(`violators[${i}]`, `unknown actor "${v}"`);
    });
    const open = await rulings.lockOpenOfFinding(tx, key);
    if (open.some((r) => r.status === 'pending'))
      throw new AppError(
        'CONFLICT',
        'a ruling on this finding already waits for approval: approve or withdraw it first',
      );
    const ruling: rulings.Ruling = {
      id,
      findingKey: key,
      incidentId,
      agreement: input.agreement,
      verdict: input.verdict,
      violators: input.violators,
      reasoning: input.reasoning,
      reliedOn: input.reliedOn,
      automatic: { verdict: finding.verdict, violators: finding.violators },
      restsOnZones: finding.restsOnZones,
      requiredOrgs: coChairs,
      approvals: [],
      status: 'pending',
      needsAnotherLook: false,
      proposedBy: c.userId,
      proposedOrg: c.orgId,
      proposedAt: at,
      inForceAt: null,
      closedAt: null,
      classification: incident.classification,
      ownerOrg: incident.ownerOrg,
    };
    await rulings.insert(tx, ruling);
    const changes = [rulingChange('propose-ruling', ruling, incident)];
    if (coChairs.includes(c.orgId)) {
      await rulings.approve(tx, id, c.orgId, c.userId, at);
      changes.push(rulingChange('approve-ruling', ruling, incident, { org: c.orgId }));
    }
    return putInForceIfApproved(tx, c, at, id, incident, changes);
  });
  ctx.wrote();
  ctx.events.publish({ type: 'incident.updated', entity: 'incident', id: incidentId, at });
  if (inForce) ctx.events.publish({ type: 'finding.changed', entity: 'incident', id: incidentId, at });
  const [ruling] = await asReader(ctx.db, readerOf(c), (sql) => rulings.getMany(sql, [id]));
  return ruling!;
}
