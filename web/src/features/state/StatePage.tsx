/**
 * The state of the truce over one window of days and one agreement (or every agreement), both
 * chosen on the page and stated on it: violations (in all, per day, by governorate, by violator,
 * by agreement), findings by verdict, the findings waiting for review, and the days of calm. Every
 * figure comes from one answer of GET /state, so all of them cover the same days and agreements.
 * The calm threshold and the strip of calm days are drawn only over the calm agreement's own
 * counts, with the days it was not in force shown as such.
 */
import { useMemo } from 'react';
import type { Schemas } from '../../api/client.ts';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { ErrorNotice, Loading, PageHeader } from '../../app/ui.tsx';
import { addDays, localDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MAP_VERDICTS, VERDICT_COLORS } from '../../map/colors.ts';
import { useMapExtent } from '../map/queries.ts';
import { bars, countAxis, ticks } from './chart.ts';
import { useTruceState } from './queries.ts';
import { ALL_AGREEMENTS, type CalmState, calmState, chosenAgreement, chosenWindow, statePath } from './scope.ts';

export function StatePage() {
  const { t, lang, timezone, timezoneLabel, day, number } = useI18n();
  const { actorName, agreementTitle, agreements, calmAgreement, ready: worldReady } = useWorld();
  const { query } = useLocation();
  const extent = useMapExtent();
  const lastDay = extent.data?.last ? localDate(extent.data.last, timezone) : localDate(Date.now(), timezone);
  const { from, to } = chosenWindow(query, lastDay, addDays);
  const agreement = chosenAgreement(query, calmAgreement);
  // The default agreement is the calm one, known once the world is loaded.
  const ready = (extent.data !== undefined || extent.error !== null) && (worldReady || query.has('agreement'));

  // Changed findings invalidate the figures (api/live-invalidation.ts).
  const state = useTruceState({ from, to, agreement }, ready);

  const go = (f: string, tt: string, g: string | null) => navigate(statePath(f, tt, g), { replace: true });

  return (
    <div className="page page-wide">
      <PageHeader title={t('state.title')}>
        <div className="window-picker" role="group" aria-label={t('state.window')}>
          <label>
            {t('state.agreement')}{' '}
            <select
              data-testid="state-agreement"
              dir={directionOf(agreement ? agreementTitle(agreement) : t('state.allAgreements'))}
              value={agreement ?? ALL_AGREEMENTS}
              onChange={(e) => go(from, to, e.target.value === ALL_AGREEMENTS ? null : e.target.value)}
            >
              <option value={ALL_AGREEMENTS}>{t('state.allAgreements')}</option>
              {agreements.map((g) => (
                <option key={g.id} value={g.id}>
                  {agreementTitle(g.id)}
                </option>
              ))}
            </select>
          </label>
          <DateField
            id="s-from"
            label={t('common.from')}
            value={from}
            min="2011-01-01"
            max={to}
            onChange={(v) => v && go(v, to, agreement)}
          />
          <DateField
            id="s-to"
            label={t('common.to')}
            value={to}
            min={from}
            max={lastDay > to ? lastDay : to}
            onChange={(v) => v && go(from, v, agreement)}
          />
        </div>
      </PageHeader>
      {/* Figures of an earlier choice are not shown beside an error about this one. */}
      {state.error ? (
        <ErrorNotice error={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <Loading />
      ) : (
        <StateView
          data={state.data}
          lang={lang}
          day={day}
          number={number}
          actorName={actorName}
          agreementTitle={agreementTitle}
          t={t}
          timezoneLabel={timezoneLabel}
        />
      )}
    </div>
  );
}

/** The direction of a text: right to left when it has Arabic (or Hebrew) letters, so that a long title is cut at its end. */
function directionOf(text: string): 'rtl' | 'ltr' {
  return /[\u0590-\u08FF]/.test(text) ? 'rtl' : 'ltr';
}

/** A message with an agreement's title in place of `{agreement}`, isolated so that a title in another script keeps its order. */
function withName(text: string, name: string) {
  const [before, after = ''] = text.split('{agreement}');
  return (
    <>
      {before}
      <bdi>{name}</bdi>
      {after}
    </>
  );
}

interface ViewProps {
  data: Schemas['TruceState'];
  lang: string;
  day: (d: string, style?: 'long' | 'short') => string;
  number: (n: number) => string;
  actorName: (id: string | null) => string;
  agreementTitle: (id: string | null) => string;
  t: ReturnType<typeof useI18n>['t'];
  timezoneLabel: string;
}

function StateView({ data: s, lang, day, number, actorName, agreementTitle, t, timezoneLabel }: ViewProps) {
  const { nameOf } = useI18n();
  const { from, to } = s.window;
  const total = s.violations.total;
  const calm = s.calm;
  // The longest run of calm days in the calm period: what counts towards reduced violence.
  const longest = Math.max(0, ...(calm?.days.map((d) => d.streak) ?? []));
  /** The threshold and the strip belong to the calm agreement: drawn only over its own counts. */
  const calmHere = calm !== null && s.agreement === calm.agreement;
  const calmDays = calmHere ? calm.window.map((d) => ({ date: d.date, state: calmState(d) })) : undefined;
  const verdicts = MAP_VERDICTS.filter((x) => x !== 'unjudged') as (keyof typeof s.verdicts)[];
  const verdictTotal = verdicts.reduce((n, x) => n + s.verdicts[x], 0);
  const calmLabels: Record<CalmState, string> = {
    calm: t('state.calm.yes'),
    not_calm: t('state.calm.no'),
    not_in_force: t('state.calm.notInForce'),
  };

  return (
    <>
      {/* Said from the answer itself, so that it always describes the figures shown. */}
      <p className="muted small" data-testid="state-scope">
        {withName(
          t('state.scope', { from: day(from), to: day(to), days: number(s.dates.length) }),
          s.agreement ? agreementTitle(s.agreement) : t('state.allAgreements'),
        )}{' '}
        {t('common.times', { zone: timezoneLabel })}
      </p>
      <div className="kpis">
        <div className="kpi kpi-danger">
          <span className="kpi-label">{t('state.violations')}</span>
          <span className="kpi-value" data-testid="kpi-violations">
            {number(total)}
          </span>
          <span className="kpi-note">
            {day(from, 'short')} – {day(to, 'short')}
          </span>
        </div>
        <Link className="kpi kpi-warn" to={`/incidents?verdict=needs_review&from=${from}&to=${to}`}>
          <span className="kpi-label">{t('state.needsReview')}</span>
          <span className="kpi-value" data-testid="kpi-review">
            {number(s.needs_review)}
          </span>
          <span className="kpi-note">{t('state.needsReviewHelp')}</span>
        </Link>
        <div className="kpi kpi-calm">
          <span className="kpi-label">
            {t('state.calm')}
            {calm ? (
              <>
                {' '}
                · <span dir="auto">{agreementTitle(calm.agreement)}</span>
              </>
            ) : null}
          </span>
          {calm ? (
            <>
              <span className="kpi-value" data-testid="kpi-calm">
                {number(longest)}
                <span className="kpi-unit">{t('state.calmNeeded', { required: number(calm.days_required) })}</span>
              </span>
              <span
                className="progress"
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={calm.days_required}
                aria-valuenow={Math.min(longest, calm.days_required)}
                aria-label={t('state.calm')}
              >
                <span style={{ width: `${Math.min(100, (100 * longest) / Math.max(calm.days_required, 1))}%` }} />
              </span>
              <span className="kpi-note">
                {t('state.calmLongest', { from: day(calm.from, 'short'), to: day(calm.to, 'short') })}{' '}
                {calm.reduced_violence_on
                  ? t('state.calmReachedOn', { date: day(calm.reduced_violence_on) })
                  : t('state.calmNotReached')}
              </span>
            </>
          ) : (
            <span className="kpi-note">{t('state.calmNone')}</span>
          )}
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('state.verdicts')}</span>
          <span className="stack" aria-hidden="true">
            {verdicts.map((x) => (
              <span key={x} style={{ flexGrow: s.verdicts[x], background: VERDICT_COLORS[x] }} />
            ))}
          </span>
          <ul className="stack-legend" data-testid="kpi-verdicts">
            {verdicts.map((x) => (
              <li key={x}>
                <span className="swatch swatch-dot" style={{ background: VERDICT_COLORS[x] }} />
                {nameOf.verdicts(x)} <strong>{number(s.verdicts[x])}</strong>
              </li>
            ))}
          </ul>
          <span className="sr-only">{number(verdictTotal)}</span>
        </div>
      </div>

      <section className="panel">
        <h2>{t('state.perDay')}</h2>
        {total === 0 && !calmDays ? (
          <p className="empty">{t('state.noViolations')}</p>
        ) : (
          <>
            <DayChart
              dates={s.dates}
              values={s.violations.days}
              day={day}
              number={number}
              threshold={calmHere ? calm.threshold_per_day : undefined}
              calmDays={calmDays}
              label={t('state.perDay')}
              calmTitle={t('state.calmDays')}
              calmLabels={calmLabels}
            />
            {calmHere && (
              <p className="chart-legend">
                <span>
                  <span className="swatch swatch-threshold" aria-hidden="true" />
                  {t('state.calmLegendThreshold', { threshold: number(calm.threshold_per_day) })}
                </span>
                <span>
                  <span className="swatch swatch-calm" aria-hidden="true" />
                  {calmLabels.calm}
                </span>
                <span>
                  <span className="swatch swatch-not-calm" aria-hidden="true" />
                  {calmLabels.not_calm}
                </span>
                <span>
                  <span className="swatch swatch-not-in-force" aria-hidden="true" />
                  {calmLabels.not_in_force}
                </span>
              </p>
            )}
          </>
        )}
        {calm && !calmHere && (
          <p className="chart-legend" data-testid="calm-elsewhere">
            {withName(t('state.calmElsewhere'), agreementTitle(calm.agreement))}{' '}
            <Link to={statePath(from, to, calm.agreement)}>{t('state.calmShow')}</Link>
          </p>
        )}
      </section>

      <div className="incident-grid">
        <section className="panel">
          <h2>{t('state.byArea')}</h2>
          <Breakdown
            rows={s.by_area.map((a) => ({
              key: a.pcode ?? '-',
              name: a.pcode ? ((lang === 'ar' ? a.name_ar : a.name_en) ?? a.pcode) : t('state.area.outside'),
              total: a.total,
              days: a.days,
            }))}
            head={t('state.area')}
            number={number}
            empty={t('state.noViolations')}
            others={t('state.others')}
          />
        </section>
        <section className="panel">
          <h2>{t('state.byViolator')}</h2>
          <Breakdown
            rows={s.by_violator.map((x) => ({
              key: x.actor ?? '-',
              name: x.actor ? actorName(x.actor) : t('common.unknown'),
              total: x.total,
              days: x.days,
            }))}
            head={t('state.violator')}
            number={number}
            empty={t('state.noViolations')}
            others={t('state.others')}
          />
          {s.by_violator.reduce((n, x) => n + x.total, 0) > total && (
            <p className="muted small">{t('state.byViolatorNote')}</p>
          )}
        </section>
      </div>

      {s.agreement === null && (
        <section className="panel">
          <h2>{t('state.byAgreement')}</h2>
          <Breakdown
            rows={s.by_agreement.map((g) => ({
              key: g.agreement,
              name: agreementTitle(g.agreement),
              total: g.total,
              days: g.days,
            }))}
            head={t('agreement.title')}
            number={number}
            empty={t('state.noViolations')}
            others={t('state.others')}
          />
        </section>
      )}
    </>
  );
}

