/**
 * The state of the truce: violations per day (in all, by governorate, by violator), the days
 * of calm against the threshold, the findings waiting for review.
 */
import { useMemo } from 'react';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useLiveEvents } from '../../api/live.tsx';
import { useQuery } from '../../api/use-query.ts';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { ErrorNotice, Loading, PageHeader } from '../../app/ui.tsx';
import { addDays, localDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MAP_VERDICTS, VERDICT_COLORS } from '../../map/colors.ts';
import { bars, countAxis, ticks } from './chart.ts';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function StatePage() {
  const { t, lang, timezone, timezoneLabel, day, number } = useI18n();
  const { actorName, agreementTitle } = useWorld();
  const { query } = useLocation();
  const extent = useQuery(async (signal) => unwrap(await api.GET('/api/v1/map/extent', { params: { query: { count: 'false' } }, signal })), []);
  const lastDay = extent.data?.last ? localDate(extent.data.last, timezone) : localDate(Date.now(), timezone);
  const to = DAY_RE.test(query.get('to') ?? '') ? query.get('to')! : lastDay;
  const from = DAY_RE.test(query.get('from') ?? '') && query.get('from')! <= to ? query.get('from')! : addDays(to, -29);
  const ready = extent.data !== undefined || extent.error !== null;

  const state = useQuery(async (signal) => {
    if (!ready) return null;
    const [s, v] = await Promise.all([
      api.GET('/api/v1/state', { params: { query: { from, to } }, signal }).then(unwrap),
      api.GET('/api/v1/map/violations', { params: { query: { from, to } }, signal }).then(unwrap),
    ]);
    return { state: s, violations: v };
  }, [from, to, ready]);
  useLiveEvents((e) => {
    if (e.type === 'finding.changed') state.reload();
  });

  const setWindow = (f: string, tt: string) => navigate(`/state?from=${f}&to=${tt}`, { replace: true });

  return (
    <div className="page page-wide">
      <PageHeader title={t('state.title')}>
        <div className="window-picker" role="group" aria-label={t('state.window')}>
          <DateField id="s-from" label={t('common.from')} value={from} min="2011-01-01" max={to} onChange={(v) => v && setWindow(v, to)} />
          <DateField id="s-to" label={t('common.to')} value={to} min={from} max={lastDay > to ? lastDay : to} onChange={(v) => v && setWindow(from, v)} />
        </div>
      </PageHeader>
      <p className="muted small">{t('common.times', { zone: timezoneLabel })}</p>
      {state.error && <ErrorNotice error={state.error} onRetry={state.reload} />}
      {!state.data ? <Loading /> : (
        <StateView data={state.data} lang={lang} day={day} number={number} actorName={actorName} agreementTitle={agreementTitle} t={t} />
      )}
    </div>
  );
}

interface ViewProps {
  data: { state: Schemas['TruceState']; violations: Schemas['ViolationCounts'] };
  lang: string;
  day: (d: string, style?: 'long' | 'short') => string;
  number: (n: number) => string;
  actorName: (id: string | null) => string;
  agreementTitle: (id: string | null) => string;
  t: ReturnType<typeof useI18n>['t'];
}

