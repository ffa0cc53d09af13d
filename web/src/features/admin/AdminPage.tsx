/**
 * Administration, for admins: the users of their organization (add, change role, disable or
 * enable, a new password shown once), their API tokens (listed, revoked), the organizations (add
 * one), and the way to the audit trail (its page lists the changes and verifies the chain). Every
 * change is audited by the server.
 */
import { type FormEvent, useState } from 'react';
import { ORG_KINDS, ROLES } from '../../../../src/contract/access.ts';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNotice, Field, Loading, NameFields, PageHeader } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiTokenList } from '../account/ApiTokens.tsx';
import {
  type NewOrganization,
  useAddOrganization,
  useAddUser,
  useChangeUser,
  useConvoyRepresentatives,
  useResetPassword,
  useSetConvoyRepresentative,
  useUsers,
} from './queries.ts';

export function AdminPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { orgName } = useWorld();
  const org = orgName(me?.org);
  return (
    <div className="page page-wide admin-page">
      <PageHeader title={t('admin.title')} />
      <Users org={org} />
      <AddUser org={org} />
      <Tokens org={org} />
      <Organizations />
      <section className="section" aria-labelledby="audit-link-title">
        <h2 id="audit-link-title">{t('admin.audit')}</h2>
        <p>
          <Link to="/audit">{t('admin.audit.open')}</Link>
        </p>
      </section>
    </div>
  );
}