function DayChart({
  dates,
  values,
  day,
  number,
  threshold,
  calmDays,
  label,
  calmTitle,
  calmLabels,
}: {
  dates: string[];
  values: number[];
  day: ViewProps['day'];
  number: ViewProps['number'];
  threshold: number | undefined;
  calmDays: { date: string; state: CalmState }[] | undefined;
  label: string;
  calmTitle: string;
  calmLabels: Record<CalmState, string>;
}) {
  const W = 720;
  const H = 180;
  const axis = countAxis(Math.max(...values, threshold ?? 0));
  const b = useMemo(() => bars(values, W, H, axis.top), [values, axis.top]);
  const calmByDate = new Map((calmDays ?? []).map((d) => [d.date, d.state]));
  const strip = calmByDate.size > 0;
  const y = (v: number) => H - (v / axis.top) * H;
  return (
    <div className="chart" dir="ltr">
      <svg viewBox={`-36 -8 ${W + 44} ${H + (strip ? 66 : 34)}`} role="img" aria-label={label}>
        {ticks(axis).map((tick) => (
          <g key={tick}>
            <line x1={0} x2={W} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={-8} y={y(tick) + 4} className="axis" textAnchor="end">
              {number(tick)}
            </text>
          </g>
        ))}
        {b.map((bar, i) => (
          <rect key={dates[i]} x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={1.5} className="bar">
            <title>{`${day(dates[i] ?? '')}: ${number(bar.value)}`}</title>
          </rect>
        ))}
        {threshold !== undefined && <line x1={0} x2={W} y1={y(threshold)} y2={y(threshold)} className="threshold" />}
        {[0, Math.floor((dates.length - 1) / 2), dates.length - 1]
          .filter((i, n, a) => a.indexOf(i) === n)
          .map((i) => (
            <text key={i} x={(b[i]?.x ?? 0) + (b[i]?.width ?? 0) / 2} y={H + 20} className="axis" textAnchor="middle">
              {day(dates[i] ?? '', 'short')}
            </text>
          ))}
        {strip && (
          <g transform={`translate(0 ${H + 42})`} data-testid="calm-strip">
            <text x={0} y={-5} className="axis">
              {calmTitle}
            </text>
            {b.map((bar, i) => {
              const state = calmByDate.get(dates[i] ?? '');
              return state === undefined ? null : (
                <rect
                  key={dates[i]}
                  x={bar.x}
                  y={0}
                  width={bar.width}
                  height={14}
                  rx={2}
                  className={`calm-${state}`}
                  data-date={dates[i]}
                >
                  <title>{`${day(dates[i] ?? '')}: ${calmLabels[state]}`}</title>
                </rect>
              );
            })}
          </g>
        )}
      </svg>
    </div>
  );
}

