/** How rulings look in responses, and what proposing one holds. */
import { z } from 'zod';
import { type Ruling, RULING_STATUSES } from '../../app/rulings/list-rulings.ts';
import type { RulingProposal } from '../../app/rulings/propose-ruling.ts';
import { formatInstant } from '../../domain/time.ts';
import { VERDICTS } from '../../domain/findings.ts';
import { classified, instantOut } from '../schemas.ts';

const RULED_VERDICTS = ['violation', 'permitted', 'not_covered'] as const;

export const rulingSchema = z
  .object({
    id: z.string(),
    incident_id: z.string(),
    finding_key: z.string(),
    agreement: z.string().nullable(),
    verdict: z.enum(RULED_VERDICTS),
    violators: z.array(z.string()),
    reasoning: z.string(),
    relied_on: z.array(z.string()).describe('the accounts relied on, those you may see'),
    automatic: z
      .object({ verdict: z.enum(VERDICTS), violators: z.array(z.string()) })
      .describe("the rules' finding it was proposed against"),
    required_orgs: z.array(z.string()).describe('the co-chair organizations whose approval it needs'),
    approvals: z.array(z.object({ org: z.string(), at: instantOut })),
    status: z.enum(RULING_STATUSES),
    needs_another_look: z.boolean().describe("the facts changed the rules' finding since it was proposed"),
    proposed_org: z.string(),
    proposed_at: instantOut,
    in_force_at: instantOut.nullable(),
    closed_at: instantOut.nullable(),
    ...classified,
  })
  .meta({ id: 'Ruling' });

export const rulingJson = (r: Ruling): z.infer<typeof rulingSchema> => ({
  id: r.id,
  incident_id: r.incidentId,
  finding_key: r.findingKey,
  agreement: r.agreement,
  verdict: r.verdict,
  violators: r.violators,
  reasoning: r.reasoning,
  relied_on: r.reliedOn,
  automatic: r.automatic,
  required_orgs: r.requiredOrgs,
  approvals: r.approvals.map((a) => ({ org: a.org, at: formatInstant(a.at) })),
  status: r.status,
  needs_another_look: r.needsAnotherLook,
  proposed_org: r.proposedOrg,
  proposed_at: formatInstant(r.proposedAt),
  in_force_at: r.inForceAt === null ? null : formatInstant(r.inForceAt),
  closed_at: r.closedAt === null ? null : formatInstant(r.closedAt),
  classification: r.classification,
  owner_org: r.ownerOrg,
});

export const proposalBody = z.object({
  agreement: z.string().min(1).max(200).nullable().describe('the agreement of the finding ruled on (null: under none)'),
  verdict: z.enum(RULED_VERDICTS),
  violators: z.array(z.string().min(1).max(200)).max(20).default([]).describe('actor ids'),
  reasoning: z.string().trim().min(1, 'must not be empty').max(20_000),
  relied_on: z.array(z.string().min(1).max(200)).max(100).default([]).describe("the incident's accounts relied on"),
});

export const toProposal = (b: z.infer<typeof proposalBody>): RulingProposal => ({
  agreement: b.agreement,
  verdict: b.verdict,
  violators: b.violators,
  reasoning: b.reasoning,
  reliedOn: b.relied_on,
});

export const rulingsQuery = z.object({
  status: z.enum(RULING_STATUSES).default('pending'),
  awaiting: z.string().min(1).max(200).optional().describe('those still waiting for this organization’s approval'),
  limit: z.coerce.number().int().min(1, 'must be between 1 and 500').max(500, 'must be between 1 and 500').default(100),
});

export const rulingsOut = z.object({ items: z.array(rulingSchema) });
