/**
 * The negotiation room's words, shared by the server and the web app (docs/negotiation.md): a
 * member organization's stance on a clause, a publication proposal's states, and the word-by-word
 * difference the room shows between two versions of a clause or of the whole draft.
 */
export { type DiffOp, type DiffRun, diffCounts, wordDiff } from '../domain/word-diff.ts';

/** A member organization's position on a clause: agreed, still open, or a sticking point. */
export const STANCES = ['agreed', 'open', 'sticking_point'] as const;
export type Stance = (typeof STANCES)[number];

/** A proposal to publish: waiting for approvals, voided by a change to one of its clauses, or published. */
export const PUBLICATION_STATES = ['proposed', 'voided', 'published'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];
