/**
 * The monthly access plan: for a month (picked, stepped, or the latest with a request), per
 * location and per approving party, the convoys planned, approved, denied, stopped and delivered,
 * beneficiaries reached against planned, and each party's response times from submission to
 * decision; worked out on the server from the convoy requests the reader may see, and downloadable
 * as CSV with its HXL hashtags.
 */
import { useWorld } from '../../api/world.tsx';
import { navigate, useLocation } from '../../app/router.tsx';
import { ErrorNotice, Field, Loading, PageHeader } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { whereName } from '../../i18n/where.ts';
import { addMonths, isMonth, monthName } from './months.ts';
import { type AccessPlan, planCsvUrl, useAccessPlan } from './queries.ts';

export function AccessPlanPage() {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const asked = query.get('month');
  const plan = useAccessPlan(isMonth(asked) ? asked : null);
  const month = plan.data?.month ?? (isMonth(asked) ? asked : null);
  const go = (m: string) => navigate(`/access-plan?month=${m}`, { replace: true });
  return (
    <div className="page page-wide access-plan-page">
      <PageHeader title={t('plan.title')}>
        {month && (
          <a className="btn" href={planCsvUrl(month, lang)} download data-testid="plan-csv">
            {t('plan.csv')}
          </a>
        )}
      </PageHeader>
      <p className="muted">{t('plan.intro')}</p>
      {month && plan.data && <MonthPicker month={month} months={plan.data.months} onChange={go} />}
      {plan.error ? (
        <ErrorNotice error={plan.error} onRetry={plan.reload} />
      ) : !plan.data ? (
        <Loading />
      ) : (
        <PlanView p={plan.data} />
      )}
    </div>
  );
}

function MonthPicker({ month, months, onChange }: { month: string; months: string[]; onChange(m: string): void }) {
  const { t, lang } = useI18n();
  const choices = [...new Set([...months, month])].sort().reverse();
  return (
    <div className="plan-months" role="group" aria-label={t('plan.month')}>
      <button type="button" className="btn btn-small" onClick={() => onChange(addMonths(month, -1))}>
        {t('plan.month.previous')}
      </button>
      <Field label={t('plan.month')} htmlFor="plan-month">
        <select id="plan-month" value={month} onChange={(e) => onChange(e.target.value)}>
          {choices.map((m) => (
            <option key={m} value={m}>
              {months.includes(m) ? monthName(m, lang) : t('plan.month.empty', { month: monthName(m, lang) })}
            </option>
          ))}
        </select>
      </Field>
      <button type="button" className="btn btn-small" onClick={() => onChange(addMonths(month, 1))}>
        {t('plan.month.next')}
      </button>
    </div>
  );
}

function PlanView({ p }: { p: AccessPlan }) {
  const { t, lang, number } = useI18n();
  const { total } = p;
  if (total.planned === 0)
    return (
      <p className="empty" data-testid="plan-empty">
        {t('plan.none', { month: monthName(p.month, lang) })}
      </p>
    );
  return (
    <>
      <h2 className="plan-month-title" data-testid="plan-month">
        {monthName(p.month, lang)}
      </h2>
      <div className="kpis" data-testid="plan-total">
        <div className="kpi">
          <span className="kpi-label">{t('plan.col.planned')}</span>
          <span className="kpi-value">{number(total.planned)}</span>
          <span className="kpi-note">{t('plan.total.awaiting', { n: number(total.awaiting) })}</span>
        </div>
        <div className="kpi kpi-calm">
          <span className="kpi-label">{t('plan.col.approved')}</span>
          <span className="kpi-value">{number(total.approved)}</span>
          <span className="kpi-note">{t('plan.total.denied', { n: number(total.denied) })}</span>
        </div>
        <div className={`kpi${total.stopped > 0 ? ' kpi-danger' : ''}`}>
          <span className="kpi-label">{t('plan.col.delivered')}</span>
          <span className="kpi-value">{number(total.delivered)}</span>
          <span className="kpi-note">{t('plan.total.stopped', { n: number(total.stopped) })}</span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('plan.col.beneficiaries')}</span>
          <span className="kpi-value">{number(total.beneficiaries_reached)}</span>
          <span className="kpi-note">{t('plan.beneficiaries.of', { n: number(total.beneficiaries_planned) })}</span>
        </div>
      </div>
      <Locations p={p} />
      <Parties p={p} />
    </>
  );
}

