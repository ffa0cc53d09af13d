/** What a draft convoy request holds, and the checks the schema cannot make (naming the field). */
import type { LineString } from '../../domain/geo.ts';
import type * as requests from '../../store/convoy-request.repository.ts';
import { invalid } from '../errors.ts';
import { requireAfter } from '../shared/references.ts';

export type ConvoyRequestInput = Omit<requests.DraftFields, 'organizerActor'> & { route: LineString };

export function checkDraft(input: ConvoyRequestInput): void {
  requireAfter('window.to', input.window.from, input.window.to);
  const seen = new Set<string>();
  input.destinations.forEach((d, i) => {
    const key = d.name.trim().toLowerCase();
    if (seen.has(key)) throw invalid(`destinations[${i}].name`, `destinations[${i}].name: "${d.name}" is named twice`);
    seen.add(key);
  });
}
