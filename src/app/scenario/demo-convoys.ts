/**
 * The demo world's convoy requests (docs/access.md), run through the workflow's own use cases, each
 * step by its party and dated when it happened in 2016:
 *
 * - the inter-agency convoy to Daraya of 12 May 2016, approved, turned back at the last government
 *   checkpoint; its access constraint is the bundle's incident of that day, linked;
 * - the convoy to Daraya of 1 June 2016, the first aid to arrive, without food: the government's
 *   approval took the food out, and surgical items were taken off the trucks at the checkpoint;
 * - a convoy to eastern Aleppo by the Castello Road in September 2016, awaiting the parties'
 *   decisions (no aid reached eastern Aleppo), its route through an excluded group's area.
 *
 * Facts (shared/domain/brief.md, [V]): Daraya, 12 May, an approved UN/ICRC/SARC convoy turned back
 * at the last government checkpoint; the first aid arrived 1 June, with no food; no aid reached
 * eastern Aleppo in September. Illustrative: the cargo lines and quantities, the beneficiaries,
 * the hours, the letters' dates and references, and the surgical items removed on 1 June
 * (modelled on the removal of medical items the UN reported; the brief's figure is from 2018).
 *
 * The organizations that decide: the Syrian Ministry of Foreign Affairs for the government (a
 * demo organization of its own); OCHA runs its convoys as the UN, SARC as itself. Nobody decides
 * for the opposition factions: the secretariat records their decisions on their behalf.
 */
