/** A besieged area's status as a badge: besieged in red, hard to reach in amber, no longer besieged plain. */
import type { BesiegedStatus } from '../../../../src/contract/siege.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export const SIEGE_TONE: Record<BesiegedStatus, string> = {
  besieged: 'verdict-violation',
  hard_to_reach: 'verdict-needs_review',
  no_longer_besieged: 'convoy-waiting',
};

/** The colours of the small maps, one per status. */
export const SIEGE_COLOUR: Record<BesiegedStatus, string> = {
  besieged: '#c8102e',
  hard_to_reach: '#b86e00',
  no_longer_besieged: '#5c6574',
};

export function SiegeBadge({ status }: { status: BesiegedStatus | null | undefined }) {
  const { nameOf } = useI18n();
  if (!status) return <span className="muted">—</span>;
  return (
    <span className={`badge ${SIEGE_TONE[status]}`} data-testid="siege-status" data-status={status}>
      {nameOf.besiegedStatuses(status)}
    </span>
  );
}
