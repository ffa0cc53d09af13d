import { type Classification, CLASSIFICATIONS } from '../contract/access.ts';
/** Classifications from the most open to the most restricted: `org` is the owning organization only. */

/** The most restricted of these classifications; `fallback` when there are none. */
export function mostRestrictive(classifications: readonly Classification[], fallback: Classification): Classification {
  if (classifications.length === 0) return fallback;
  return classifications.reduce((a, b) => (CLASSIFICATIONS.indexOf(b) > CLASSIFICATIONS.indexOf(a) ? b : a));
}
