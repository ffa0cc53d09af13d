/** The readable account `scenario run --explain` prints: the verdicts, then why. */
import type { Evaluation } from '../domain/findings.ts';
import type { World } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';

const VERDICT_LABEL: Record<string, string> = {
  violation: 'VIOLATION',
  needs_review: 'NEEDS REVIEW',
  permitted: 'permitted',
  not_covered: 'not covered',
};

/**
 * An instant as a person in the world reads it: date and time in the world's timezone, with the
 * offset then in force (Damascus kept UTC+2 in winter 2016), e.g. `27 Feb 2016, 00:00 (UTC+02:00)`.
 */
export function localTime(t: Instant, timezone: string): string {
  // A fixed offset (`+03:00`, which a bundle may give) is read as UTC shifted by it.
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(timezone);
  const shift = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000 : 0;
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: offset ? 'UTC' : timezone || 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  const parts = Object.fromEntries(format.formatToParts(t + shift).map((p) => [p.type, p.value]));
  const zone = offset ? `UTC${timezone}` : (parts.timeZoneName ?? 'GMT').replace('GMT', 'UTC');
  return `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} (${zone})`;
}

/** An act or a site's kind as words: `air_strike` is "air strike". */
const words = (code: string) => code.replaceAll('_', ' ');

export function explainEvaluation(name: string, world: World, e: Evaluation): string {
  const lines: string[] = [];
  const actorName = new Map(world.actors.map((a) => [a.id, a.name]));
  const nameOf = (id: string) => actorName.get(id) ?? id;
  const agreementTitle = new Map(world.agreements.map((a) => [a.id, a.title]));
  const zoneName = new Map(world.zones.map((z) => [z.id, z.name]));
  const sites = new Map(world.protectedSites.map((s) => [s.id, s]));
  const when = (t: Instant) => localTime(t, world.timezone);
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
      `${f.incident}  ${when(i.occurredAt)}  ${words(i.act)}${i.perpetrator ? ` by ${nameOf(i.perpetrator)}` : ''}`,
    );
    lines.push(
      `    ${VERDICT_LABEL[f.verdict]} under ${f.agreement ? (agreementTitle.get(f.agreement) ?? f.agreement) : 'no agreement'} [${f.reasons.join(', ')}]` +
        `${f.violator ? `: violator ${nameOf(f.violator)}` : ''}${f.obligation ? ` (obligation ${f.obligation})` : ''}`,
    );
    lines.push(`    ${f.explanation}`);
  }

  heading('Territory');
  if (e.territory.length === 0)
    lines.push('No change of control falls under an agreement that prohibits seizing territory.');
  for (const t of e.territory) {
    lines.push(
      `${zoneName.get(t.zone) ?? t.zone}  ${when(t.at)}  ${VERDICT_LABEL[t.verdict]} under ${agreementTitle.get(t.agreement) ?? t.agreement} [${t.reasons.join(', ')}]`,
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
      const site = sites.get(c.site);
      lines.push(
        `    ${site ? `${words(site.kind)} of ${nameOf(site.owner)} (${c.site})` : c.site}: ${c.clearanceM} m clearance, ${c.notified ? 'notified to the operating party' : 'NOT notified to the operating party'}`,
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
    heading(`Days of calm (${agreementTitle.get(e.calm.agreement) ?? e.calm.agreement}, days in ${world.timezone})`);
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
