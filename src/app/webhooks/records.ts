/**
 * What a delivery says: the record its event names, read again AS THE SUBSCRIBER (the caller runs
 * these under `asReader` with the subscription's owner), with the same reads the REST API and the
 * live stream use. A record the subscriber may not see reads as nothing, and nothing is sent; what
 * a record says of others is withheld as those reads withhold it (a finding's obligation without a
 * clause the reader sees, a ruling's accounts the reader may not see, a thread's links).
 */
import type { WebhookEvent } from '../../contract/webhooks.ts';
import * as findings from '../../store/finding.repository.ts';
import * as hotline from '../../store/hotline.repository.ts';
import * as live from '../../store/live.repository.ts';
import * as rulings from '../../store/ruling.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { incidentData } from '../live/live-events.ts';
import { whereView } from '../map/where.ts';

export interface EventRef {
  type: WebhookEvent;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
}

const iso = (t: Date | number | null) => (t === null ? null : new Date(t).toISOString());

/** The event's `data`, as the subscriber may see it now; null when the subscriber may not see the record. */
export async function readRecord(sql: Sql, e: EventRef): Promise<Record<string, unknown> | null> {
  switch (e.type) {
    case 'incident.created': {
      const i = e.entity === 'incident' ? await live.incidentSummary(sql, e.entityId) : null;
      return i ? { incident: incidentData(i) } : null;
    }
    case 'finding.changed':
      return e.entity === 'finding' ? findingRead(sql, e.entityId) : null;
    case 'ruling.changed': {
      const [r] = e.entity === 'ruling' ? await rulings.getMany(sql, [e.entityId]) : [];
      if (!r) return null;
      const i = await live.incidentSummary(sql, r.incidentId);
      return { ruling: rulingData(r), ...(i ? { incident: incidentData(i) } : {}) };
    }
    case 'hotline.escalated': {
      const t = e.entity === 'hotline_thread' ? await hotline.get(sql, e.entityId) : null;
      return t ? { thread: threadData(t), level: e.detail.level === 2 ? 2 : 1 } : null;
    }
  }
}

/** A finding as it stands; one withdrawn as its last version (`withdrawn: true`). With its incident, for people. */
async function findingRead(sql: Sql, key: string): Promise<Record<string, unknown> | null> {
  const current = await live.findingSummary(sql, key);
  if (current) {
    const i = current.kind === 'incident' ? await live.incidentSummary(sql, current.subject_id) : null;
    return {
      withdrawn: false,
      finding: {
        key: current.key,
        kind: current.kind,
        subject_id: current.subject_id,
        agreement_id: current.agreement_id,
        at: iso(current.at),
        verdict: current.verdict,
        violators: current.violators,
        rule: current.rule,
        obligation: current.obligation,
        explanation: current.explanation,
        statements: current.statements,
      },
      ...(i ? { incident: incidentData(i) } : {}),
    };
  }
  const last = (await findings.history(sql, key)).at(-1);
  if (!last) return null;
  const effective = findings.effective(last);
  const i = last.kind === 'incident' ? await live.incidentSummary(sql, last.subjectId) : null;
  return {
    withdrawn: true,
    finding: {
      key: last.key,
      kind: last.kind,
      subject_id: last.subjectId,
      agreement_id: last.agreement,
      at: iso(last.at),
      verdict: effective.verdict,
      violators: effective.violators,
      rule: last.rule,
      obligation: last.obligation,
      explanation: last.explanation,
      statements: last.statements,
    },
    ...(i ? { incident: incidentData(i) } : {}),
  };
}

const rulingData = (r: rulings.Ruling) => ({
  id: r.id,
  incident_id: r.incidentId,
  finding_key: r.findingKey,
  agreement: r.agreement,
  verdict: r.verdict,
  violators: r.violators,
  reasoning: r.reasoning,
  relied_on: r.reliedOn,
  automatic: r.automatic,
  required_orgs: r.requiredOrgs,
  approvals: r.approvals.map((a) => ({ org: a.org, at: iso(a.at) })),
  status: r.status,
  needs_another_look: r.needsAnotherLook,
  proposed_org: r.proposedOrg,
  proposed_at: iso(r.proposedAt),
  in_force_at: iso(r.inForceAt),
  closed_at: iso(r.closedAt),
  classification: r.classification,
});

const threadData = (t: hotline.HotlineThread) => ({
  id: t.id,
  subject: t.subject,
  priority: t.priority,
  opened_by_org: t.openedByOrg,
  recipients: t.recipients.map((r) => ({ org: r.org, acknowledged_at: iso(r.acknowledgedAt) })),
  location: t.location,
  where: t.location ? whereView(t.location.lon, t.location.lat) : null,
  opened_at: iso(t.openedAt),
  ack_due_at: iso(t.ackDueAt),
  second_due_at: iso(t.secondDueAt),
  escalated_at: iso(t.escalatedAt),
  escalated_again_at: iso(t.escalatedAgainAt),
  resolved_at: iso(t.resolvedAt),
});
