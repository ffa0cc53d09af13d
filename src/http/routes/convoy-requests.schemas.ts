/** Convoy requests in requests and responses: the draft, each step's body, the request with its timeline. */
import { z } from 'zod';
import type { ConvoyRequestDetail } from '../../app/convoys/get-convoy-request.ts';
import type { ConvoyRequestItem } from '../../app/convoys/list-convoy-requests.ts';
import type { DecisionInput } from '../../app/convoys/decide-convoy-request.ts';
import type { ConvoyRequestInput } from '../../app/convoys/draft-input.ts';
import type { DeliveryInput } from '../../app/convoys/record-delivery.ts';
import type { ConvoyStoppedInput } from '../../app/convoys/record-turned-back.ts';
import type { ConvoyRequestRecord } from '../../app/convoys/convoy-request-access.ts';
import { CLASSIFICATIONS } from '../../contract/access.ts';
import { ACCESS_CATEGORIES } from '../../contract/access-constraints.ts';
import { CARGO_SECTORS, CONVOY_STATES, CONVOY_STEPS, DECISIONS } from '../../contract/convoy-requests.ts';
import { parseInstant } from '../../domain/time.ts';
import { instantSchema, lineStringSchema, nameText } from '../../scenario/bundle.schema.ts';
import { geometryOut, instantOut, pageQuery, whereJson, whereOut } from '../schemas.ts';

const instant = (text: string): number => parseInstant(text)!;
const optionalInstant = (text: string | undefined): number | undefined =>
  text === undefined ? undefined : instant(text);

const lon = z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180');
const lat = z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90');
const location = z.object({ lon, lat }).strict();
const actorId = z.string().min(1, 'must not be empty').max(200);
const said = (max: number) => z.string().max(max, `must be at most ${max} characters`).default('');
const quantity = z.number().min(0, 'must be 0 or more').max(1e12, 'must be at most 1000000000000');
const count = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(1e9, 'must be at most 1000000000');

export const convoyRequestBody = z
  .object({
    name: nameText
      .min(1, 'must not be empty')
      .describe('What people call the convoy, e.g. "Inter-agency convoy to Daraya"'),
    route: lineStringSchema.describe('The route, a LineString from the start to the last destination'),
    destinations: z
      .array(z.object({ name: nameText.min(1, 'must not be empty'), location }).strict())
      .min(1, 'must name at least one destination')
      .max(50),
    window: z
      .object({ from: instantSchema, to: instantSchema })
      .strict()
      .describe('When the convoy is to move: it must be approved for this window'),
    cargo: z
      .array(
        z
          .object({
            item: nameText.min(1, 'must not be empty'),
            quantity: quantity.refine((q) => q > 0, 'must be more than 0'),
            unit: z.string().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
            sector: z.enum(CARGO_SECTORS),
          })
          .strict(),
      )
      .min(1, 'must hold at least one cargo line')
      .max(200),
    beneficiaries_planned: count.describe('The people the convoy is to reach'),
  })
  .strict();

export const toConvoyRequestInput = (b: z.infer<typeof convoyRequestBody>): ConvoyRequestInput => ({
  name: b.name,
  route: b.route,
  destinations: b.destinations.map((d) => ({ name: d.name, lon: d.location.lon, lat: d.location.lat })),
  window: { from: instant(b.window.from), to: instant(b.window.to) },
  cargo: b.cargo,
  beneficiariesPlanned: b.beneficiaries_planned,
});

export const decisionBody = z
  .object({
    actor: actorId.describe('The party decided for: one the request asks, still to decide'),
    decision: z.enum(DECISIONS),
    reason: said(2000).describe('Why; required for a denial'),
    conditions: said(2000).describe("An approval's conditions in words"),
    removed: z
      .array(
        z
          .object({
            line: z.number().int().min(0).describe('The cargo line, by its position (0 is the first)'),
            quantity: quantity.refine((q) => q > 0, 'must be more than 0'),
          })
          .strict(),
      )
      .max(200)
      .default([])
      .describe('Items to take out, line by line (an approval with conditions)'),
    excluded_destinations: z
      .array(z.number().int().min(0))
      .max(50)
      .default([])
      .describe('Destinations left out, by position (an approval with conditions)'),
    decided_at: instantSchema.optional().describe('When the party decided; now when left out'),
  })
  .strict();

export const toDecisionInput = (b: z.infer<typeof decisionBody>): DecisionInput => ({
  actor: b.actor,
  decision: b.decision,
  reason: b.reason,
  conditions: b.conditions,
  removed: b.removed,
  excludedDestinations: b.excluded_destinations,
  decidedAt: optionalInstant(b.decided_at),
});

