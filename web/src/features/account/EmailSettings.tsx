/**
 * Your email, on the account page: whether this server sends email at all (no mail server configured:
 * it says so), your address, the language Truce writes to you in, and the kinds of email you ask for.
 */
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { ErrorNotice, Field, Loading } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EMAIL_KINDS, type EmailKind, type Language } from '../../../../src/contract/email.ts';
import { type EmailSettings as Settings, useEmailSettings, useSaveEmailSettings } from './queries.ts';

export function EmailSettings() {
  const { t } = useI18n();
  const settings = useEmailSettings();
  return (
    <section className="section" aria-labelledby="account-email">
      <h2 id="account-email">{t('account.email.title')}</h2>
      <p className="muted">{t('account.email.help')}</p>
      {settings.error ? (
        <ErrorNotice error={settings.error} onRetry={settings.reload} />
      ) : !settings.data ? (
        <Loading />
      ) : (
        <EmailForm initial={settings.data} />
      )}
    </section>
  );
}

function EmailForm({ initial }: { initial: Settings }) {
  const { t, lang, nameOf } = useI18n();
  const { errorText } = useStatements();
  const save = useSaveEmailSettings();
  // Never saved: the language of the page is the likeliest wish.
  const fresh = initial.address === null && initial.kinds.length === 0;
  const [address, setAddress] = useState(initial.address ?? '');
  const [language, setLanguage] = useState<Language>(fresh ? lang : initial.language);
  const [kinds, setKinds] = useState<EmailKind[]>(initial.kinds);
  const [saved, setSaved] = useState(false);
  const error = save.error;
  const at = (field: string) =>
    error instanceof ApiError && error.path?.startsWith(field) ? errorText(error) : undefined;
  const elsewhere = error && !at('address') && !at('language') && !at('kinds') ? error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(
      { address: address.trim() === '' ? null : address.trim(), language, kinds },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form className="panel admin-form email-settings" onSubmit={submit} noValidate data-testid="email-settings">
      <p
        className={`notice ${initial.delivery ? 'notice-success' : 'notice-warn'}`}
        data-testid="email-delivery"
        data-delivery={initial.delivery ? 'on' : 'off'}
      >
        {initial.delivery ? t('account.email.on') : t('account.email.off')}
      </p>
      <div className="field-row">
        <Field
          label={t('account.email.address')}
          htmlFor="email-address"
          className="field-address"
          help={t('account.email.address.help')}
          error={at('address')}
        >
          <input
            id="email-address"
            type="email"
            dir="ltr"
            autoComplete="email"
            maxLength={254}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
        </Field>
        <Field label={t('account.email.language')} htmlFor="email-language" error={at('language')}>
          <select id="email-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="en" lang="en">
              English
            </option>
            <option value="ar" lang="ar">
              العربية
            </option>
          </select>
        </Field>
      </div>
      <fieldset className="email-kinds">
        <legend>{t('account.email.kinds')}</legend>
        {EMAIL_KINDS.map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              name="kinds"
              value={k}
              checked={kinds.includes(k)}
              onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))}
            />
            <span>{nameOf.emailKinds(k)}</span>
          </label>
        ))}
        {at('kinds') && (
          <p className="field-error" role="alert">
            {at('kinds')}
          </p>
        )}
      </fieldset>
      {elsewhere && <ErrorNotice error={elsewhere} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t('account.email.save')}
        </button>
        {saved && !save.isPending && (
          <span role="status" className="muted" data-testid="email-saved">
            {t('account.email.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
