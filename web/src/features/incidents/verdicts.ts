/** An incident judged under several agreements shows its most serious finding. */
const ORDER = ['violation', 'needs_review', 'permitted', 'not_covered'] as const;

export function worstVerdict(verdicts: readonly string[]): string {
  for (const v of ORDER) if (verdicts.includes(v)) return v;
  return 'unjudged';
}
