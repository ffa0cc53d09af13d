/**
 * The demo world's negotiation room (docs/negotiation.md), run through the room's own use cases,
 * each step by its organization and dated when it happened: the experts' talks on the September
 * 2016 arrangement, opened by the United States on 26 August, the Russian Federation a member as
 * the other co-chair, the UN envoy's office invited as the task force's secretariat (so that the
 * demo's administrator, of that office, finds it; it agrees to Day D, the members' every position
 * making a clause agreed). Four clauses, agreed, open and a sticking point,
 * as in Geneva, where the two sides "agreed on the vast majority" while "critical sticking points
 * remain unresolved".
 *
 * Facts (shared/domain/brief.md, section 2, [V]): the published document "Reducing Violence,
 * Restoring Access and Establishing the JIC"; Day D, a recommitment for 48 hours, then extended;
 * the Joint Implementation Center after 7 days of reduced violence and access, delineating the
 * territories of al-Nusra and the opposition; the Castello Road pulled back and monitored;
 * Russia's complaint that the delineation was not provided. Illustrative: the clauses' wording,
 * their numbers and obligation codes, the comments and the dates after 26 August.
 */
import { parseInstant } from '../../domain/time.ts';
import type { Caller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { addRoomClause } from '../negotiation/add-room-clause.ts';
import type { ClauseInput } from '../negotiation/clause-input.ts';
import { createRoom } from '../negotiation/create-room.ts';
import { inviteMember } from '../negotiation/invite-member.ts';
import { type PositionInput, takePosition } from '../negotiation/take-position.ts';
import { desk } from './demo-convoys.ts';

const US = desk('us', 'co_chair', 'co_chairs');
const RU = desk('ru', 'co_chair', 'co_chairs');
const ENVOY = desk('un-ose', 'un', 'task_force');

/** The context as of a moment of 2016: what the use cases date by `ctx.now()`. */
const on = (ctx: AppContext, iso: string): AppContext => {
  const at = parseInstant(iso)!;
  return { ...ctx, now: () => at };
};

interface DemoClause extends ClauseInput {
  positions: { by: Caller; on: string; position: PositionInput }[];
}

const CLAUSES: DemoClause[] = [
  {
    number: '1',
    title: 'Day D',
    text: 'On Day D the parties recommit to the Cessation of Hostilities for 48 hours, then extend it for 48 hours more, and again, as long as it holds.',
    code: 'T1',
    acts: ['air_strike', 'shelling', 'missile', 'ground_assault', 'small_arms', 'atgm'],
    positions: [
      { by: US, on: '2016-08-27T12:00:00+03:00', position: { stance: 'agreed', comment: '', proposedWording: null } },
      {
        by: RU,
        on: '2016-08-27T15:00:00+03:00',
        position: { stance: 'agreed', comment: 'Agreed as drafted.', proposedWording: null },
      },
      {
        by: ENVOY,
        on: '2016-08-28T10:00:00+03:00',
        position: {
          stance: 'agreed',
          comment: 'The Special Envoy welcomes the recommitment and will announce Day D.',
          proposedWording: null,
        },
      },
    ],
  },
  {
    number: '2',
    title: 'Humanitarian access to Aleppo by the Castello Road',
    text: 'Government forces pull back from the Castello Road (heavy vehicles 3,500 m north, other equipment 2,500 m, personnel 1,000 m with light arms only), the opposition 500 m south of it. The Syrian Arab Red Crescent keeps the checkpoints, with no more than 20 armed men on each side, under UN monitoring. Convoys pass sealed and are not inspected.',
    code: 'T2',
    acts: ['access_denial'],
    positions: [
      {
        by: US,
        on: '2016-08-29T11:00:00+03:00',
        position: { stance: 'agreed', comment: 'The distances as agreed by the experts.', proposedWording: null },
      },
      {
        by: RU,
        on: '2016-08-30T10:00:00+03:00',
        position: {
          stance: 'open',
          comment: 'Who verifies the pull-back before the first convoy: the UN alone, or the co-chairs jointly?',
          proposedWording: null,
        },
      },
    ],
  },
  {
    number: '3',
    title: 'Delineation of al-Nusra and the opposition',
    text: 'Within the Joint Implementation Center the co-chairs share maps delineating the territory held by Jabhat al-Nusra from that held by the opposition groups party to the cessation, in the areas of active hostilities.',
    code: null,
    acts: [],
    positions: [
      {
        by: RU,
        on: '2016-08-31T14:00:00+03:00',
        position: {
          stance: 'sticking_point',
          comment: 'The delineation must be provided before Day D, not after the seven days.',
          proposedWording:
            'Before Day D the co-chairs share maps delineating the territory held by Jabhat al-Nusra from that held by the opposition groups party to the cessation.',
        },
      },
      {
        by: US,
        on: '2016-09-01T09:00:00+03:00',
        position: {
          stance: 'sticking_point',
          comment:
            'Opposition groups cannot separate from al-Nusra while they are bombed: the delineation follows seven days of calm.',
          proposedWording: null,
        },
      },
    ],
  },
  {
    number: '4',
    title: 'The Joint Implementation Center',
    text: 'After seven consecutive days of reduced violence and unhindered humanitarian access, the co-chairs establish the Joint Implementation Center. In the designated areas, the forces of the Syrian Arab Republic carry out no combat missions where the opposition party to the cessation is present.',
    code: 'M1',
    acts: ['air_strike'],
    positions: [
      {
        by: US,
        on: '2016-09-02T16:00:00+03:00',
        position: { stance: 'agreed', comment: '', proposedWording: null },
      },
      {
        by: RU,
        on: '2016-09-03T12:00:00+03:00',
        position: {
          stance: 'open',
          comment: 'Tied to clause 3: the designated areas cannot be drawn without the delineation.',
          proposedWording: null,
        },
      },
    ],
  },
];

/** The room, its clauses and the co-chairs' positions, as of early September 2016. Returns its id. */
export async function seedDemoNegotiation(ctx: AppContext): Promise<string> {
  const room = await createRoom(on(ctx, '2016-08-26T18:00:00+03:00'), US, {
    title: 'Geneva talks: reducing violence, restoring access and establishing the JIC',
    agreementId: 'coh-sept',
  });
  await inviteMember(on(ctx, '2016-08-26T18:30:00+03:00'), US, room.id, 'un-ose');
  for (const [i, { positions, ...clause }] of CLAUSES.entries()) {
    const added = await addRoomClause(on(ctx, `2016-08-27T1${i}:00:00+03:00`), US, room.id, clause);
    for (const p of positions) await takePosition(on(ctx, p.on), p.by, room.id, added.id, p.position);
  }
  return room.id;
}