function StateView({ data, lang, day, number, actorName, agreementTitle, t }: ViewProps) {
  const { state: s, violations: v } = data;
  const total = v.total.reduce((a, b) => a + b, 0);
  const calm = s.calm;
  const calmSpec = calm as (typeof calm & { threshold_per_day?: number; days_required?: number }) | null;
  const streak = calm?.days.at(-1)?.streak ?? 0;
  const required = calmSpec?.days_required;
  const threshold = calmSpec?.threshold_per_day;
  /** The chart draws a strip of calm and not-calm days under its bars. */
  const calmStrip = (calm?.days.length ?? 0) > 0;
  const verdictTotal = MAP_VERDICTS.filter((x) => x !== 'unjudged').reduce((n, x) => n + (s.verdicts[x as keyof typeof s.verdicts] ?? 0), 0);

  return (
    <>
      <div className="kpis">
        <div className="kpi kpi-danger">
          <span className="kpi-label">{t('state.violations')}</span>
          <span className="kpi-value" data-testid="kpi-violations">{number(total)}</span>
          <span className="kpi-note">{day(v.dates[0] ?? '', 'short')} – {day(v.dates.at(-1) ?? '', 'short')}</span>
        </div>
        <Link className="kpi kpi-warn" to="/incidents?verdict=needs_review">
          <span className="kpi-label">{t('state.needsReview')}</span>
          <span className="kpi-value" data-testid="kpi-review">{number(s.needs_review)}</span>
          <span className="kpi-note">{t('state.needsReviewHelp')}</span>
        </Link>
        <div className="kpi kpi-calm">
          <span className="kpi-label">{t('state.calm')}{calm ? <> · <span dir="auto">{calm.agreement}</span></> : null}</span>
          {calm ? (
            <>
              <span className="kpi-value" data-testid="kpi-calm">
                {number(streak)}{required ? <span className="kpi-unit">{t('state.calmNeeded', { required: number(required) })}</span> : null}
              </span>
              {required !== undefined && (
                <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={required} aria-valuenow={Math.min(streak, required)} aria-label={t('state.calm')}>
                  <span style={{ width: `${Math.min(100, (100 * streak) / Math.max(required, 1))}%` }} />
                </span>
              )}
              <span className="kpi-note">
                {calm.reduced_violence_on ? t('state.calmReachedOn', { date: day(calm.reduced_violence_on) }) : threshold !== undefined ? t('state.calmThreshold', { threshold: number(threshold) }) : agreementTitle(calm.agreement)}
              </span>
            </>
          ) : <span className="kpi-note">{t('state.calmNone')}</span>}
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('state.verdicts')}</span>
          <span className="stack" aria-hidden="true">
            {MAP_VERDICTS.filter((x) => x !== 'unjudged').map((x) => (
              <span key={x} style={{ flexGrow: s.verdicts[x as keyof typeof s.verdicts] ?? 0, background: VERDICT_COLORS[x] }} />
            ))}
          </span>
          <ul className="stack-legend">
            {MAP_VERDICTS.filter((x) => x !== 'unjudged').map((x) => (
              <li key={x}><span className="swatch swatch-dot" style={{ background: VERDICT_COLORS[x] }} />{t(`verdict.${x}`)} <strong>{number(s.verdicts[x as keyof typeof s.verdicts] ?? 0)}</strong></li>
            ))}
          </ul>
          <span className="sr-only">{number(verdictTotal)}</span>
        </div>
      </div>

      <section className="panel">
        <h2>{t('state.perDay')}</h2>
        {total === 0 ? <p className="empty">{t('state.noViolations')}</p> : (
          <>
            <DayChart dates={v.dates} values={v.total} day={day} number={number} threshold={threshold} calmDays={calm?.days} label={t('state.perDay')}
              calmLabels={{ title: t('state.calmDays'), yes: t('state.calm.yes'), no: t('state.calm.no') }} />
            {(threshold !== undefined || calmStrip) && (
              <p className="chart-legend">
                {threshold !== undefined && <span><span className="swatch swatch-threshold" aria-hidden="true" />{t('state.calmLegendThreshold', { threshold: number(threshold) })}</span>}
                {calmStrip && (
                  <>
                    <span><span className="swatch swatch-calm" aria-hidden="true" />{t('state.calm.yes')}</span>
                    <span><span className="swatch swatch-not-calm" aria-hidden="true" />{t('state.calm.no')}</span>
                  </>
                )}
              </p>
            )}
          </>
        )}
      </section>

      <div className="incident-grid">
        <section className="panel">
          <h2>{t('state.byArea')}</h2>
          <Breakdown rows={v.areas.map((a) => ({ key: a.pcode ?? '-', name: a.pcode ? (lang === 'ar' ? a.name_ar : a.name_en) ?? a.pcode : t('state.area.outside'), total: a.total, days: a.days }))}
            head={t('state.area')} number={number} empty={t('state.noViolations')} />
        </section>
        <section className="panel">
          <h2>{t('state.byViolator')}</h2>
          <Breakdown rows={v.violators.map((x) => ({ key: x.actor ?? '-', name: x.actor ? actorName(x.actor) : t('common.unknown'), total: x.total, days: x.days }))}
            head={t('state.violator')} number={number} empty={t('state.noViolations')} />
        </section>
      </div>

      {s.violations_per_day.length > 0 && (
        <section className="panel">
          <h2>{t('state.byAgreement')}</h2>
          <Breakdown rows={s.violations_per_day.map((g) => ({ key: g.agreement ?? '-', name: g.agreement ? agreementTitle(g.agreement) : t('incident.finding.noAgreement'), total: g.days.reduce((n, d) => n + d.violations, 0), days: g.days.map((d) => d.violations) }))}
            head={t('agreement.title')} number={number} empty={t('state.noViolations')} />
        </section>
      )}
    </>
  );
}

