/**
 * From text (docs/text-intake.md): paste an article, a situation report or an email, or upload
 * it (plain text, HTML, .eml); Truce drafts one report per event it finds. Each draft shows its
 * source words highlighted in the text; a person corrects its fields and confirms it (a report is
 * filed, linked to the text) or drops it. The texts received (emails the mail server posted
 * among them) are listed below; `?text=` opens one.
 */
import { fileAsBase64 } from '../../app/file-base64.ts';
import { DateField } from '../../app/DateField.tsx';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { ACTS } from '../../api/enums.ts';
import { useWorld } from '../../api/world.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { ErrorNotice, Field, Loading, PageHeader } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Corrections } from './Corrections.tsx';
import { type MarkKind, marksOf, pieces } from './highlights.ts';
import { type ConfirmBody, type Draft, type Intake, useDecideDraft, useIntake, useSourceText } from './queries.ts';
import { MailedBy, ReceivedTexts } from './ReceivedTexts.tsx';

const CLASSIFICATIONS = ['org', 'task_force', 'co_chairs', 'public'] as const;
const KINDS: readonly MarkKind[] = ['date', 'place', 'actor', 'act', 'casualties'];

export function TextIntakePage() {
  const { t, nameOf } = useI18n();
  const { errorText } = useStatements();
  const intake = useIntake();
  const { query } = useLocation();
  const openId = query.get('text');
  const box = query.get('box') === 'all' ? 'all' : 'waiting';
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [textDate, setTextDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [classification, setClassification] = useState<(typeof CLASSIFICATIONS)[number]>('org');
  const [result, setResult] = useState<Intake | null>(null);
  // The draft chosen, of the text open: the first of any other.
  const [choice, setChoice] = useState<{ text: string | null; index: number }>({ text: null, index: 0 });
  const selected = choice.text === openId ? choice.index : 0;
  const setSelected = (index: number) => setChoice({ text: openId, index });
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await intake.mutateAsync({
        text: file ? null : text,
        file: file ? { filename: file.name, media_type: file.type, content_base64: await fileAsBase64(file) } : null,
        text_date: textDate || null,
        classification,
      });
      setResult(r);
      navigate(`/intake?text=${encodeURIComponent(r.source.id)}${box === 'all' ? '&box=all' : ''}`);
    } catch (err) {
      setError(err instanceof ApiError ? errorText(err) : String(err));
    }
  };

  // The text just drafted (with whether it was known before), else the one opened from the list, as it stands.
  const justDrafted = result && result.source.id === openId ? result : null;
  const opened = useSourceText(openId !== null && !justDrafted ? openId : null);
  const shown = justDrafted ?? (openId ? (opened.data ?? null) : null);
  const replace = (d: Draft) =>
    setResult((r) => (r ? { ...r, drafts: r.drafts.map((x) => (x.id === d.id ? d : x)) } : r));
  const draft = shown?.drafts[selected] ?? shown?.drafts[0] ?? null;
  const openText = (params: { text?: string | null; box?: string }) => {
    const next = new URLSearchParams();
    const text = params.text === undefined ? openId : params.text;
    const b = params.box ?? box;
    if (text) next.set('text', text);
    if (b === 'all') next.set('box', 'all');
    navigate(`/intake${next.size > 0 ? `?${next.toString()}` : ''}`, { replace: params.text === undefined });
  };

  return (
    <div className="page page-wide text-intake-page">
      <PageHeader title={t('intake.title')}>
        <Link to="/inbox" className="btn btn-ghost">
          {t('nav.inbox')}
        </Link>
      </PageHeader>
      <p className="lead">{t('intake.intro')}</p>

      {openId && !shown && (opened.error ? <ErrorNotice error={opened.error} onRetry={opened.reload} /> : <Loading />)}
      {shown && (
        <section className="intake-result" aria-label={t('intake.drafts')}>
          <div className="intake-result-head">
            <h2 dir="auto">{shown.source.subject ?? shown.source.filename ?? t('intake.drafts')}</h2>
            <button type="button" className="btn btn-ghost" onClick={() => openText({ text: null })}>
              {t('intake.received.close')}
            </button>
          </div>
          {shown.source.channel === 'mail' && shown.source.sender && (
            <p className="muted small">
              <MailedBy sender={shown.source.sender} />
            </p>
          )}
          {justDrafted?.known && (
            <p className="notice" role="status">
              {t('intake.known')}
            </p>
          )}
          <p className="muted small">
            {t('intake.found', { n: String(shown.drafts.length) })} · SHA-256 {shown.source.sha256.slice(0, 12)}…
          </p>
          <div className="intake-layout">
            <ol className="intake-drafts">
              {shown.drafts.map((d, i) => (
                <li key={d.id}>
                  <button
                    type="button"
                    className={`intake-draft-tab${d.id === draft?.id ? ' selected' : ''}`}
                    aria-current={d.id === draft?.id}
                    onClick={() => setSelected(i)}
                  >
                    <span>
                      {t('intake.draftN', { n: String(i + 1) })} · {nameOf.acts(d.fields.act.act)}
                    </span>
                    <span className="muted small">{t(`intake.state.${d.state}`)}</span>
                  </button>
                </li>
              ))}
            </ol>
            {draft && (
              <div className="intake-detail">
                <SourceText content={shown.source.content} draft={draft} />
                <DraftForm key={draft.id} draft={draft} onDecided={replace} />
              </div>
            )}
          </div>
        </section>
      )}
      <form className="panel intake-form" onSubmit={(e) => void submit(e)}>
        <Field label={t('intake.text')} htmlFor="intake-text" help={t('intake.textHelp')}>
          <textarea
            id="intake-text"
            dir="auto"
            rows={8}
            value={text}
            disabled={file !== null}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <div className="field-row">
          <Field label={t('intake.file')} htmlFor="intake-file" help={t('intake.fileHelp')}>
            <input
              id="intake-file"
              type="file"
              accept=".txt,.md,.html,.htm,.eml,.pdf,text/plain,text/html,message/rfc822,application/pdf"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Field>
          <DateField
            id="intake-date"
            label={t('intake.textDate')}
            help={t('intake.textDateHelp')}
            value={textDate}
            onChange={setTextDate}
          />
          <Field label={t('report.classification')} htmlFor="intake-classification">
            <select
              id="intake-classification"
              value={classification}
              onChange={(e) => setClassification(e.target.value as (typeof CLASSIFICATIONS)[number])}
            >
              {CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>
                  {nameOf.classifications(c)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={intake.isPending || (!file && text.trim() === '')}
          >
            {t('intake.draft')}
          </button>
        </div>
      </form>

      <ReceivedTexts box={box} open={openId} onBox={(b) => openText({ box: b })} />
      <Corrections />
    </div>
  );
}

function SourceText({ content, draft }: { content: string; draft: Draft }) {
  const { t } = useI18n();
  // The event's sentences, with a little of the text around them.
  const from = Math.max(0, content.lastIndexOf('\n', draft.fields.span.start - 1) + 1);
  const nextBreak = content.indexOf('\n', draft.fields.span.end);
  const to = nextBreak < 0 ? content.length : nextBreak;
  const marks = marksOf(draft.fields).map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
  return (
    <figure className="panel intake-source">
      <figcaption className="intake-legend small">
        {KINDS.map((k) => (
          <mark key={k} className={`intake-mark intake-mark-${k}`}>
            {t(`intake.mark.${k}`)}
          </mark>
        ))}
      </figcaption>
      <p dir="auto" className="intake-text" data-testid="intake-source">
        {pieces(content.slice(from, to), marks).map((p, i) =>
          p.kind ? (
            <mark key={i} className={`intake-mark intake-mark-${p.kind}`} title={t(`intake.mark.${p.kind}`)}>
              {p.text}
            </mark>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
    </figure>
  );
}

function DraftForm({ draft, onDecided }: { draft: Draft; onDecided: (d: Draft) => void }) {
  const { t, nameOf, lang } = useI18n();
  const { actors, actorName } = useWorld();
  const { errorText } = useStatements();
  const decide = useDecideDraft();
  const f = draft.fields;
  const acted = f.actors.find((a) => a.acted)?.id ?? '';
  const [day, setDay] = useState(f.date?.day ?? '');
  const [lon, setLon] = useState(f.place ? String(f.place.lon) : '');
  const [lat, setLat] = useState(f.place ? String(f.place.lat) : '');
  const [precision, setPrecision] = useState(String(f.place?.precision_m ?? 5000));
  const [actor, setActor] = useState(acted);
  const [act, setAct] = useState<string>(f.act.act);
  const [low, setLow] = useState(f.killed?.low == null ? '' : String(f.killed.low));
  const [best, setBest] = useState(f.killed?.best == null ? '' : String(f.killed.best));
  const [high, setHigh] = useState(f.killed?.high == null ? '' : String(f.killed.high));
  const [narrative, setNarrative] = useState(f.span.text);
  const [error, setError] = useState<string | null>(null);
  const [reportId, setReportId] = useState<string | null>(draft.report_id);
  const decided = draft.state !== 'proposed';
  const num = (s: string) => (s.trim() === '' ? null : Number(s));

  const send = async (confirm: boolean) => {
    setError(null);
    const body: ConfirmBody | null = confirm
      ? {
          // Noon in Damascus (UTC+3 in summer), give or take half a day: the text names a day, not an hour.
          claimed_at: `${day}T09:00:00Z`,
          time_precision_s: 43_200,
          location: { lon: Number(lon), lat: Number(lat) },
          location_precision_m: Number(precision),
          narrative,
          source: null,
          alleged_perpetrator: actor || null,
          target: null,
          act: act as ConfirmBody['act'],
          casualties: low || best || high ? { low: num(low), best: num(best), high: num(high) } : null,
          attachments: [],
          incident_id: null,
        }
      : null;
    try {
      const r = await decide.mutateAsync({ id: draft.id, confirm: body });
      setReportId(r.report?.id ?? null);
      onDecided(r.draft);
    } catch (err) {
      setError(err instanceof ApiError ? errorText(err) : String(err));
    }
  };

  const id = (name: string) => `draft-${draft.position}-${name}`;
  const admin1 = lang === 'ar' && f.place?.admin1_ar ? f.place.admin1_ar : f.place?.admin1;
  return (
    <form
      className="panel intake-draft"
      onSubmit={(e) => {
        e.preventDefault();
        void send(true);
      }}
    >
      <fieldset disabled={decided || decide.isPending}>
        <div className="field-row">
          <DateField
            id={id('day')}
            label={t('intake.day')}
            help={f.date?.relative ? t('intake.relative', { words: f.date.span.text }) : undefined}
            value={day}
            onChange={setDay}
          />
          <Field label={t('report.act')} htmlFor={id('act')}>
            <select id={id('act')} value={act} onChange={(e) => setAct(e.target.value)}>
              {ACTS.map((a) => (
                <option key={a} value={a}>
                  {nameOf.acts(a)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p className="small intake-place" data-testid="intake-place">
          {f.place
            ? `${t('intake.place')}: ${lang === 'ar' && f.place.name_ar ? f.place.name_ar : f.place.name}${admin1 ? ` (${admin1})` : ''} · ${t(`intake.precision.${f.place.precision}`)}`
            : t('intake.noPlace')}
          {f.place && f.place.alternatives.length > 0 && (
            <span className="muted"> · {t('intake.alternatives', { names: f.place.alternatives.join(', ') })}</span>
          )}
        </p>
        <div className="field-row">
          <Field label={t('intake.lon')} htmlFor={id('lon')}>
            <input id={id('lon')} inputMode="decimal" required value={lon} onChange={(e) => setLon(e.target.value)} />
          </Field>
          <Field label={t('intake.lat')} htmlFor={id('lat')}>
            <input id={id('lat')} inputMode="decimal" required value={lat} onChange={(e) => setLat(e.target.value)} />
          </Field>
          <Field label={t('intake.precisionM')} htmlFor={id('precision')}>
            <input
              id={id('precision')}
              inputMode="numeric"
              value={precision}
              onChange={(e) => setPrecision(e.target.value)}
            />
          </Field>
        </div>
        <Field label={t('report.perpetrator')} htmlFor={id('actor')}>
          <select id={id('actor')} value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value="">—</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {actorName(a.id)}
              </option>
            ))}
          </select>
        </Field>
        <div className="field-row">
          <Field label={t('intake.killedLow')} htmlFor={id('low')}>
            <input id={id('low')} inputMode="numeric" value={low} onChange={(e) => setLow(e.target.value)} />
          </Field>
          <Field label={t('intake.killedBest')} htmlFor={id('best')}>
            <input id={id('best')} inputMode="numeric" value={best} onChange={(e) => setBest(e.target.value)} />
          </Field>
          <Field label={t('intake.killedHigh')} htmlFor={id('high')}>
            <input id={id('high')} inputMode="numeric" value={high} onChange={(e) => setHigh(e.target.value)} />
          </Field>
        </div>
        {f.injured && <p className="small muted">{t('intake.injured', { words: f.injured.span.text })}</p>}
        <Field label={t('report.narrative')} htmlFor={id('narrative')}>
          <textarea
            id={id('narrative')}
            dir="auto"
            rows={4}
            value={narrative}
            onChange={(e) => setNarrative(e.target.value)}
          />
        </Field>
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            {t('intake.confirm')}
          </button>
          <button type="button" className="btn" onClick={() => void send(false)}>
            {t('intake.drop')}
          </button>
        </div>
      </fieldset>
      {decided && (
        <p className="notice notice-success" role="status">
          {draft.state === 'confirmed' && reportId ? (
            <Link to={`/reports/${encodeURIComponent(reportId)}`}>{t('intake.filed')}</Link>
          ) : (
            t(`intake.state.${draft.state}`)
          )}
        </p>
      )}
    </form>
  );
}
