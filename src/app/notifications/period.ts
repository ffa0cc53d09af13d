/** A notification's period and its deadline to acknowledge, checked naming the field. */
import { invalid } from '../errors.ts';

export function requirePeriod(valid: { from: number; to: number }, acknowledgeBy: number): void {
  if (valid.to <= valid.from) throw invalid('valid.to', 'must be after valid.from');
  if (acknowledgeBy > valid.to) throw invalid('acknowledge_by', 'must be no later than valid.to');
}
