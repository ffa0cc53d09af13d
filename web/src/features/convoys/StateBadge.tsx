/** A convoy request's state as a badge, coloured by how it stands: waiting, going well, stopped. */
import type { ConvoyState } from '../../../../src/contract/convoy-requests.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const TONE: Record<ConvoyState, string> = {
  draft: 'convoy-waiting',
  submitted: 'convoy-waiting',
  approved: 'verdict-permitted',
  partly_approved: 'verdict-needs_review',
  denied: 'verdict-violation',
  letter_issued: 'verdict-permitted',
  dispatched: 'convoy-waiting',
  arrived: 'verdict-permitted',
  turned_back: 'verdict-violation',
  attacked: 'verdict-violation',
  delivered: 'verdict-permitted',
};

export function StateBadge({ state }: { state: ConvoyState }) {
  const { nameOf } = useI18n();
  return (
    <span className={`badge ${TONE[state]}`} data-testid="convoy-state" data-state={state}>
      {nameOf.convoyStates(state)}
    </span>
  );
}
