/** The readable account `scenario run --explain` prints: the verdicts, then why. */
import type { Evaluation } from '../domain/findings.ts';
import type { World } from '../domain/model.ts';
import { formatInstant } from '../domain/time.ts';

const VERDICT_LABEL: Record<string, string> = {
  violation: 'VIOLATION',
  needs_review: 'NEEDS REVIEW',
  permitted: 'permitted',
  not_covered: 'not covered',
};

export function explainEvaluation(name: string, world: World, e: Evaluation): string {
  const lines: string[] = [];
  const actorName = new Map(world.actors.map((a) => [a.id, a.name]));
  const nameOf = (id: string) => actorName.get(id) ?? id;
  const heading = (title: string) => lines.push('', title, '-'.repeat(title.length));

  lines.push(name || 'Scenario', '='.repeat(Math.max(8, (name || 'Scenario').length)));
  const counts = new Map<string, number>();
  for (const f of e.findings) counts.set(f.verdict, (counts.get(f.verdict) ?? 0) + 1);
  lines.push(
    `${world.incidents.length} incidents, ${e.findings.length} findings: ` +
      ['violation', 'needs_review', 'permitted', 'not_covered']
        .map((v) => `${counts.get(v) ?? 0} ${VERDICT_LABEL[v]}`)
        .join(', '),
  );

  heading('Incidents');
  const incidents = new Map(world.incidents.map((i) => [i.id, i]));
  for (const f of e.findings) {
    const i = incidents.get(f.incident)!;
    lines.push(
      `${f.incident}  ${formatInstant(i.occurredAt)}  ${i.act}${i.perpetrator ? ` by ${nameOf(i.perpetrator)}` : ''}`,
    );
    lines.push(
      `    ${VERDICT_LABEL[f.verdict]} under ${f.agreement ?? 'no agreement'} [${f.reasons.join(', ')}]` +
        `${f.violator ? `: violator ${nameOf(f.violator)}` : ''}${f.obligation ? ` (obligation ${f.obligation})` : ''}`,
    );
    lines.push(`    ${f.explanation}`);
  }

  heading('Territory');
  if (e.territory.length === 0)
    lines.push('No change of control falls under an agreement that prohibits seizing territory.');
  for (const t of e.territory) {
    lines.push(
      `${t.zone}  ${formatInstant(t.at)}  ${VERDICT_LABEL[t.verdict]} under ${t.agreement} [${t.reasons.join(', ')}]`,
    );
    lines.push(`    ${t.explanation}`);
  }

  heading('Deconfliction');
  if (e.deconfliction.length === 0) lines.push('No planned operations.');
  for (const d of e.deconfliction) {
    if (d.conflicts.length === 0) {
      lines.push(`${d.operation}: clear of every protected site.`);
      continue;
    }
    lines.push(`${d.operation}: ${d.conflicts.length} protected site(s) within their buffer`);
    for (const c of d.conflicts) {
      lines.push(
        `    ${c.site}: ${c.clearanceM} m clearance, ${c.notified ? 'notified to the operating party' : 'NOT notified to the operating party'}`,
      );
    }
  }

  heading('Convoys');
  if (e.convoys.length === 0) lines.push('No convoys.');
  for (const c of e.convoys) {
    lines.push(
      `${c.convoy}: needs approval from ${c.requiredApprovals.map(nameOf).join(', ') || 'nobody'}` +
        (c.crossesExcluded.length
          ? `; crosses areas held by excluded groups: ${c.crossesExcluded.map(nameOf).join(', ')}`
          : ''),
    );
  }

  if (e.calm) {
    heading(`Days of calm (${e.calm.agreement}, days in ${world.timezone})`);
    for (const d of e.calm.days) {
      lines.push(
        `${d.date}  ${String(d.violations).padStart(3)} violation(s)  ${d.calm ? 'calm' : d.inForce ? 'NOT calm' : 'NOT calm (not in force all day)'}  streak ${d.streak}`,
      );
    }
    lines.push(
      e.calm.reducedViolenceOn
        ? `Reduced violence reached on ${e.calm.reducedViolenceOn}.`
        : `Reduced violence not reached: ${world.calm?.daysRequired} calm days in a row are required.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
