/**
 * Queues an email for the users it concerns, inside the transaction of the change that causes it: the
 * change and its emails are committed together, or neither is. A use case names the kind, the record
 * and the organizations whose users it concerns (and the secretariat's, when it does); only the users
 * who asked for the kind and gave an address get a message, and each message is written out when sent,
 * read again as its recipient (send-due-emails.ts).
 */
import { EMAIL_GIVE_UP_HOURS } from '../../contract/email.ts';
import * as email from '../../store/email.repository.ts';
import type { Sql } from '../../store/sql.ts';

export type QueuedEmail = email.NewEmail;

/** Returns how many messages were queued; each is given up if not sent EMAIL_GIVE_UP_HOURS after it is due. */
export function queueEmail(tx: Sql, e: QueuedEmail): Promise<number> {
  return email.enqueue(tx, e, EMAIL_GIVE_UP_HOURS);
}