import { parseInstant } from '../../domain/time.ts';
import { addOrganization, type NewOrganization } from '../accounts/add-organization.ts';
import type { Caller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { setConvoyRepresentative } from '../convoys/convoy-representatives.ts';
import { createConvoyRequest } from '../convoys/create-convoy-request.ts';
import { decideConvoyRequest } from '../convoys/decide-convoy-request.ts';
import { dispatchConvoy } from '../convoys/dispatch-convoy.ts';
import type { ConvoyRequestInput } from '../convoys/draft-input.ts';
import { issueFacilitationLetter } from '../convoys/issue-facilitation-letter.ts';
import { recordArrival } from '../convoys/record-arrival.ts';
import { recordDelivery } from '../convoys/record-delivery.ts';
import { recordTurnedBack } from '../convoys/record-turned-back.ts';
import { submitConvoyRequest } from '../convoys/submit-convoy-request.ts';

export const DEMO_CONVOY_ORGANIZATIONS: readonly NewOrganization[] = [
  {
    id: 'sy-mofa',
    name: 'Ministry of Foreign Affairs and Expatriates, Syrian Arab Republic',
    nameAr: 'وزارة الخارجية والمغتربين في الجمهورية العربية السورية',
    kind: 'party',
    taskForce: false,
  },
];

/** Which organization decides for which party, and runs its convoys as it. */
const REPRESENTATIVES: readonly [string, string][] = [
  ['sy-mofa', 'sy-gov'],
  ['ocha', 'un'],
  ['sarc', 'sarc'],
];

/** The desk of an organization in the demo world: its steps are audited as the system's, dated when they happened. */
export const desk = (orgId: string, orgKind: Caller['orgKind'], clearance: Caller['clearance']): Caller => ({
  userId: `demo-${orgId}`,
  username: `${orgId} (demo world)`,
  orgId,
  orgKind,
  role: 'analyst',
  clearance,
});
const OCHA = desk('ocha', 'un', 'task_force');
const SECRETARIAT = desk('un-ose', 'un', 'task_force');
const MOFA = desk('sy-mofa', 'party', 'public');

const at = (iso: string) => parseInstant(iso)!;

const DARAYA_ROUTE: ConvoyRequestInput['route'] = {
  type: 'LineString',
  coordinates: [
    [36.28, 33.478],
    [36.262, 33.468],
    [36.236, 33.457],
  ],
};
const DARAYA = [{ name: 'Daraya', lon: 36.236, lat: 33.457 }];
/** Where the convoy of 12 May was stopped: the last government checkpoint (the bundle's incident of that day). */
const LAST_CHECKPOINT = { lon: 36.262, lat: 33.468 };

export async function seedDemoConvoys(ctx: AppContext): Promise<{ organizations: string[]; requests: number }> {
  for (const org of DEMO_CONVOY_ORGANIZATIONS) await addOrganization(ctx, 'operator', org);
  for (const [org, actor] of REPRESENTATIVES) await setConvoyRepresentative(ctx, 'operator', org, actor);

  // 12 May 2016: approved by both parties, its letter issued, turned back at the last checkpoint.
  const may = await createConvoyRequest(
    ctx,
    OCHA,
    {
      name: 'Inter-agency convoy to Daraya (UN, ICRC, SARC)',
      route: DARAYA_ROUTE,
      destinations: DARAYA,
      window: { from: at('2016-05-12T06:00:00+03:00'), to: at('2016-05-12T18:00:00+03:00') },
      cargo: [
        { item: 'Medicines and medical supplies', quantity: 2, unit: 'tonnes', sector: 'health' },
        { item: 'Vaccines', quantity: 4000, unit: 'doses', sector: 'health' },
        { item: 'Infant formula', quantity: 1200, unit: 'tins', sector: 'nutrition' },
      ],
      beneficiariesPlanned: 4000,
    },
    { at: at('2016-05-02T10:00:00+03:00') },
  );
  await submitConvoyRequest(ctx, OCHA, may.id, { at: at('2016-05-03T10:00:00+03:00') });
  await decideConvoyRequest(ctx, MOFA, may.id, {
    actor: 'sy-gov',
    decision: 'approve',
    reason: 'Approved for 12 May.',
    conditions: '',
    removed: [],
    excludedDestinations: [],
    decidedAt: at('2016-05-10T12:00:00+03:00'),
  });
  await decideConvoyRequest(ctx, SECRETARIAT, may.id, {
    actor: 'fsa-south',
    decision: 'approve',
    reason: 'The local council agreed to receive the convoy.',
    conditions: '',
    removed: [],
    excludedDestinations: [],
    decidedAt: at('2016-05-10T15:00:00+03:00'),
  });
  await issueFacilitationLetter(ctx, SECRETARIAT, may.id, {
    issuedAt: at('2016-05-11T14:00:00+03:00'),
    reference: 'Facilitation letter, 11 May 2016',
    issuedBy: 'sy-gov',
  });
  await dispatchConvoy(ctx, OCHA, may.id, { at: at('2016-05-12T08:00:00+03:00'), trucks: 9 });
  await recordTurnedBack(ctx, OCHA, may.id, {
    at: at('2016-05-12T14:00:00+03:00'),
    location: LAST_CHECKPOINT,
    by: 'sy-gov',
    reason: 'Turned back at the last government checkpoint before Daraya, after approval.',
    incident: 'i05-daraya-convoy-denied',
  });

  // 1 June 2016: the first aid into Daraya, without food; surgical items taken off at the checkpoint.
  const june = await createConvoyRequest(
    ctx,
    OCHA,
    {
      name: 'Convoy to Daraya: medical and nutrition supplies',
      route: DARAYA_ROUTE,
      destinations: DARAYA,
      window: { from: at('2016-06-01T06:00:00+03:00'), to: at('2016-06-01T20:00:00+03:00') },
      cargo: [
        { item: 'Food parcels', quantity: 800, unit: 'parcels', sector: 'food' },
        { item: 'Medicines', quantity: 1.5, unit: 'tonnes', sector: 'health' },
        { item: 'Surgical kits', quantity: 30, unit: 'kits', sector: 'health' },
        { item: 'Vaccines', quantity: 4000, unit: 'doses', sector: 'health' },
        { item: 'Nutrition supplements', quantity: 1000, unit: 'cartons', sector: 'nutrition' },
      ],
      beneficiariesPlanned: 4000,
    },
    { at: at('2016-05-24T10:00:00+03:00') },
  );
  await submitConvoyRequest(ctx, OCHA, june.id, { at: at('2016-05-25T10:00:00+03:00') });
  await decideConvoyRequest(ctx, MOFA, june.id, {
    actor: 'sy-gov',
    decision: 'approve_with_conditions',
    reason: 'Approved without food.',
    conditions: 'No food to enter Daraya on this convoy.',
    removed: [{ line: 0, quantity: 800 }],
    excludedDestinations: [],
    decidedAt: at('2016-05-30T11:00:00+03:00'),
  });
  await decideConvoyRequest(ctx, SECRETARIAT, june.id, {
    actor: 'fsa-south',
    decision: 'approve',
    reason: 'The local council agreed to receive the convoy.',
    conditions: '',
    removed: [],
    excludedDestinations: [],
    decidedAt: at('2016-05-30T16:00:00+03:00'),
  });
  await issueFacilitationLetter(ctx, SECRETARIAT, june.id, {
    issuedAt: at('2016-05-31T13:00:00+03:00'),
    reference: 'Facilitation letter, 31 May 2016',
    issuedBy: 'sy-gov',
  });
  await dispatchConvoy(ctx, OCHA, june.id, { at: at('2016-06-01T09:00:00+03:00'), trucks: 5 });
  await recordArrival(ctx, OCHA, june.id, { at: at('2016-06-01T15:00:00+03:00') });
  await recordDelivery(ctx, OCHA, june.id, {
    at: at('2016-06-01T18:00:00+03:00'),
    beneficiariesReached: 4000,
    lines: [
      { delivered: 0, removed: 0, removedBy: null, removalReason: '' },
      { delivered: 1.5, removed: 0, removedBy: null, removalReason: '' },
      {
        delivered: 0,
        removed: 30,
        removedBy: 'sy-gov',
        removalReason: 'Taken off the trucks at the last government checkpoint.',
      },
      { delivered: 4000, removed: 0, removedBy: null, removalReason: '' },
      { delivered: 1000, removed: 0, removedBy: null, removalReason: '' },
    ],
  });

  // September 2016: to eastern Aleppo by the Castello Road, awaiting the parties (the route crosses Nusra's area).
  const aleppo = await createConvoyRequest(
    ctx,
    OCHA,
    {
      name: 'UN convoy to eastern Aleppo by the Castello Road',
      route: {
        type: 'LineString',
        coordinates: [
          [37.13, 36.3],
          [37.13, 36.265],
          [37.18, 36.21],
        ],
      },
      destinations: [{ name: 'Eastern Aleppo', lon: 37.18, lat: 36.21 }],
      window: { from: at('2016-09-15T06:00:00+03:00'), to: at('2016-09-16T18:00:00+03:00') },
      cargo: [
        { item: 'Food rations', quantity: 20000, unit: 'rations', sector: 'food' },
        { item: 'Wheat flour', quantity: 200, unit: 'tonnes', sector: 'food' },
        { item: 'Medicines', quantity: 5, unit: 'tonnes', sector: 'health' },
      ],
      beneficiariesPlanned: 80000,
    },
    { at: at('2016-09-12T10:00:00+03:00') },
  );
  await submitConvoyRequest(ctx, OCHA, aleppo.id, { at: at('2016-09-13T10:00:00+03:00') });
  return { organizations: DEMO_CONVOY_ORGANIZATIONS.map((o) => o.id), requests: 3 };
}
