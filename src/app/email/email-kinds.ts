/**
 * What each kind of email says (src/contract/email.ts lists the kinds). A renderer reads its record
 * again AS THE RECIPIENT (its `sql` runs as the recipient's reader: row-level security), so a message
 * says only what the recipient may see; a record the recipient may not see is `hidden` and nothing is
 * sent; a record no longer in the state the message announces (acknowledged meanwhile, withdrawn,
 * resolved, renewed) is `moot`. `Record<EmailKind, …>`: a kind without its renderer fails to compile.
 */
import type { EmailKind } from '../../contract/email.ts';
import { dailyReportEmail } from '../daily-report/send-daily-reports.ts';
import { hotlineAddressed, hotlineEscalated } from './hotline-emails.ts';
import { deconflictionAlert, noticeConflict } from './notice-emails.ts';
import { notificationOverdue, notificationReceived } from './notification-emails.ts';
import type { Renderer } from './render-context.ts';

export const EMAIL_RENDERERS: Record<EmailKind, Renderer> = {
  'notification.received': notificationReceived,
  'notification.overdue': notificationOverdue,
  'hotline.addressed': hotlineAddressed,
  'hotline.escalated': hotlineEscalated,
  'report.daily': dailyReportEmail,
  'notice.conflict': noticeConflict,
  'deconfliction.alert': deconflictionAlert,
};
