/**
 * When the live stream raises an alert. The rule, kept small on purpose:
 *
 * 1. a finding that changed and now says `violation`; or
 * 2. a new report, or an incident whose finding changed, placed within the buffer of a protected
 *    site that was notified to someone (`notified_to` not empty) and valid at that time: the
 *    parties were told about the site, so an event there needs eyes at once, whatever the verdict.
 *
 * The reasons name the rule and the facts, so a person can see why. The caller passes only the
 * sites the reader may see, so an alert never names a site the reader could not look up.
 */
import { deconflictOperation } from './deconflict.ts';
import { geometryDistanceM } from './geo.ts';
import type { Operation, ProtectedSite } from './model.ts';
import { type Names, renderEnglish, type Statement, statement, term } from './statements.ts';
import { contains, type Instant } from './time.ts';

export interface AlertSubject {
  /** A finding's verdict, when the subject is a finding. */
  verdict?: string | null;
  agreement?: string | null;
  violators?: readonly string[];
  /** Where and when the event took place (a report's claim, an incident's facts). */
  where?: { lon: number; lat: number; at: Instant } | null;
}

export interface AlertReason {
  rule: 'violation' | 'protected_site' | 'operation_conflict';
  /** The protected site, for rules protected_site and operation_conflict. */
  site?: string;
  /** Why, as a statement for the reader's language. */
  statement: Statement;
  /** The same, in English. */
  message: string;
}

const reason = (rule: AlertReason['rule'], s: Statement, names: Names, site?: string): AlertReason => ({
  rule,
  ...(site === undefined ? {} : { site }),
  statement: s,
  message: renderEnglish(s, names),
});

export function alertReasons(
  subject: AlertSubject,
  sites: readonly ProtectedSite[],
  names: Names = BARE,
): AlertReason[] {
  const reasons: AlertReason[] = [];
  if (subject.verdict === 'violation') {
    const agreement = term.agreement(subject.agreement ?? '');
    reasons.push(
      reason(
        'violation',
        subject.violators && subject.violators.length > 0
          ? statement('alert.violation', { agreement, violators: term.actors(subject.violators) })
          : statement('alert.violation_unattributed', { agreement }),
        names,
      ),
    );
  }
  const where = subject.where;
  if (where) {
    const point = { type: 'Point' as const, coordinates: [where.lon, where.lat] as [number, number] };
    for (const site of sites) {
      if (site.notifiedTo.length === 0 || !contains(site.valid, where.at)) continue;
      const distance = geometryDistanceM(point, site.geometry);
      if (distance > site.bufferM) continue;
      reasons.push(
        reason(
          'protected_site',
          statement('alert.protected_site', {
            distance: { number: Math.round(distance) },
            kind: { text: site.kind },
            buffer: { number: site.bufferM },
          }),
          names,
          site.id,
        ),
      );
    }
  }
  return reasons;
}

/** A planned operation within the buffer of protected sites (of those the reader may see). */
export function operationAlertReasons(
  operation: Operation,
  sites: readonly ProtectedSite[],
  names: Names = BARE,
): AlertReason[] {
  const kinds = new Map(sites.map((s) => [s.id, s]));
  return deconflictOperation(operation, [...sites]).conflicts.map((c) =>
    reason(
      'operation_conflict',
      statement('alert.operation_conflict', {
        clearance: { number: c.clearanceM },
        kind: { text: kinds.get(c.site)!.kind },
        buffer: { number: kinds.get(c.site)!.bufferM },
      }),
      names,
      c.site,
    ),
  );
}

const BARE: Names = { actor: (id) => id, agreement: (id) => id };