/** The first rows, then the rest summed in one, so that the Σ column adds up to the panel's total. */
const SHOWN_ROWS = 11;

function Breakdown({
  rows,
  head,
  number,
  empty,
  others,
}: {
  rows: { key: string; name: string; total: number; days: number[] }[];
  head: string;
  number: ViewProps['number'];
  empty: string;
  others: string;
}) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  const rest = rows.slice(SHOWN_ROWS);
  const shown =
    rest.length > 1
      ? [
          ...rows.slice(0, SHOWN_ROWS),
          {
            key: '…',
            name: others,
            total: rest.reduce((n, r) => n + r.total, 0),
            days: rest[0]!.days.map((_d, i) => rest.reduce((n, r) => n + r.days[i]!, 0)),
          },
        ]
      : rows;
  const max = Math.max(...shown.map((r) => r.total), 1);
  const dayMax = Math.max(...shown.flatMap((r) => r.days), 1);
  return (
    <table className="table breakdown">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="num">
            Σ
          </th>
          <th scope="col" className="spark-col" aria-hidden="true" />
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={r.key}>
            <td>
              <div>{r.name}</div>
              <span className="bar-track">
                <span className="bar-fill" style={{ width: `${(100 * r.total) / max}%` }} />
              </span>
            </td>
            <td className="num">
              <strong>{number(r.total)}</strong>
            </td>
            <td className="spark-col">
              <span className="spark" dir="ltr" aria-hidden="true">
                {r.days.map((d, i) => (
                  <span key={i} style={{ height: `${(100 * d) / dayMax}%` }} />
                ))}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
