/**
 * The daily report written out (docs/daily-report.md): one HTML, with inline styles only (mail
 * clients drop style sheets), right to left in Arabic with the digits Intl gives the language
 * (Arabic-Indic in Arabic, as the web app's pages), every value escaped. The web page shows its
 * body, the PDF prints the whole document in Chromium, the email sends it; plain text beside it
 * for the email. Pure: the figures come from get-daily-report.ts.
 */
import type { Language } from '../../contract/email.ts';
import { intlTimeZone } from '../email/email-layout.ts';
import { bboxOf } from '../../domain/geo.ts';
import { adminAreas } from '../map/admin-areas.ts';
import { type ReportWord, REPORT_WORDS, nameWord, sayIn } from './daily-report-words.ts';
import type { ComparedRow, DailyReport, Named } from './get-daily-report.ts';
import { RANK_COLORS, reportMapSvg } from './report-map.ts';

export interface RenderOptions {
  lang: Language;
  /** Where links to records point: the web app's address (`https://truce.example.org/`), or '/' in the web app. */
  linkBase: string;
  /** When it was written (ms). */
  at: number;
  /** A closing paragraph (the email's: why it came, how to stop it). */
  footer?: string | undefined;
}

export interface RenderedReport {
  subject: string;
  /** The report's content, for the web page (no <html>, no <body>). */
  body: string;
  /** The whole document, for the PDF and the email. */
  html: string;
  text: string;
}