function Users({ org }: { org: string }) {
  const { t, nameOf } = useI18n();
  const { me } = useSession();
  const { errorText } = useStatements();
  const users = useUsers();
  const change = useChangeUser();
  const reset = useResetPassword();
  return (
    <section className="section" aria-labelledby="users-title">
      <h2 id="users-title">{t('admin.users', { org })}</h2>
      {users.error && <ErrorNotice error={users.error} onRetry={users.reload} />}
      {!users.data && users.loading && <Loading />}
      {(change.error || reset.error) && (
        <div className="notice notice-error" role="alert">
          {errorText(change.error ?? reset.error)}
        </div>
      )}
      {reset.data?.password && (
        <div className="notice notice-success" role="status" data-testid="new-password">
          {t('admin.password.shown', { user: reset.data.username, password: reset.data.password })}
        </div>
      )}
      {users.data && (
        <div className="table-wrap">
          <table className="table table-cards" data-testid="users">
            <thead>
              <tr>
                <th scope="col">{t('admin.user')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('admin.clearance')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">
                  <span className="sr-only">{t('admin.newPassword')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => {
                const self = u.username === me?.username;
                return (
                  <tr key={u.username} data-user={u.username}>
                    <td className="cell-title">
                      <strong dir="auto">{u.display_name}</strong>
                      <div className="muted small">{u.username}</div>
                    </td>
                    <td data-label={t('admin.role')}>
                      <select
                        aria-label={`${t('admin.role')}: ${u.display_name}`}
                        value={u.role}
                        disabled={self || change.isPending}
                        onChange={(e) =>
                          change.mutate({
                            username: u.username,
                            body: { role: e.target.value as (typeof ROLES)[number] },
                          })
                        }
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {nameOf.roles(r)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td data-label={t('admin.clearance')} className="small">
                      {u.clearance ? nameOf.clearances(u.clearance) : '—'}
                    </td>
                    <td data-label={t('admin.status')}>
                      <span className={`badge ${u.disabled ? 'status-discounted' : 'status-verified'}`}>
                        {u.disabled ? t('admin.disabled') : t('admin.active')}
                      </span>{' '}
                      {!self && (
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          disabled={change.isPending}
                          onClick={() => change.mutate({ username: u.username, body: { disabled: !u.disabled } })}
                        >
                          {u.disabled ? t('admin.enable') : t('admin.disable')}
                        </button>
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={reset.isPending}
                        onClick={() => reset.mutate(u.username)}
                      >
                        {t('admin.newPassword')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AddUser({ org }: { org: string }) {
  const { t, nameOf } = useI18n();
  const { me } = useSession();
  const { errorText } = useStatements();
  const add = useAddUser();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('reporter');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        username: username.trim(),
        org: me!.org,
        role,
        ...(displayName.trim() ? { display_name: displayName.trim() } : {}),
      },
      {
        onSuccess: () => {
          setUsername('');
          setDisplayName('');
        },
      },
    );
  };
  return (
    <form className="panel admin-form" onSubmit={submit} data-testid="add-user">
      <h2>{t('admin.addUser', { org })}</h2>
      <div className="field-row">
        <Field label={t('admin.username')} htmlFor="u-username" error={add.error ? errorText(add.error) : undefined}>
          <input
            id="u-username"
            dir="ltr"
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </Field>
        <Field label={t('admin.displayName')} htmlFor="u-name">
          <input id="u-name" dir="auto" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </Field>
        <Field label={t('admin.role')} htmlFor="u-role">
          <select id="u-role" value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {nameOf.roles(r)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {add.data?.password && (
        <div className="notice notice-success" role="status" data-testid="added-user">
          {t('admin.added', { user: add.data.username, password: add.data.password })}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={add.isPending || username.trim() === ''}>
          {t('admin.addUser.submit')}
        </button>
      </div>
    </form>
  );
}

const NO_ORGANIZATION: NewOrganization = { id: '', name: '', name_ar: '', kind: 'humanitarian', task_force: false };

function Organizations() {
  const { t, lang, nameOf } = useI18n();
  const { me } = useSession();
  const { organizations, orgName } = useWorld();
  const { errorText } = useStatements();
  const add = useAddOrganization();
  const [draft, setDraft] = useState<NewOrganization>(NO_ORGANIZATION);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { ...draft, id: draft.id.trim(), name: draft.name.trim(), name_ar: draft.name_ar?.trim() || null },
      { onSuccess: () => setDraft(NO_ORGANIZATION) },
    );
  };
  return (
    <section className="section" aria-labelledby="orgs-title">
      <h2 id="orgs-title">{t('admin.organizations')}</h2>
      <ul className="org-list" data-testid="organizations">
        {organizations.map((o) => (
          <li key={o.id}>
            <strong dir="auto">{orgName(o.id)}</strong>
            {/* Its name in the other language too, as the admin gave them. */}
            {o.name_ar && (
              <span dir="auto" lang={lang === 'ar' ? 'en' : 'ar'}>
                {lang === 'ar' ? o.name : o.name_ar}
              </span>
            )}
            <span className="muted small">
              {nameOf.orgKinds(o.kind)}
              {o.task_force ? ` · ${t('admin.org.taskForce')}` : ''}
            </span>
            <DecidesFor org={o.id} />
          </li>
        ))}
      </ul>
      <form className="panel admin-form" onSubmit={submit} data-testid="add-organization">
        <div className="field-row">
          <NameFields
            ids={['o-name', 'o-name-ar']}
            labels={[t('admin.org.name'), t('admin.org.nameAr')]}
            values={[draft.name, draft.name_ar ?? '']}
            onChange={[(name) => setDraft({ ...draft, name }), (nameAr) => setDraft({ ...draft, name_ar: nameAr })]}
            error={add.error ? errorText(add.error) : undefined}
          />
        </div>
        <div className="field-row">
          <Field label={t('admin.org.id')} htmlFor="o-id">
            <input id="o-id" dir="ltr" value={draft.id} onChange={(e) => setDraft({ ...draft, id: e.target.value })} />
          </Field>
          <Field label={t('admin.org.kind')} htmlFor="o-kind" className="field-choice">
            <select
              id="o-kind"
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.target.value as NewOrganization['kind'] })}
            >
              {/* A co-chair is added by the operator (it approves every ruling). */}
              {ORG_KINDS.filter((k) => k !== 'co_chair').map((k) => (
                <option key={k} value={k}>
                  {nameOf.orgKinds(k)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {me?.clearance !== 'public' && (
          <label className="check">
            <input
              type="checkbox"
              checked={draft.task_force ?? false}
              onChange={(e) => setDraft({ ...draft, task_force: e.target.checked })}
            />
            <span>{t('admin.org.taskForce')}</span>
          </label>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={add.isPending || !draft.id.trim() || !draft.name.trim()}
          >
            {t('admin.org.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * The party an organization decides for on convoy requests (docs/access.md): a party's approvals
 * are asked of the organizations that decide for it, or of the secretariat when none does.
 */
function DecidesFor({ org }: { org: string }) {
  const { t } = useI18n();
  const { actors, actorName } = useWorld();
  const { errorText } = useStatements();
  const directory = useConvoyRepresentatives();
  const set = useSetConvoyRepresentative();
  const current = directory.data?.find((r) => r.org === org)?.actor ?? '';
  const id = `decides-${org}`;
  const parties = actors.filter((a) => !a.designated).sort((a, b) => actorName(a.id).localeCompare(actorName(b.id)));
  return (
    <span className="decides-for">
      <label htmlFor={id}>{t('admin.org.decidesFor')}</label>
      <select
        id={id}
        value={current}
        disabled={!directory.data || set.isPending}
        onChange={(e) => set.mutate({ org, actor: e.target.value || null })}
      >
        <option value="">{t('admin.org.decidesForNone')}</option>
        {parties.map((a) => (
          <option key={a.id} value={a.id}>
            {actorName(a.id)}
          </option>
        ))}
      </select>
      {set.error && (
        <span role="alert" className="field-error">
          {errorText(set.error)}
        </span>
      )}
    </span>
  );
}

/** The API tokens of a user of the admin's organization, chosen by name: listed, and revoked. */
function Tokens({ org }: { org: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const users = useUsers();
  const [user, setUser] = useState<string | null>(null);
  const chosen = user ?? me?.username ?? null;
  return (
    <section className="section" aria-labelledby="tokens-title" data-testid="org-tokens">
      <h2 id="tokens-title">{t('admin.tokens', { org })}</h2>
      <p className="muted">{t('admin.tokens.help')}</p>
      <div className="field">
        <label htmlFor="t-user">{t('admin.tokens.user')}</label>
        <select id="t-user" value={chosen ?? ''} onChange={(e) => setUser(e.target.value)}>
          {(users.data ?? []).map((u) => (
            <option key={u.username} value={u.username}>
              {u.display_name}
            </option>
          ))}
        </select>
      </div>
      {/* Your own are listed as yourself: the same list as your account's page. */}
      {chosen && <ApiTokenList user={chosen === me?.username ? null : chosen} />}
    </section>
  );
}
