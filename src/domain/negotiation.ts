/**
 * The negotiation room's rules (docs/negotiation.md): where a clause stands from its members'
 * positions, and whose approval a proposal to publish still lacks.
 */

export type ClauseStance = 'agreed' | 'open' | 'sticking_point';

/**
 * A clause is agreed when every member organization agreed to it; a sticking point when any holds
 * it to be one; open otherwise (a member who took no position leaves it open).
 */
export function clauseStatus(stances: readonly (ClauseStance | null)[]): ClauseStance {
  if (stances.includes('sticking_point')) return 'sticking_point';
  if (stances.length > 0 && stances.every((s) => s === 'agreed')) return 'agreed';
  return 'open';
}

/** The organizations whose approval is required and not given (approvals voided do not count). */
export function missingApprovals(
  required: readonly string[],
  approvals: readonly { orgId: string; voidedAt: number | null }[],
): string[] {
  return required.filter((org) => !approvals.some((a) => a.orgId === org && a.voidedAt === null));
}
