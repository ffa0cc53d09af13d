/**
 * GET /account/email: the caller's own email settings (the address, the language Truce writes in, the
 * kinds of email asked for) and whether this server sends email at all (an SMTP server configured).
 */
import type { EmailKind, Language } from '../../contract/email.ts';
import { isEmailKind } from '../../contract/email.ts';
import * as email from '../../store/email.repository.ts';
import { type Caller, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export interface EmailSettingsView {
  /** Whether this server sends email: without an SMTP server, none leaves. */
  delivery: boolean;
  address: string | null;
  language: Language;
  kinds: EmailKind[];
}

export async function getEmailSettings(ctx: AppContext, caller: Caller | null): Promise<EmailSettingsView> {
  const c = requireCaller(caller);
  const s = await email.getSettings(ctx.db, c.userId);
  if (!s) throw notFound('record', c.userId);
  return { delivery: ctx.emailDelivery, address: s.email, language: s.language, kinds: s.kinds.filter(isEmailKind) };
}
