/**
 * Records as the API shows them (snake_case, ISO 8601 instants), and as the audit trail keeps
 * them before and after a change: one shape for both.
 */
import type { Classification } from '../../contract/access.ts';
import type { Actor } from '../../domain/model.ts';
import { formatInstant, type Instant, type Interval } from '../../domain/time.ts';
import type * as agreements from '../../store/agreement.repository.ts';
import type * as findings from '../../store/finding.repository.ts';
import type * as plans from '../../store/plan.repository.ts';
import type * as zones from '../../store/zone.repository.ts';

export const iso = (t: Instant): string => formatInstant(t);
export const isoOrNull = (t: Instant | null): string | null => (t === null ? null : formatInstant(t));
const interval = (i: Interval) => ({ from: iso(i.from), to: isoOrNull(i.to) });
const meta = (r: { classification: Classification; ownerOrg: string | null }) => ({
  classification: r.classification,
  owner_org: r.ownerOrg,
});

export const actorView = (a: Actor) => ({
  id: a.id,
  name: a.name,
  name_ar: a.nameAr ?? null,
  kind: a.kind,
  aliases: a.aliases,
  designated: a.designated,
});

export const clauseView = (c: agreements.ClauseRecord) => ({ code: c.code, text: c.text, acts: c.acts, ...meta(c) });

/** An agreement without its clauses (each clause has its own classification, and its own audit entries). */
export const agreementHeadView = (g: agreements.AgreementRecord) => ({
  id: g.id,
  title: g.title,
  title_ar: g.titleAr ?? null,
  ...meta(g),
  in_force: g.inForce.map(interval),
  scope: g.scope,
  parties: g.parties.map((p) => ({
    actor: p.actor,
    accepted_at: iso(p.acceptedAt),
    until: isoOrNull(p.until),
    channel: p.channel,
    caveats: p.caveats,
  })),
  excluded: g.excluded,
  prohibited: g.prohibited,
  self_defense: g.selfDefense,
  co_chairs: g.coChairs,
});

export const agreementView = (g: agreements.AgreementRecord) =>
  Object.assign(agreementHeadView(g), { clauses: g.clauses.map(clauseView) });

export const controlView = (c: zones.ControlRecord) => ({
  actors: c.actors,
  from: iso(c.from),
  to: isoOrNull(c.to),
  source: c.source,
  confidence: c.confidence,
});

export const zoneView = (z: zones.ZoneRecord) => ({
  id: z.id,
  name: z.name,
  name_ar: z.nameAr ?? null,
  ...meta(z),
  geometry: z.geometry,
  control: z.control.map(controlView),
});

export const siteView = (s: plans.SiteRecord) => ({
  id: s.id,
  kind: s.kind,
  owner: s.owner,
  ...meta(s),
  geometry: s.geometry,
  buffer_m: s.bufferM,
  valid: interval(s.valid),
  notified_to: s.notifiedTo,
});

export const operationView = (o: plans.OperationRecord) => ({
  id: o.id,
  actor: o.actor,
  kind: o.kind,
  ...meta(o),
  area: o.area,
  radius_m: o.radiusM,
  window: interval(o.window),
  withdrawn_at: isoOrNull(o.withdrawnAt),
});

export const convoyView = (c: plans.ConvoyRecord) => ({
  id: c.id,
  organizer: c.organizer,
  ...meta(c),
  route: c.route,
  window: interval(c.window),
});

export const findingView = (f: findings.StoredFinding) => ({
  key: f.key,
  kind: f.kind,
  subject_id: f.subjectId,
  agreement: f.agreement,
  at: iso(f.at),
  verdict: f.verdict,
  violators: f.violators,
  reasons: f.reasons,
  rule: f.rule,
  obligation: f.obligation,
  explanation: f.explanation,
  statements: f.statements,
  facts: f.facts,
  rules_version: f.rulesVersion,
});

export const historyView = (h: findings.HistoryEntry) =>
  Object.assign(findingView(h), {
    computed_at: iso(h.computedAt),
    superseded_at: iso(h.supersededAt),
    superseded_by_verdict: h.supersededByVerdict,
    cause: h.cause,
    cause_statement: h.causeStatement,
  });
