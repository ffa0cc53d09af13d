/** The agreements: who accepted them when and with what caveats, who is excluded, what is prohibited, the clauses. */
import { type Agreement, useWorld } from '../../api/world.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { Loading, NotFound, PageHeader, Reference, Tabs } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../api/session.tsx';
import { AgreementEditor } from '../world/AgreementEditor.tsx';

export function AgreementPage({ id }: { id: string | null }) {
  const { t, timezoneLabel } = useI18n();
  const { agreements, agreementTitle, ready } = useWorld();
  const { can } = useSession();
  if (!ready)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  const current = id === null ? agreements[0] : agreements.find((g) => g.id === id);
  if (id !== null && !current) {
    return (
      <NotFound
        title={t('notFound.agreement.title')}
        text={t('notFound.agreement')}
        back={{ to: '/agreements', label: t('notFound.agreement.back') }}
      />
    );
  }
  return (
    <div className="page page-wide">
      <PageHeader title={t('agreement.title')}>
        <span className="muted small">{t('common.times', { zone: timezoneLabel })}</span>
      </PageHeader>
      {!current ? (
        <p className="empty">{t('agreement.none')}</p>
      ) : (
        <>
          {agreements.length > 1 && (
            <Tabs
              label={t('agreement.title')}
              options={agreements.map((g) => g.id)}
              value={current.id}
              name={agreementTitle}
              title={agreementTitle}
              onChange={(id) => navigate(`/agreements/${encodeURIComponent(id)}`, { replace: true })}
            />
          )}
          <AgreementView agreement={current} />
          {can('world:manage') && <AgreementEditor key={current.id} agreement={current} />}
        </>
      )}
    </div>
  );
}

function AgreementView({ agreement: g }: { agreement: Agreement }) {
  const { t, lang, nameOf, dateTime, number } = useI18n();
  const { actorName, actors, agreementTitle, orgName } = useWorld();
  const designated = new Set(actors.filter((a) => a.designated).map((a) => a.id));
  return (
    <div className="agreement" role="tabpanel">
      <h2 className="agreement-title" dir="auto">
        {agreementTitle(g.id)}
      </h2>
      <div className="badges">
        <span className="badge badge-outline">{nameOf.classifications(g.classification)}</span>
        {g.self_defense && <span className="badge badge-outline">{t('agreement.selfDefense')}</span>}
        <span className="badge badge-outline" data-testid="co-chairs">
          {t('agreement.coChairs')}:{' '}
          {g.co_chairs.length === 0
            ? t('agreement.coChairs.all')
            : g.co_chairs.map((o) => orgName(o)).join(lang === 'ar' ? '، ' : ', ')}
        </span>
      </div>

      <div className="incident-grid">
        <section className="panel">
          <h3>{t('agreement.inForce')}</h3>
          <ul className="plain">
            {g.in_force.map((p) => (
              <li key={p.from}>
                {p.to
                  ? t('agreement.between', { from: dateTime(p.from), to: dateTime(p.to) })
                  : t('agreement.since', { from: dateTime(p.from) })}
              </li>
            ))}
          </ul>
          <h3>{t('agreement.scope')}</h3>
          <p>{g.scope ? t('agreement.scope.area') : t('agreement.scope.everywhere')}</p>
        </section>
        <section className="panel">
          <h3>{t('agreement.excluded')}</h3>
          {g.excluded.length === 0 ? (
            <p className="muted">{t('common.none')}</p>
          ) : (
            <ul className="tags">
              {g.excluded.map((a) => (
                <li key={a} className="tag tag-danger">
                  {actorName(a)}
                  {designated.has(a) ? ` · ${t('agreement.designated')}` : ''}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('agreement.prohibited')}</h3>
          <ul className="tags">
            {g.prohibited.map((a) => (
              <li key={a} className="tag">
                {nameOf.acts(a)}
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="section">
        <h3>
          {t('agreement.parties')} <span className="count">{number(g.parties.length)}</span>
        </h3>
        <div className="table-wrap">
          <table className="table table-cards">
            <thead>
              <tr>
                <th scope="col">{t('agreement.party')}</th>
                <th scope="col">{t('agreement.acceptedAt')}</th>
                <th scope="col">{t('agreement.until')}</th>
                <th scope="col">{t('agreement.channel')}</th>
                <th scope="col">{t('agreement.caveats')}</th>
              </tr>
            </thead>
            <tbody>
              {g.parties.map((p) => (
                <tr key={`${p.actor}:${p.accepted_at}`}>
                  <td className="cell-title">
                    <strong>{actorName(p.actor)}</strong>
                  </td>
                  <td className="nowrap" data-label={t('agreement.acceptedAt')}>
                    {dateTime(p.accepted_at)}
                  </td>
                  <td className="nowrap" data-label={t('agreement.until')}>
                    {p.until ? dateTime(p.until) : '—'}
                  </td>
                  <td data-label={t('agreement.channel')}>{p.channel ? actorName(p.channel) : '—'}</td>
                  <td data-label={t('agreement.caveats')}>
                    {p.caveats.length === 0 ? (
                      <span className="muted">{t('agreement.noCaveats')}</span>
                    ) : (
                      <ul className="plain">
                        {p.caveats.map((c) => (
                          <li key={c} dir="auto">
                            {c}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="section">
        <h3>
          {t('agreement.clauses')} <span className="count">{number(g.clauses.length)}</span>
        </h3>
        {g.clauses.length === 0 && <p className="muted">{t('common.none')}</p>}
        <ol className="clauses">
          {g.clauses.map((c) => (
            <li key={c.code} className="clause">
              <span className="clause-code" dir="ltr">
                {c.code}
              </span>
              <div>
                <p dir="auto">{c.text}</p>
                {c.acts.length > 0 && (
                  <ul className="tags">
                    {c.acts.map((a) => (
                      <li key={a} className="tag">
                        {nameOf.acts(a)}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          ))}
        </ol>
      </section>
      <p className="muted small">
        <Link to="/incidents?verdict=violation">{nameOf.verdicts('violation')} →</Link>
      </p>
      <Reference ids={[g.id]} />
    </div>
  );
}