export const letterBody = z
  .object({
    issued_at: instantSchema.optional().describe('When the letter was issued; now when left out'),
    reference: z.string().max(200, 'must be at most 200 characters').default(''),
    issued_by: actorId.nullable().default(null).describe('The party that issued it (in 2016, the government)'),
  })
  .strict();

export const dispatchBody = z
  .object({
    at: instantSchema.optional().describe('When it left; now when left out'),
    trucks: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000),
  })
  .strict();

export const arriveBody = z
  .object({ at: instantSchema.optional().describe('When it arrived; now when left out') })
  .strict();

const stopped = {
  at: instantSchema.optional().describe('When it happened; now when left out'),
  location: location.describe('Where'),
  by: actorId.nullable().describe('Who; null when nobody is named'),
  reason: said(2000),
  category: z.enum(ACCESS_CATEGORIES).optional().describe("The access constraint's OCHA category"),
  classification: z
    .enum(CLASSIFICATIONS)
    .optional()
    .describe('Who may see the access incident recorded (by default the task force)'),
  incident: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('An access incident already recorded (act access_denial) to link instead of recording a new one'),
};

export const turnBackBody = z.object(stopped).strict();
export const attackBody = z
  .object({ ...stopped, killed: count.nullable().optional().describe('People killed, if known') })
  .strict();

export const toStoppedInput = (b: z.infer<typeof turnBackBody>): ConvoyStoppedInput => ({
  at: optionalInstant(b.at),
  location: b.location,
  by: b.by,
  reason: b.reason,
  category: b.category,
  classification: b.classification,
  incident: b.incident,
});

export const deliveryBody = z
  .object({
    at: instantSchema.optional().describe('When it was delivered; now when left out'),
    beneficiaries_reached: count,
    lines: z
      .array(
        z
          .object({
            delivered: quantity,
            removed: quantity.default(0),
            removed_by: actorId.nullable().default(null),
            removal_reason: said(500),
          })
          .strict(),
      )
      .max(200)
      .describe('One for each cargo line, in their order'),
  })
  .strict();

export const toDeliveryInput = (b: z.infer<typeof deliveryBody>): DeliveryInput => ({
  at: optionalInstant(b.at),
  beneficiariesReached: b.beneficiaries_reached,
  lines: b.lines.map((l) => ({
    delivered: l.delivered,
    removed: l.removed,
    removedBy: l.removed_by,
    removalReason: l.removal_reason,
  })),
});

export const convoyRequestsQuery = pageQuery.extend({
  box: z
    .enum(['mine', 'awaiting'])
    .optional()
    .describe(
      "mine: your organization's; awaiting: awaiting your organization's decision (or, for the secretariat, a letter); left out: every one you may see",
    ),
  state: z.enum(CONVOY_STATES).optional(),
});

export const representativeBody = z
  .object({ actor: actorId.nullable().describe('The party the organization decides for; null: none') })
  .strict();
export const representativeParams = z.object({ org: z.string().min(1).max(200) });
export const representativesOut = z
  .array(z.object({ org: z.string(), actor: z.string() }))
  .meta({ id: 'ConvoyRepresentatives' });

const iso = (t: number) => new Date(t).toISOString();
const isoOrNull = (t: number | null) => (t === null ? null : iso(t));

const pointOut = z.object({ lon: z.number(), lat: z.number(), where: whereOut });
const pointJson = (lon: number, lat: number) => ({ lon, lat, where: whereJson({ lon, lat }) });

const requestFields = {
  id: z.string(),
  name: z.string(),
  organizer_org: z.string(),
  organizer_actor: z.string().nullable().describe('The party the convoy runs under, set aside by the convoy rule'),
  state: z.enum(CONVOY_STATES),
  route: geometryOut,
  route_points: z.array(pointOut).describe("The route's points with where each is, for people"),
  window: z.object({ from: instantOut, to: instantOut }),
  destinations: z.array(z.object({ name: z.string(), location: pointOut })),
  cargo: z.array(
    z.object({
      item: z.string(),
      quantity: z.number(),
      unit: z.string(),
      sector: z.enum(CARGO_SECTORS),
      approved: z
        .number()
        .describe('What the decisions leave of the line: the quantity less the most any party took out'),
      delivered: z.number().nullable(),
      removed: z.number().nullable(),
      removed_by: z.string().nullable(),
      removal_reason: z.string().nullable(),
    }),
  ),
  beneficiaries_planned: z.number().int(),
  beneficiaries_reached: z.number().int().nullable(),
  required_approvals: z.array(z.string()).describe('The parties asked (the convoy rule, at submission)'),
  crosses_excluded: z.array(z.string()).describe('Excluded groups whose areas the route crosses: they cannot be asked'),
  route_zones: z.array(z.string()),
  pending: z.array(z.string()).describe('Parties asked that have not decided'),
  decisions: z.array(
    z.object({
      actor: z.string(),
      decision: z.enum(DECISIONS),
      reason: z.string(),
      conditions: z.string(),
      removed: z.array(z.object({ line: z.number().int(), quantity: z.number() })),
      excluded_destinations: z.array(z.number().int()),
      decided_at: instantOut,
      recorded_at: instantOut,
      recorded_by_org: z.string(),
      recorded_by: z.string().nullable(),
    }),
  ),
  submitted_at: instantOut.nullable(),
  control_changed_at: instantOut
    .nullable()
    .describe('Control changed along the route after submission, as the organizer sees the world (see the timeline)'),
  created_at: instantOut,
  created_by: z.string().nullable(),
  next_steps: z.array(z.enum(CONVOY_STEPS)).describe('The steps you may take next: one action each'),
};

