/**
 * Which findings a change can affect. A finding depends on its incident, on the agreements in
 * force at its time, and on the zones around its place; a territory finding on its zone and the
 * agreements. These functions name the subjects to judge again, and no more.
 */
import { bboxOf } from '../../domain/geo.ts';
import type { Actor, Agreement, Incident, Zone } from '../../domain/model.ts';
import { symmetricDifference } from '../../domain/time.ts';
import type { Sql } from '../../store/database.ts';
import * as incidents from '../../store/incident.repository.ts';
import { sameRecord } from '../../store/rows.ts';
import type { RecomputeScope } from './recompute-findings.ts';

export function affectedByIncidents(incidents: readonly Pick<Incident, 'id'>[]): RecomputeScope {
  return { incidents: new Set(incidents.map((i) => i.id)), zones: new Set() };
}

/** A zone's geometry or control: the incidents inside its old or new box, and its own changes. */
export async function affectedByZone(sql: Sql, next: Zone, previous: Zone | undefined): Promise<RecomputeScope> {
  const boxes = [bboxOf(next.geometry), ...(previous ? [bboxOf(previous.geometry)] : [])];
  return { incidents: new Set(await incidents.idsInBoxes(sql, boxes)), zones: new Set([next.id]) };
}

/**
 * An agreement: the incidents in its old or new periods in force, and every change of control. Two
 * narrower cases, each because the rules read that term in one place only:
 * - only its periods change: an incident's findings can change only if the agreement was in force
 *   at its time and is no longer, or the other way round (rulebook.ts, appliesAt), so only those;
 * - only whether a claim of self-defence sends a violation to review changes: only the incidents
 *   in its periods that claim self-defence (adjudicate.ts), and no change of control, which the
 *   term does not touch.
 */
export async function affectedByAgreement(
  sql: Sql,
  next: Agreement,
  previous: Agreement | undefined,
): Promise<RecomputeScope> {
  const rest = (a: Agreement, without: Partial<Agreement>) => ({ ...a, titleAr: undefined, ...without });
  if (previous && sameRecord(rest(next, { inForce: [] }), rest(previous, { inForce: [] }))) {
    const moved = symmetricDifference(previous.inForce, next.inForce);
    return { incidents: new Set(await incidents.idsDuring(sql, moved)), zones: 'all' };
  }
  if (previous && sameRecord(rest(next, { selfDefense: false }), rest(previous, { selfDefense: false }))) {
    return {
      incidents: new Set(await incidents.idsDuring(sql, next.inForce, { selfDefenseClaim: true })),
      zones: new Set(),
    };
  }
  return {
    incidents: new Set(await incidents.idsDuring(sql, [...next.inForce, ...(previous?.inForce ?? [])])),
    zones: 'all',
  };
}

/** An actor's name, kind or designation: designation can change any judgement, so all. */
export const AFFECTED_BY_ACTOR: RecomputeScope = { incidents: 'all', zones: 'all' };

/**
 * Whether a change to an actor can change a judgement: its name (in the English explanations),
 * kind or designation can; its aliases and its Arabic name cannot.
 */
export const actorChangeJudged = (before: Actor, after: Actor): boolean =>
  before.name !== after.name || before.kind !== after.kind || before.designated !== after.designated;

/** Whether two versions of an agreement or a zone differ in their Arabic name alone, which no rule or explanation reads. */
export function onlyArabicNameChanged(before: Agreement | Zone, after: Agreement | Zone): boolean {
  const plain = (r: Agreement | Zone) => ({ ...r, nameAr: undefined, titleAr: undefined });
  return !sameRecord(before, after) && sameRecord(plain(before), plain(after));
}
