/**
 * Your account, reached from your name in the navigation: who you are, what you may read, stated
 * plainly, the email you ask for (EmailSettings.tsx), your API tokens (create one, its secret shown
 * once; list them; revoke one), and your webhooks (create, pause, delete, see their deliveries).
 */
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { PageHeader } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Webhooks } from '../webhooks/Webhooks.tsx';
import { ApiTokenList, NewApiToken } from './ApiTokens.tsx';
import { EmailSettings } from './EmailSettings.tsx';

export function AccountPage() {
  const { t, nameOf } = useI18n();
  const { me } = useSession();
  const { orgName } = useWorld();
  if (!me) return null;
  return (
    <div className="page account-page">
      <PageHeader title={t('account.title')} />
      <section className="section" aria-labelledby="account-who">
        <h2 id="account-who">{t('account.who')}</h2>
        <dl className="facts" data-testid="account">
          <dt>{t('admin.username')}</dt>
          <dd>
            <bdi dir="ltr">{me.username}</bdi>
          </dd>
          <dt>{t('admin.role')}</dt>
          <dd>{nameOf.roles(me.role)}</dd>
          <dt>{t('account.org')}</dt>
          <dd>
            <bdi>{orgName(me.org)}</bdi>
          </dd>
          <dt>{t('admin.clearance')}</dt>
          <dd>{nameOf.clearances(me.clearance)}</dd>
        </dl>
      </section>
      <EmailSettings />
      <section className="section" aria-labelledby="account-tokens">
        <h2 id="account-tokens">{t('tokens.title')}</h2>
        <p className="muted">{t('tokens.help')}</p>
        <ApiTokenList user={null} />
        <NewApiToken />
      </section>
      <section className="section" aria-labelledby="account-webhooks">
        <h2 id="account-webhooks">{t('webhooks.title')}</h2>
        <p className="muted">{t('webhooks.help')}</p>
        <Webhooks />
      </section>
    </div>
  );
}