function Locations({ p }: { p: AccessPlan }) {
  const { t, lang, number } = useI18n();
  const cols = ['planned', 'approved', 'denied', 'awaiting', 'stopped', 'delivered'] as const;
  return (
    <section className="panel" aria-labelledby="plan-locations">
      <h2 id="plan-locations">{t('plan.locations')}</h2>
      <p className="muted small">{t('plan.locations.help')}</p>
      <div className="table-wrap">
        <table className="table table-cards" data-testid="plan-locations">
          <thead>
            <tr>
              <th scope="col">{t('plan.col.location')}</th>
              {cols.map((c) => (
                <th key={c} scope="col" className="num">
                  {t(`plan.col.${c}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('plan.col.beneficiaries')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.locations.map((l) => {
              const where = whereName(l.where, lang);
              // A town of the gazetteer is named in the page's language, with the names the
              // requests gave it; a destination elsewhere by the name it was given.
              const title = l.by_place && where ? where : l.name;
              const spelled = l.by_place ? l.names : [];
              return (
                <tr key={`${l.by_place}:${l.name}:${l.lon},${l.lat}`} data-testid="plan-location">
                  <td className="cell-title">
                    <span dir="auto">{title}</span>
                    {!l.by_place && where && where !== l.name && <div className="muted small">{where}</div>}
                    {spelled.length > 0 && (
                      <div className="muted small" dir="auto">
                        {t('plan.asRequested', { names: spelled.join(lang === 'ar' ? '، ' : ', ') })}
                      </div>
                    )}
                  </td>
                  {cols.map((c) => (
                    <td key={c} className="num" data-label={t(`plan.col.${c}`)} data-col={c}>
                      {number(l[c])}
                    </td>
                  ))}
                  <td className="num" data-label={t('plan.col.beneficiaries')}>
                    {t('plan.beneficiaries.reached', {
                      n: number(l.beneficiaries_reached),
                      m: number(l.beneficiaries_planned),
                    })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Parties({ p }: { p: AccessPlan }) {
  const { t, number } = useI18n();
  const { actorName } = useWorld();
  const hours = (h: number | null) =>
    h === null
      ? '—'
      : h < 48
        ? t('plan.hours', { n: number(h) })
        : t('plan.days', { n: number(Math.round((h / 24) * 10) / 10) });
  const cols = ['asked', 'approved', 'approved_with_conditions', 'denied', 'undecided'] as const;
  return (
    <section className="panel" aria-labelledby="plan-parties">
      <h2 id="plan-parties">{t('plan.parties')}</h2>
      <p className="muted small">{t('plan.parties.help')}</p>
      {p.parties.length === 0 ? (
        <p className="empty">{t('plan.parties.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards" data-testid="plan-parties">
            <thead>
              <tr>
                <th scope="col">{t('plan.col.party')}</th>
                {cols.map((c) => (
                  <th key={c} scope="col" className="num">
                    {t(`plan.col.${c}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('plan.col.median')}
                </th>
                <th scope="col" className="num">
                  {t('plan.col.max')}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.parties.map((x) => (
                <tr key={x.actor} data-testid="plan-party">
                  <td className="cell-title" dir="auto">
                    {actorName(x.actor)}
                  </td>
                  {cols.map((c) => (
                    <td key={c} className="num" data-label={t(`plan.col.${c}`)}>
                      {number(x[c])}
                    </td>
                  ))}
                  <td className="num" data-label={t('plan.col.median')} data-col="median">
                    {hours(x.median_response_hours)}
                  </td>
                  <td className="num" data-label={t('plan.col.max')}>
                    {hours(x.max_response_hours)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
