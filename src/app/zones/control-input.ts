/** A control entry as the API takes it, as the store keeps it (instants as numbers). */
import { parseInstant } from '../../domain/time.ts';
import type { ControlRecord } from '../../store/zone.repository.ts';
import type { ControlEntryInput } from '../shared/inputs.ts';

export const controlRecordOf = (c: ControlEntryInput): ControlRecord => ({
  actors: [...new Set(c.actors)],
  from: parseInstant(c.from)!,
  to: c.to === null ? null : parseInstant(c.to)!,
  source: c.source,
  confidence: c.confidence,
});
