/**
 * Emails of the hotline: a thread opened to the recipient's organization, and a thread escalated to the
 * secretariat (for the secretariat and the thread's parties). Each reads the thread again as its
 * recipient (migration 021's policies): hidden, nothing is sent; resolved meanwhile, the message is
 * moot. Linked records are counted as the recipient sees them (a link to a record it may not see is
 * left out, as on the thread's page).
 */
import * as hotline from '../../store/hotline.repository.ts';
import type { Rendered, RenderContext } from './render-context.ts';
import { priorityWord } from './email-words.ts';

const linkOf = (id: string) => `/hotline?thread=${encodeURIComponent(id)}`;

function facts(r: RenderContext, t: hotline.HotlineThread): [string, string][] {
  const out: [string, string][] = [
    [r.say('label.from'), r.orgName(t.openedByOrg)],
    [r.say('label.to'), r.list(t.recipients.map((x) => r.orgName(x.org)))],
    [r.say('label.priority'), r.say(priorityWord(t.priority))],
    [r.say('label.opened'), r.when(t.openedAt)],
    [r.say('label.acknowledgeBy'), r.when(t.ackDueAt)],
  ];
  if (t.location) out.push([r.say('label.where'), r.place(t.location.lon, t.location.lat)]);
  if (t.links.length > 0) out.push([r.say('label.linked'), r.number(t.links.length)]);
  return out;
}

export async function hotlineAddressed(r: RenderContext): Promise<Rendered> {
  const t = await hotline.get(r.sql, r.message.entityId);
  if (!t) return 'hidden';
  if (t.resolvedAt !== null) return 'moot';
  const first = (await hotline.entries(r.sql, t.id)).find((e) => e.kind === 'opened');
  return {
    subject: r.say('subject.hotline.addressed', { priority: r.say(priorityWord(t.priority)), subject: t.subject }),
    heading: r.say('heading.hotline.addressed', { org: r.orgName(t.openedByOrg) }),
    facts: facts(r, t),
    quote: first?.body ? { label: r.say('label.message'), text: first.body } : undefined,
    link: { label: r.say('open.thread'), url: r.url(linkOf(t.id)) },
  };
}

export async function hotlineEscalated(r: RenderContext): Promise<Rendered> {
  const t = await hotline.get(r.sql, r.message.entityId);
  if (!t) return 'hidden';
  if (t.resolvedAt !== null) return 'moot';
  const silent = t.recipients.filter((x) => x.acknowledgedAt === null).map((x) => r.orgName(x.org));
  if (silent.length === 0) return 'moot';
  const level = r.message.detail.level === 2 ? 2 : 1;
  return {
    subject: r.say('subject.hotline.escalated', { subject: t.subject }),
    heading: r.say('heading.hotline.escalated', { level: r.number(level) }),
    facts: [[r.say('label.notAcknowledged'), r.list(silent)], ...facts(r, t)],
    link: { label: r.say('open.thread'), url: r.url(linkOf(t.id)) },
  };
}