function DayChart({ dates, values, day, number, threshold, calmDays, label, calmLabels }: {
  dates: string[]; values: number[]; day: ViewProps['day']; number: ViewProps['number']; threshold: number | undefined;
  calmDays: { date: string; calm: boolean }[] | undefined; label: string; calmLabels: { title: string; yes: string; no: string };
}) {
  const W = 720;
  const H = 180;
  const axis = countAxis(Math.max(...values, threshold ?? 0));
  const b = useMemo(() => bars(values, W, H, axis.top), [values, axis.top]);
  const calmByDate = new Map((calmDays ?? []).map((d) => [d.date, d.calm]));
  const strip = calmByDate.size > 0;
  const y = (v: number) => H - (v / axis.top) * H;
  return (
    <div className="chart" dir="ltr">
      <svg viewBox={`-36 -8 ${W + 44} ${H + (strip ? 66 : 34)}`} role="img" aria-label={label}>
        {ticks(axis).map((tick) => (
          <g key={tick}>
            <line x1={0} x2={W} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={-8} y={y(tick) + 4} className="axis" textAnchor="end">{number(tick)}</text>
          </g>
        ))}
        {b.map((bar, i) => (
          <rect key={dates[i]} x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={1.5} className="bar">
            <title>{`${day(dates[i] ?? '')}: ${number(bar.value)}`}</title>
          </rect>
        ))}
        {threshold !== undefined && <line x1={0} x2={W} y1={y(threshold)} y2={y(threshold)} className="threshold" />}
        {[0, Math.floor((dates.length - 1) / 2), dates.length - 1].filter((i, n, a) => a.indexOf(i) === n).map((i) => (
          <text key={i} x={(b[i]?.x ?? 0) + (b[i]?.width ?? 0) / 2} y={H + 20} className="axis" textAnchor="middle">{day(dates[i] ?? '', 'short')}</text>
        ))}
        {strip && (
          <g transform={`translate(0 ${H + 42})`}>
            <text x={0} y={-5} className="axis">{calmLabels.title}</text>
            {b.map((bar, i) => {
              const calm = calmByDate.get(dates[i] ?? '');
              return calm === undefined ? null : (
                <rect key={dates[i]} x={bar.x} y={0} width={bar.width} height={14} rx={2} className={calm ? 'calm-yes' : 'calm-no'}>
                  <title>{`${day(dates[i] ?? '')}: ${calm ? calmLabels.yes : calmLabels.no}`}</title>
                </rect>
              );
            })}
          </g>
        )}
      </svg>
    </div>
  );
}

function Breakdown({ rows, head, number, empty }: { rows: { key: string; name: string; total: number; days: number[] }[]; head: string; number: ViewProps['number']; empty: string }) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  const max = Math.max(...rows.map((r) => r.total), 1);
  const dayMax = Math.max(...rows.flatMap((r) => r.days), 1);
  return (
    <table className="table breakdown">
      <thead><tr><th scope="col">{head}</th><th scope="col" className="num">Σ</th><th scope="col" className="spark-col" aria-hidden="true" /></tr></thead>
      <tbody>
        {rows.slice(0, 12).map((r) => (
          <tr key={r.key}>
            <td>
              <div>{r.name}</div>
              <span className="bar-track"><span className="bar-fill" style={{ width: `${(100 * r.total) / max}%` }} /></span>
            </td>
            <td className="num"><strong>{number(r.total)}</strong></td>
            <td className="spark-col">
              <span className="spark" dir="ltr" aria-hidden="true">
                {r.days.map((d, i) => <span key={i} style={{ height: `${(100 * d) / dayMax}%` }} />)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
