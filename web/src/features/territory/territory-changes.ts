/**
 * Territory findings as changes of control: one change (a zone at an instant) is judged under
 * each agreement that applied, so the findings of one change, adjacent in a list sorted by time,
 * are shown together, with the sentence that says what changed ("control passed from … to …").
 */
import type { Statement } from '../../i18n/statements.ts';

export interface TerritoryFindingLike {
  key: string;
  subject_id: string;
  at: string;
  agreement: string | null;
  verdict: string;
  statements: Statement[];
}

export interface ChangeOfControl<F extends TerritoryFindingLike> {
  zone: string;
  /** The instant in epoch ms. */
  at: number;
  /** The zone's name as the finding's statement gives it. */
  zoneName: string | null;
  /** "On …, control of … passed from … to …", when the findings say it. */
  change: Statement | null;
  findings: F[];
}

export function groupChanges<F extends TerritoryFindingLike>(findings: readonly F[]): ChangeOfControl<F>[] {
  const out: ChangeOfControl<F>[] = [];
  for (const f of findings) {
    const at = Date.parse(f.at);
    const last = out.at(-1);
    if (last && last.zone === f.subject_id && last.at === at) {
      last.findings.push(f);
      continue;
    }
    const change = f.statements.find((s) => s.code === 'territory.change') ?? null;
    const zoneTerm = change?.params.zone;
    out.push({
      zone: f.subject_id,
      at,
      zoneName: zoneTerm && 'zone' in zoneTerm ? zoneTerm.name || null : null,
      change,
      findings: [f],
    });
  }
  return out;
}

/** A finding's statements without the sentence the change already says. */
export const judgementOnly = (statements: readonly Statement[]): Statement[] =>
  statements.filter((s) => s.code !== 'territory.change');