export const convoyRequestItemOut = z.object(requestFields).meta({ id: 'ConvoyRequestItem' });

export const convoyRequestOut = z
  .object({
    ...requestFields,
    decides_for: z.array(z.string()).describe('The parties you may record a decision for now'),
    preview: z
      .object({
        required_approvals: z.array(z.string()),
        crosses_excluded: z.array(z.string()),
        zones: z.array(z.string()),
      })
      .nullable()
      .describe("A draft's approvals as things stand (the convoy rule, from the world as you see it)"),
    steps: z.array(
      z.object({
        step: z.enum([...CONVOY_STEPS, 'create', 'update', 'control_changed']),
        state_after: z.enum(CONVOY_STATES),
        at: instantOut.describe('When it happened'),
        recorded_at: instantOut,
        org: z.string().nullable(),
        username: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
        incident_id: z.string().nullable().describe('The access incident the step made, if you may see it'),
      }),
    ),
  })
  .meta({ id: 'ConvoyRequest' });

/** Each line less the most any party's conditions took out of it. */
function approvedOf(r: ConvoyRequestRecord, line: number, quantity: number): number {
  const removed = Math.max(
    0,
    ...r.decisions.flatMap((d) => d.removed.filter((x) => x.line === line).map((x) => x.quantity)),
  );
  return Math.max(0, quantity - removed);
}

function requestJson(r: ConvoyRequestRecord, pending: string[], nextSteps: ConvoyRequestItem['nextSteps']) {
  return {
    id: r.id,
    name: r.name,
    organizer_org: r.organizerOrg,
    organizer_actor: r.organizerActor,
    state: r.state,
    route: r.route,
    route_points: r.route.coordinates.map(([x, y]) => pointJson(x, y)),
    window: { from: iso(r.window.from), to: iso(r.window.to) },
    destinations: r.destinations.map((d) => ({ name: d.name, location: pointJson(d.lon, d.lat) })),
    cargo: r.cargo.map((g, i) => ({
      item: g.item,
      quantity: g.quantity,
      unit: g.unit,
      sector: g.sector,
      approved: approvedOf(r, i, g.quantity),
      delivered: g.delivered,
      removed: g.removed,
      removed_by: g.removedBy,
      removal_reason: g.removalReason,
    })),
    beneficiaries_planned: r.beneficiariesPlanned,
    beneficiaries_reached: r.beneficiariesReached,
    required_approvals: r.requiredApprovals,
    crosses_excluded: r.crossesExcluded,
    route_zones: r.routeZones,
    pending,
    decisions: r.decisions.map((d) => ({
      actor: d.actor,
      decision: d.decision,
      reason: d.reason,
      conditions: d.conditions,
      removed: d.removed,
      excluded_destinations: d.excludedDestinations,
      decided_at: iso(d.decidedAt),
      recorded_at: iso(d.recordedAt),
      recorded_by_org: d.recordedByOrg,
      recorded_by: d.recordedBy,
    })),
    submitted_at: isoOrNull(r.submittedAt),
    control_changed_at: isoOrNull(r.controlChangedAt),
    created_at: iso(r.createdAt),
    created_by: r.createdBy,
    next_steps: nextSteps,
  };
}

export const convoyRequestItemJson = (i: ConvoyRequestItem): z.infer<typeof convoyRequestItemOut> =>
  requestJson(i.request, i.pending, i.nextSteps);

export function convoyRequestJson(d: ConvoyRequestDetail): z.infer<typeof convoyRequestOut> {
  return {
    ...requestJson(d.request, d.pending, d.nextSteps),
    decides_for: d.decidesFor,
    preview: d.preview && {
      required_approvals: d.preview.requiredApprovals,
      crosses_excluded: d.preview.crossesExcluded,
      zones: d.preview.zones,
    },
    steps: d.steps.map((s) => ({
      step: s.step,
      state_after: s.stateAfter,
      at: iso(s.at),
      recorded_at: iso(s.recordedAt),
      org: s.orgId,
      username: s.username,
      details: s.details,
      incident_id: s.incidentId,
    })),
  };
}
