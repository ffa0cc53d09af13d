/**
 * Operation notices and the parties' positions: the words shared by the server and the web app.
 * A party records its positions and names the organizations it shares each with (migration 022);
 * a declared operation is checked against every site, movement and position valid in its window
 * and its conflicts are stored (migration 023, docs/deconfliction.md).
 */
export { TARGET_KINDS, type TargetKind } from '../domain/deconflict.ts';

export const POSITION_KINDS = ['troops', 'advisers', 'observation_post', 'headquarters', 'other'] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

/** Why a stored conflict is no longer current: the notice checked again, withdrawn, or its target changed or withdrawn. */
export const CONFLICT_CLOSED_REASONS = ['rechecked', 'withdrawn', 'target_changed', 'target_withdrawn'] as const;
export type ConflictClosedReason = (typeof CONFLICT_CLOSED_REASONS)[number];
