/** Signing in: a username and a password; the session is a cookie the page never sees. */
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function SignInPage() {
  const { t, lang, setLang } = useI18n();
  const { signIn } = useSession();
  const { errorText } = useStatements();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 429
          ? t('signIn.rateLimited')
          : err instanceof ApiError && err.status === 401
            ? t('signIn.failed')
            : t('common.error', { message: errorText(err) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-lang" role="group" aria-label={t('nav.language')}>
        <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
          English
        </button>
        <button type="button" lang="ar" aria-pressed={lang === 'ar'} onClick={() => setLang('ar')}>
          العربية
        </button>
      </div>
      <form className="sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <div className="sign-in-brand" aria-hidden="true">
          <svg viewBox="0 0 32 32" width="44" height="44">
            <rect width="32" height="32" rx="8" fill="#1d3557" />
            <path
              d="M9 17.5l4.5 4.5L23 11"
              fill="none"
              stroke="#fff"
              strokeWidth="3.2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </div>
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.subtitle')}</p>
        {error && (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        )}
        <div className="field">
          <label htmlFor="username">{t('signIn.username')}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            dir="ltr"
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('signIn.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            dir="ltr"
          />
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
