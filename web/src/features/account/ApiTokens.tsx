/**
 * API tokens: a new one for yourself (its secret shown once, with a copy button and a plain
 * warning), and a user's tokens listed (name, created, revoked; never a secret) with a revoke that
 * asks first. The account page shows yours; the admin page a user's of the admin's organization.
 */
import { type FormEvent, useRef, useState } from 'react';
import { ErrorNotice, Field, Loading } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './queries.ts';

export function NewApiToken() {
  const { t } = useI18n();
  const { errorText } = useStatements();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [copied, setCopied] = useState(false);
  const secret = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  const copy = async () => {
    const value = create.data?.token ?? '';
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, or refused): the secret is selected for the reader to copy.
      secret.current?.select();
    }
  };
  return (
    <form className="panel admin-form" onSubmit={submit} data-testid="new-token">
      <h3>{t('tokens.new')}</h3>
      <p className="muted small">{t('tokens.new.help')}</p>
      <div className="field-row">
        <Field
          label={t('tokens.name')}
          htmlFor="t-name"
          help={t('tokens.name.help')}
          error={create.error ? errorText(create.error) : undefined}
        >
          <input
            id="t-name"
            dir="auto"
            autoComplete="off"
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending || name.trim() === ''}>
          {t('tokens.create')}
        </button>
      </div>
      {create.data && (
        <div className="notice notice-warn token-secret" role="status" data-testid="token-secret">
          <p>
            <strong>{t('tokens.secret.once')}</strong>
          </p>
          <div className="token-copy">
            <input
              ref={secret}
              readOnly
              dir="ltr"
              aria-label={t('tokens.secret')}
              value={create.data.token}
              onFocus={(e) => e.target.select()}
            />
            <button type="button" className="btn btn-small" onClick={() => void copy()}>
              {copied ? t('tokens.copied') : t('tokens.copy')}
            </button>
          </div>
          <p className="small">{t('tokens.secret.use')}</p>
        </div>
      )}
    </form>
  );
}

/** A user's tokens (yourself when `user` is null), each with a revoke that asks first. */
export function ApiTokenList({ user }: { user: string | null }) {
  const { t, dateTime } = useI18n();
  const { errorText } = useStatements();
  const tokens = useApiTokens(user);
  const revoke = useRevokeApiToken();
  const [asking, setAsking] = useState<string | null>(null);
  if (tokens.error) return <ErrorNotice error={tokens.error} onRetry={tokens.reload} />;
  if (!tokens.data) return <Loading />;
  if (tokens.data.length === 0)
    return (
      <p className="empty" data-testid="tokens">
        {t('tokens.none')}
      </p>
    );
  return (
    <>
      {revoke.error && (
        <div className="notice notice-error" role="alert">
          {errorText(revoke.error)}
        </div>
      )}
      <div className="table-wrap">
        <table className="table table-cards" data-testid="tokens">
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.created')}</th>
              <th scope="col">{t('tokens.state')}</th>
              <th scope="col">
                <span className="sr-only">{t('tokens.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((k) => (
              <tr key={k.id} data-token={k.name} className={k.revoked_at ? 'muted' : undefined}>
                <td className="cell-title">
                  <strong dir="auto">{k.name}</strong>
                </td>
                <td data-label={t('tokens.created')}>{dateTime(k.created_at)}</td>
                <td data-label={t('tokens.state')}>
                  {k.revoked_at ? (
                    <span className="badge badge-outline">
                      {t('tokens.revokedAt', { when: dateTime(k.revoked_at) })}
                    </span>
                  ) : (
                    <span className="badge status-verified">{t('tokens.active')}</span>
                  )}
                </td>
                <td>
                  {!k.revoked_at &&
                    (asking === k.id ? (
                      <div className="token-confirm" role="group" aria-label={t('tokens.revoke')}>
                        <span className="small">{t('tokens.revoke.ask', { name: k.name })}</span>
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate(k.id, { onSettled: () => setAsking(null) })}
                        >
                          {t('tokens.revoke.yes')}
                        </button>
                        <button type="button" className="btn btn-small btn-ghost" onClick={() => setAsking(null)}>
                          {t('tokens.revoke.no')}
                        </button>
                      </div>
                    ) : (
                      <button type="button" className="btn btn-small" onClick={() => setAsking(k.id)}>
                        {t('tokens.revoke')}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
