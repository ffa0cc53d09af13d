/**
 * An organization opens a hotline thread to others: a subject, a first message, a priority (which sets
 * the acknowledgement deadline, contract/hotline.ts), a place if there is one, and links to records the
 * caller may see. The deadlines are written against the database's clock.
 */
import { randomUUID } from 'node:crypto';
import { ACK_DEADLINE_MINUTES, type HotlinePriority, SECOND_DEADLINE_FACTOR } from '../../contract/hotline.ts';
import * as hotline from '../../store/hotline.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { queueEmail } from '../email/queue-email.ts';
import { invalid } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { announce, threadChange } from './thread-change.ts';

export interface NewThreadInput {
  subject: string;
  message: string;
  priority: HotlinePriority;
  recipients: string[];
  location: { lon: number; lat: number } | null;
  /** Records to link, as `incident:<id>`. */
  links: string[];
}

/** The kinds of record a thread may link. */
const LINKABLE = ['incident', 'protected_site', 'operation', 'convoy'] as const;

export async function openThread(
  ctx: AppContext,
  caller: Caller | null,
  input: NewThreadInput,
): Promise<hotline.HotlineThread> {
  const c = requirePermission(caller, 'hotline:write');
  const recipients = [...new Set(input.recipients)];
  const at = ctx.now();
  const id = `hotline-${randomUUID()}`;
  await ctx.db.transaction(async (tx) => {
    const known = await hotline.existingOrgs(tx, recipients);
    // Named by their place in the request (`recipients[1]`).
    input.recipients.forEach((r, i) => {
      if (r === c.orgId) throw invalid(`recipients[${i}]`, 'a thread goes to other organizations, not your own');
      if (!known.includes(r)) throw invalid(`recipients[${i}]`, `no organization "${r}"`);
    });
    await readWithin(tx, readerOf(c), async (sql) => {
      for (const [i, link] of input.links.entries()) {
        const [kind] = link.split(':');
        const ok = (LINKABLE as readonly string[]).includes(kind ?? '') && (await hotline.linkVisible(sql, link));
        if (!ok) throw invalid(`links[${i}]`, `no record "${link}" you may link`);
      }
    });
    const minutes = ACK_DEADLINE_MINUTES[input.priority];
    await hotline.insert(tx, {
      id,
      openedByOrg: c.orgId,
      openedByUser: c.userId,
      subject: input.subject,
      priority: input.priority,
      location: input.location,
      links: [...new Set(input.links)],
      recipients,
      ackMinutes: minutes,
      secondMinutes: minutes * SECOND_DEADLINE_FACTOR,
      message: input.message,
    });
    // Email for the recipients' users who asked, queued with the thread (written out as each may see it).
    await queueEmail(tx, {
      kind: 'hotline.addressed',
      entity: 'hotline_thread',
      entityId: id,
      orgs: recipients,
      exceptUser: c.userId,
    });
    await audit(tx, c, at, [
      threadChange(
        'open-hotline-thread',
        { id, links: input.links },
        {
          subject: input.subject,
          priority: input.priority,
          recipients,
          location: input.location,
          message: input.message,
        },
      ),
    ]);
  });
  ctx.wrote();
  announce(ctx, id);
  return (await asReader(ctx.db, readerOf(c), (sql) => hotline.get(sql, id)))!;
}
