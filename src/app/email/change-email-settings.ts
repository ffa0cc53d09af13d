/**
 * PUT /account/email: the caller sets their own address, the language Truce writes to them in, and the
 * kinds of email they ask for (none: no email). Asking for any needs an address. Audited on the user
 * (seen by the admins of the user's organization), in the same transaction.
 */
import { type EmailKind, isEmailKind, type Language, LANGUAGES } from '../../contract/email.ts';
import * as email from '../../store/email.repository.ts';
import { type Caller, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { getEmailSettings, type EmailSettingsView } from './get-email-settings.ts';

export interface EmailSettingsInput {
  address: string | null;
  language: Language;
  kinds: string[];
}

/** An address as mail servers take it: one @, something on each side, no spaces or angle brackets. */
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

export async function changeEmailSettings(
  ctx: AppContext,
  caller: Caller | null,
  input: EmailSettingsInput,
): Promise<EmailSettingsView> {
  const c = requireCaller(caller);
  const address = input.address?.trim() || null;
  if (address !== null && (address.length > 254 || !ADDRESS.test(address)))
    throw invalid('address', `"${address}" is not an email address`);
  if (!(LANGUAGES as readonly string[]).includes(input.language))
    throw invalid('language', `must be one of ${LANGUAGES.join(', ')}`);
  input.kinds.forEach((k, i) => {
    if (!isEmailKind(k)) throw invalid(`kinds[${i}]`, `no kind of email "${k}"`);
  });
  const kinds = [...new Set(input.kinds as EmailKind[])].sort();
  if (kinds.length > 0 && address === null) throw invalid('address', 'give an address to receive emails');
  await ctx.db.transaction(async (tx) => {
    const before = await email.getSettings(tx, c.userId);
    await email.updateSettings(tx, c.userId, { email: address, language: input.language, kinds });
    await audit(tx, c, ctx.now(), [
      {
        action: 'change-email',
        entity: 'user',
        entityId: c.userId,
        ownerOrg: c.orgId,
        before: before && { address: before.email, language: before.language, kinds: before.kinds },
        after: { address, language: input.language, kinds },
      },
    ]);
  });
  ctx.wrote('accounts');
  return getEmailSettings(ctx, c);
}