const LOCALES: Record<Language, string> = { en: 'en-GB', ar: 'ar-SY' };
const FONT = "system-ui,'Noto Sans Arabic','Noto Sans','DejaVu Sans',Arial,sans-serif";

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderDailyReport(r: DailyReport, o: RenderOptions): RenderedReport {
  const { lang } = o;
  const words = REPORT_WORDS[lang];
  const say = (key: ReportWord, values?: Record<string, string | number>) => sayIn(words, key, values);
  const ar = lang === 'ar';
  const align = ar ? 'right' : 'left';
  const dir = ar ? 'rtl' : 'ltr';
  const numberFormat = new Intl.NumberFormat(LOCALES[lang]);
  const num = (n: number) => numberFormat.format(n);
  const decimal = (n: number) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(n);
  const tz = intlTimeZone(r.timezone);
  const longDate = (date: string) =>
    new Intl.DateTimeFormat(LOCALES[lang], {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(Date.parse(`${date}T00:00:00Z`));
  const time = (t: number) =>
    new Intl.DateTimeFormat(LOCALES[lang], {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: tz,
    }).format(t);
  const dateTime = (t: number) =>
    new Intl.DateTimeFormat(LOCALES[lang], {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: tz,
    }).format(t);
  const range = (from: number, to: number) =>
    new Intl.DateTimeFormat(LOCALES[lang], {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: tz,
    }).formatRange(from, to);
  const name = (n: Named | null, fallback = '') => (n ? (ar && n.ar) || n.en : fallback);
  const enumName = (prefix: Parameters<typeof nameWord>[0], value: string) => {
    const key = nameWord(prefix, value);
    return key ? words[key] : value;
  };
  // A path in the web app's page; a whole address in a document that leaves it (a PDF, an email).
  const link = (path: string) =>
    /^https?:/.test(o.linkBase)
      ? new URL(path.replace(/^\//, ''), o.linkBase.endsWith('/') ? o.linkBase : `${o.linkBase}/`).href
      : path;
  const href = link;
  const box = (b: readonly number[]) => b.map((x) => decimal(Math.round(x * 100) / 100)).join(words.separator);

  const km2 = (n: number) =>
    new Intl.NumberFormat(LOCALES[lang], { maximumSignificantDigits: n < 1 ? 1 : 2 }).format(n);
  // A drawn area in words: its size and the named place it lies around, never its coordinates alone.
  const drawnName = (d: NonNullable<DailyReport['area']['drawn']>, inText: boolean) => {
    const size = km2(d.km2);
    const key = d.place
      ? inText
        ? 'area.polygonNearInText'
        : 'area.polygonNear'
      : d.governorate
        ? inText
          ? 'area.polygonInInText'
          : 'area.polygonIn'
        : inText
          ? 'area.polygonInText'
          : 'area.polygon';
    const place = [name(d.place), name(d.governorate)].filter(Boolean).join(words.separator);
    return say(key, { km2: size, place, governorate: name(d.governorate) });
  };
  const areaWords = (inText: boolean) =>
    r.area.drawn
      ? r.area.pcode
        ? say('area.governorateWith', { name: name(r.area.name), drawn: drawnName(r.area.drawn, true) })
        : drawnName(r.area.drawn, inText)
      : r.area.pcode
        ? r.area.bbox
          ? say('area.governorateDrawn', { name: name(r.area.name), box: box(r.area.bbox) })
          : name(r.area.name)
        : r.area.bbox
          ? say('area.drawn', { box: box(r.area.bbox) })
          : inText
            ? words['area.allInText']
            : words['area.all'];
  const areaName = areaWords(false);
  const areaInText = areaWords(true);
  const dateText = longDate(r.date);
  const subject = say('title.full', { date: dateText });

  const text: string[] = [subject, areaName, ''];
  const v = r.violations;
  const summary = say('summary', {
    date: dateText,
    day: num(v.day),
    area: areaInText,
    previousDay: num(v.previousDay),
    previousSeven: num(v.previousSeven),
    average: decimal(v.previousSeven / 7),
  });

  // Styles, inline: mail clients keep nothing else.
  const h2 = `break-after:avoid;page-break-after:avoid;margin:24px 0 8px;font-size:17px;line-height:1.3;color:#1d3557;border-bottom:2px solid #1d3557;padding-bottom:4px`;
  const h3 = `break-after:avoid;page-break-after:avoid;margin:16px 0 6px;font-size:15px;color:#222`;
  const p = `margin:6px 0;`;
  const muted = `color:#555;font-size:13px;`;
  const th = `padding:6px 8px;border-bottom:1px solid #bbb;font-weight:600;font-size:13px;color:#333;vertical-align:bottom`;
  const td = `padding:6px 8px;border-bottom:1px solid #e3e3e3;vertical-align:top`;
  const numHead = `text-align:${ar ? 'left' : 'right'};width:18%`;
  const numCell = `text-align:${ar ? 'left' : 'right'};white-space:nowrap;font-variant-numeric:tabular-nums`;

  const edition =
    r.edition === 'public'
      ? say('edition.public')
      : say('edition.cleared', {
          org: name(r.reader.org, '-'),
          clearance: words[`clearance.${r.reader.clearance}` as ReportWord],
        });
  const editionBox = `<p data-edition="${r.edition}" style="margin:12px 0;padding:10px 12px;border-${ar ? 'right' : 'left'}:4px solid ${r.edition === 'public' ? '#2a9d8f' : '#c8102e'};background:${r.edition === 'public' ? '#eef8f6' : '#fbeff1'};font-size:14px">${esc(edition)}</p>`;
  text.push(edition, '', summary, '');

  const compared = (rows: ComparedRow[], head: string, unnamed: string, testId: string) => {
    if (v.day + v.previousDay + v.previousSeven === 0) return `<p style="${p}">${esc(words.noViolations)}</p>`;
    const shown = rows.filter((x) => x.day + x.previousDay + x.previousSeven > 0);
    const line = (label: string, x: { day: number; previousDay: number; previousSeven: number }, strong = false) =>
      `<tr><th scope="row" style="${td};text-align:${align};font-weight:${strong ? 700 : 400};overflow-wrap:anywhere">${esc(label)}</th>` +
      `<td style="${td};${numCell};font-weight:700">${num(x.day)}</td>` +
      `<td style="${td};${numCell}">${num(x.previousDay)}</td>` +
      `<td style="${td};${numCell}">${num(x.previousSeven)}</td></tr>`;
    for (const x of shown)
      text.push(`  ${name(x.name, unnamed)}: ${num(x.day)} | ${num(x.previousDay)} | ${num(x.previousSeven)}`);
    return (
      `<table data-testid="${testId}" style="break-inside:avoid;page-break-inside:avoid;border-collapse:collapse;width:100%;font-size:14px">` +
      `<thead><tr><th scope="col" style="${th};text-align:${align}">${esc(head)}</th>` +
      `<th scope="col" style="${th};${numHead}">${esc(words['col.day'])}</th>` +
      `<th scope="col" style="${th};${numHead}">${esc(words['col.previousDay'])}</th>` +
      `<th scope="col" style="${th};${numHead}">${esc(words['col.previousSeven'])}</th></tr></thead><tbody>` +
      shown.map((x) => line(name(x.name, unnamed), x)).join('') +
      `</tbody>${testId === 'report-by-area' ? `<tfoot>${line(words.total, v, true)}</tfoot>` : ''}</table>`
    );
  };

  text.push(
    words['section.byArea'],
    `  ${words['col.day']} | ${words['col.previousDay']} | ${words['col.previousSeven']}`,
  );
  const byArea = compared(v.byArea, words['col.area'], words.outside, 'report-by-area');
  text.push('', words['section.byViolator']);
  const byViolator = compared(v.byViolator, words['col.violator'], words.unknownViolator, 'report-by-violator');

  // Notable incidents.
  text.push('', words['section.incidents']);
  const incidents =
    r.incidents.notable.length === 0
      ? `<p style="${p}">${esc(words['incidents.none'])}</p>`
      : `<p style="${p}${muted}">${esc(say('incidents.count', { total: num(r.incidents.total), shown: num(r.incidents.notable.length) }))}</p>` +
        `<ol data-testid="report-incidents" style="margin:0;padding:0;list-style:none">` +
        r.incidents.notable
          .map((i) => {
            const worst = Math.min(
              5,
              ...i.findings
                .map((f) => ['violation', 'needs_review', 'permitted', 'not_covered'].indexOf(f.verdict))
                .filter((x) => x >= 0),
            );
            const where = [...new Set([name(i.place), name(i.governorate)].filter(Boolean))].join(words.separator);
            // Known only to the day: the report's date says it, and no clock time is made up.
            const head = [i.datePrecision === null ? time(i.at) : '', enumName('act', i.act), where]
              .filter(Boolean)
              .join(' · ');
            const facts = [
              i.perpetrator ? say('incident.by', { actor: name(i.perpetrator) }) : '',
              i.deathsBest ? say('incident.deaths', { n: num(i.deathsBest) }) : '',
            ]
              .filter(Boolean)
              .join('; ');
            const findings =
              i.findings.length === 0
                ? [words['finding.none']]
                : i.findings.map((f) => {
                    const agreement = name(f.agreement, words['finding.noAgreement']);
                    let s =
                      f.verdict === 'violation'
                        ? say('finding.violation', { verdict: enumName('verdict', f.verdict), agreement })
                        : say('finding.other', { verdict: enumName('verdict', f.verdict), agreement });
                    if (f.violators.length > 0)
                      s += ` ${say('finding.by', { violators: f.violators.map((x) => name(x)).join(words.separator) })}`;
                    s += '.';
                    if (f.ruling)
                      s += ` ${
                        f.automaticVerdict && f.automaticVerdict !== f.verdict
                          ? say('ruling.inForce', {
                              date: f.ruling.inForceAt ? dateTime(f.ruling.inForceAt) : '-',
                              automatic: enumName('verdict', f.automaticVerdict),
                            })
                          : say('ruling.inForceSame', { date: f.ruling.inForceAt ? dateTime(f.ruling.inForceAt) : '-' })
                      }`;
                    return s;
                  });
            text.push(`- ${head}`, ...(i.headline ? [`  ${i.headline}`] : []), ...(facts ? [`  ${facts}`] : []));
            text.push(
              ...findings.map((f) => `  ${f}`),
              `  ${words.open}: ${link(`/incidents/${encodeURIComponent(i.id)}`)}`,
            );
            return (
              `<li style="break-inside:avoid;page-break-inside:avoid;margin:0 0 12px;padding:8px 10px;border:1px solid #ddd;border-${ar ? 'right' : 'left'}:5px solid ${RANK_COLORS[worst] ?? RANK_COLORS[5]};border-radius:3px">` +
              `<div style="font-weight:700">${esc(head)}</div>` +
              (i.headline ? `<div dir="auto" style="margin:2px 0">${esc(i.headline)}</div>` : '') +
              (facts ? `<div style="${muted}">${esc(facts)}</div>` : '') +
              `<ul style="margin:4px 0;padding-${ar ? 'right' : 'left'}:18px">${findings.map((f) => `<li style="margin:2px 0">${esc(f)}</li>`).join('')}</ul>` +
              `<a href="${esc(href(`/incidents/${encodeURIComponent(i.id)}`))}" style="color:#1d4ed8;font-size:13px">${esc(words.open)}</a>` +
              `</li>`
            );
          })
          .join('') +
        `</ol>`;

  // Deconfliction alerts.
  text.push('', words['section.alerts']);
  const alertLines = [
    ...r.alerts.conflicts.map((c) => {
      let s = say('conflict.line', {
        by: c.actor ? say('conflict.by', { actor: name(c.actor) }) : '',
        clearance: num(c.clearanceM),
        target: enumName('target', c.targetKind),
        owner: c.targetOwner ? say('conflict.owner', { org: name(c.targetOwner) }) : '',
      });
      if (!c.notified) s += ` ${words['conflict.notNotified']}`;
      return `${time(c.at)} · ${s}`;
    }),
    ...r.alerts.escalations.map((e) =>
      say('escalation.line', {
        subject: e.subject,
        priority: enumName('priority', e.priority),
        org: name(e.openedBy),
        time: time(e.at),
        again: e.level === 2 ? words['escalation.again'] : '',
      }),
    ),
  ];
  text.push(...(alertLines.length === 0 ? [words['alerts.none']] : alertLines.map((l) => `- ${l}`)));
  const alerts =
    alertLines.length === 0
      ? `<p style="${p}">${esc(words['alerts.none'])}</p>`
      : `<ul data-testid="report-alerts" style="margin:0;padding-${ar ? 'right' : 'left'}:18px">${alertLines.map((l) => `<li dir="auto" style="margin:4px 0">${esc(l)}</li>`).join('')}</ul>`;

  // Convoys.
  const convoyList = (lines: string[]) =>
    lines.length === 0
      ? `<p style="${p}">${esc(words['convoys.none'])}</p>`
      : `<ul style="margin:0;padding-${ar ? 'right' : 'left'}:18px">${lines.map((l) => `<li dir="auto" style="margin:4px 0">${esc(l)}</li>`).join('')}</ul>`;
  const planned = r.convoys.planned.map((c) =>
    say('convoy.planned', {
      name: c.name,
      org: name(c.organizer),
      state: enumName('convoyState', c.state),
      window: range(c.windowFrom, c.windowTo),
      people: num(c.beneficiariesPlanned),
    }),
  );
  const delivered = r.convoys.delivered.map((c) =>
    say('convoy.delivered', {
      name: c.name,
      org: name(c.organizer),
      time: c.deliveredAt ? time(c.deliveredAt) : '-',
      people: num(c.beneficiariesReached ?? 0),
    }),
  );
  text.push(
    '',
    words['section.convoys'],
    words['convoys.planned'],
    ...(planned.length ? planned : [words['convoys.none']]),
  );
  text.push(words['convoys.delivered'], ...(delivered.length ? delivered : [words['convoys.none']]));

  // Days of calm.
  const c = r.calm;
  const calmLines = !c
    ? [words['calm.none']]
    : [
        say(c.atLeast ? 'calm.streakAtLeast' : 'calm.streak', {
          streak: num(c.streak),
          agreement: name(c.agreement),
          required: num(c.daysRequired),
          threshold: num(c.thresholdPerDay),
        }),
        ...(!c.inForce
          ? [say('calm.notInForce', { agreement: name(c.agreement) })]
          : !c.calm
            ? [
                say('calm.notCalm', {
                  n: num(c.violations),
                  agreement: name(c.agreement),
                  threshold: num(c.thresholdPerDay),
                }),
              ]
            : []),
        ...(c.streak >= c.daysRequired ? [words['calm.reached']] : []),
        // The days of calm are the agreement's, over all of its area: a part of it has no threshold of its own.
        ...(r.area.pcode || r.area.bbox || r.area.polygon ? [words['calm.wholeArea']] : []),
      ];
  text.push('', words['section.calm'], ...calmLines);
  const calm =
    `<div data-testid="report-calm" style="display:flex;gap:12px;align-items:center;flex-wrap:wrap">` +
    (c
      ? `<div style="font-size:34px;font-weight:700;color:${c.calm ? '#2a9d8f' : '#c8102e'};line-height:1">${num(c.streak)}<span style="font-size:15px;color:#555;font-weight:400"> / ${num(c.daysRequired)}</span></div>`
      : '') +
    `<div style="flex:1 1 260px">${calmLines.map((l) => `<p style="${p}">${esc(l)}</p>`).join('')}</div></div>`;

  // The map.
  const governorate = r.area.pcode;
  const mapLabel = say('map.label', { area: areaName, n: num(r.incidents.points.length), date: dateText });
  const map = reportMapSvg({
    areas: adminAreas(),
    view: r.area.polygon
      ? bboxOf(r.area.polygon)
      : governorate
        ? (adminAreas().find((a) => a.pcode === governorate)?.bbox ?? null)
        : r.area.bbox,
    highlight: governorate,
    drawn: r.area.bbox,
    outline: r.area.polygon?.coordinates[0] ?? null,
    points: r.incidents.points,
    label: mapLabel,
  });
  const legend = (['violation', 'needs_review', 'permitted', 'not_covered'] as const)
    .map(
      (x, i) =>
        `<span style="white-space:nowrap;margin-${ar ? 'left' : 'right'}:12px"><span style="display:inline-block;width:10px;height:10px;border-radius:50%;background:${RANK_COLORS[i]};vertical-align:middle"></span> ${esc(enumName('verdict', x))}</span>`,
    )
    .join(' ');

  const generated = say('generated', { time: dateTime(o.at) });
  text.push('', words.footnote, generated, say('times', { zone: r.timezone }));
  if (o.footer) text.push('', '-- ', o.footer);

  const body =
    `<div class="daily-report" lang="${lang}" dir="${dir}" style="font-family:${FONT};font-size:15px;line-height:1.5;color:#111;text-align:${align};max-width:760px;margin:0 auto">` +
    `<header><p style="margin:0;${muted}text-transform:uppercase;letter-spacing:.04em">${esc(words.title)}</p>` +
    `<h1 data-testid="report-title" style="margin:4px 0;font-size:22px;line-height:1.25;color:#111">${esc(dateText)}</h1>` +
    `<p data-testid="report-area" style="margin:0;font-size:16px;font-weight:600;color:#1d3557">${esc(areaName)}</p>` +
    `${editionBox}</header>` +
    `<p data-testid="report-summary" style="${p}font-size:16px">${esc(summary)}</p>` +
    `<h2 style="${h2}">${esc(words['section.map'])}</h2>` +
    `<figure style="margin:0;break-inside:avoid;page-break-inside:avoid">${map}<figcaption style="${muted}margin-top:4px">${esc(words['map.legend'])}<br>${legend}</figcaption></figure>` +
    `<h2 style="${h2}">${esc(words['section.violations'])}</h2>` +
    `<h3 style="${h3}">${esc(words['section.byArea'])}</h3>${byArea}` +
    `<h3 style="${h3}">${esc(words['section.byViolator'])}</h3>${byViolator}` +
    `<h2 style="${h2}">${esc(words['section.incidents'])}</h2>${incidents}` +
    `<h2 style="${h2}">${esc(words['section.alerts'])}</h2>${alerts}` +
    `<h2 style="${h2}">${esc(words['section.convoys'])}</h2>` +
    `<h3 style="${h3}">${esc(words['convoys.planned'])}</h3>${convoyList(planned)}` +
    `<h3 style="${h3}">${esc(words['convoys.delivered'])}</h3>${convoyList(delivered)}` +
    `<h2 style="${h2}">${esc(words['section.calm'])}</h2>${calm}` +
    `<footer style="margin-top:24px;border-top:1px solid #ccc;padding-top:8px;${muted}">` +
    `<p style="${p}">${esc(words.footnote)}</p><p style="${p}">${esc(generated)} ${esc(say('times', { zone: r.timezone }))}</p>` +
    (o.footer ? `<p style="${p}">${esc(o.footer)}</p>` : '') +
    `</footer></div>`;

  const html = [
    '<!doctype html>',
    `<html lang="${lang}" dir="${dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(subject)}</title></head>`,
    `<body style="margin:0;padding:16px;background:#fff">${body}</body>`,
    '</html>',
    '',
  ].join('\n');
  return { subject, body, html, text: `${text.join('\n')}\n` };
}
