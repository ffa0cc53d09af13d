/**
 * A live event in words: what happened (the act, the verdict, why it is an alert), where (the
 * incident's place, else the governorate the point lies in, else its coordinates), when (in the
 * truce's timezone), and the page it links to. Never an id: people read names, places and dates.
 * An event's `data` is the record as the reader may see it (src/app/live-events.ts).
 */
import type { LiveEvent } from '../api/live.tsx';
import type { MessageKey } from '../i18n/en.ts';
import type { Namer } from '../i18n/names.ts';
import type { Lang } from '../i18n/format.ts';
import type { Statement } from '../i18n/statements.ts';
import { readable, whereName, type WhereLike } from '../i18n/where.ts';
import type { IncidentTime } from '../i18n/when.ts';
import { areaAt, type NamedArea } from '../map/area-at.ts';
import { alertSentence, targetName } from '../features/notices/notice-words.ts';
import { siteKind } from '../i18n/statements.ts';

export interface NoticeWords {
  lang: Lang;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  nameOf: Namer;
  actorName(id: string | null | undefined): string;
  agreementTitle(id: string | null | undefined): string;
  orgName(id: string | null | undefined): string;
  /** A zone's name in the reader's language, else `given` (the event's, in English), else empty. */
  zoneName?(id: string, given?: string | null): string;
  /** A statement of the server (an alert's reason) in the reader's language. */
  say(s: Statement): string;
  dateTime(at: string): string;
  incidentWhen(i: IncidentTime): string;
  number(n: number): string;
}

/** What an incident looks like to the notice: from the event, or read for a finding's incident. */
export interface IncidentFacts {
  id: string;
  act?: string | null;
  place?: string | null;
  where?: WhereLike | null;
  headline?: string | null;
  location?: { lon: number; lat: number } | null;
  occurred_at?: string | null;
  occurred_until?: string | null;
  date_precision?: number | null;
}

export interface Notice {
  text: string;
  /** The page of the record: its incident, or the report itself. */
  link: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const point = (v: unknown): { lon: number; lat: number } | null => {
  const p = v as { lon?: unknown; lat?: unknown } | null;
  return p && typeof p.lon === 'number' && typeof p.lat === 'number' ? { lon: p.lon, lat: p.lat } : null;
};

/** The incident a finding event is about (its subject), or null. */
export function findingIncident(e: LiveEvent): string | null {
  if (e.entity !== 'finding' || e.data.kind !== 'incident') return null;
  return str(e.data.subject_id);
}

/** A place a person can read: the incident's name for it, the governorate, or the coordinates. */
export function placeName(
  place: string | null | undefined,
  location: { lon: number; lat: number } | null | undefined,
  areas: readonly NamedArea[],
  w: Pick<NoticeWords, 'lang' | 't' | 'number'>,
): string | null {
  if (place) return place;
  if (!location) return null;
  const area = areaAt(location.lon, location.lat, areas);
  if (area) return w.t('live.governorate', { name: w.lang === 'ar' ? area.name_ar : area.name_en });
  return `${location.lat.toFixed(3)}, ${location.lon.toFixed(3)}`;
}

export function describeLiveEvent(
  e: LiveEvent,
  w: NoticeWords,
  areas: readonly NamedArea[],
  incident: IncidentFacts | null = null,
): Notice {
  const d = e.data;
  // A hotline thread escalated to the secretariat: its subject, the thread's page (only its parties and the secretariat are told).
  if (e.type === 'hotline.escalated' || e.type === 'hotline.updated')
    return {
      text: w.t(e.type === 'hotline.escalated' ? 'live.hotlineEscalated' : 'live.hotline', {
        subject: str(d.subject) ?? '',
      }),
      link: `/hotline?thread=${encodeURIComponent(e.id)}`,
    };
  // An operation notice checked: to its declarer and the secretariat, how many conflicts they may see; to the owner of a
  // place at risk, its alert in one sentence (the server sends nothing of the operation).
  if (e.type === 'notice.changed') {
    if (e.entity === 'deconfliction_alert') {
      const a = d as unknown as Parameters<typeof alertSentence>[0] & { closed?: boolean };
      const words = {
        ...w,
        siteKind: (k: string) => siteKind(k, w.lang),
        range: (from: string, to: string) => `${w.dateTime(from)} – ${w.dateTime(to)}`,
      };
      return {
        text: a.closed ? w.t('live.noticeLifted', { target: targetName(a.target, words) }) : alertSentence(a, words),
        link: a.target.kind === 'position' ? '/positions' : '/notifications',
      };
    }
    const n = Array.isArray(d.conflicts) ? d.conflicts.length : 1;
    return { text: w.t('live.notice', { n: w.number(n) }), link: '/notices' };
  }
  const reasonList = Array.isArray(d.reasons) ? (d.reasons as { rule?: string; statement?: Statement }[]) : [];
  const reasons = reasonList.map((r) => r.rule);
  const isReport = e.entity === 'report';
  const isIncident = e.entity === 'incident';
  const incidentId = isIncident ? e.id : isReport ? str(d.incident_id) : (findingIncident(e) ?? incident?.id ?? null);

  // The facts: from the record itself, or from its incident (a finding carries no place or act).
  const act = str(d.act) ?? incident?.act ?? null;
  const location = point(d.location) ?? incident?.location ?? null;
  // The gazetteer's place in the reader's language, else the source's words for it (never an id), else the governorate.
  const where = whereName((d.where as WhereLike | undefined) ?? incident?.where ?? null, w.lang);
  const place = where ?? placeName(readable(str(d.place) ?? incident?.place ?? null), location, areas, w);
  let when: string | null = null;
  if (isReport && str(d.claimed_at)) when = w.dateTime(str(d.claimed_at)!);
  else {
    const at = str(d.occurred_at) ?? incident?.occurred_at ?? null;
    if (at)
      when = w.incidentWhen({
        occurred_at: at,
        occurred_until: str(d.occurred_until) ?? incident?.occurred_until ?? null,
        date_precision: typeof d.date_precision === 'number' ? d.date_precision : (incident?.date_precision ?? null),
      });
  }

  const actText = act ? w.nameOf.acts(act) : null;
  let head: string;
  if (e.type === 'alert') {
    const why: string[] = [];
    // Why, as the server says it (each reason's statement, in the reader's language); else from the reason's kind.
    const said = reasonList.filter((r) => r.statement).map((r) => w.say(r.statement!).replace(/\.$/, ''));
    if (said.length > 0) why.push(...said);
    else if (reasons.includes('violation')) {
      const violators = Array.isArray(d.violators) ? (d.violators as string[]).map((v) => w.actorName(v)) : [];
      const agreement = w.agreementTitle(str(d.agreement_id));
      why.push(
        violators.length > 0
          ? w.t('live.why.violationBy', { agreement, violators: violators.join(w.lang === 'ar' ? '، ' : ', ') })
          : w.t('live.why.violation', { agreement }),
      );
    }
    if (said.length === 0 && reasons.includes('protected_site')) why.push(w.t('live.why.site'));
    // The server's sentences follow the act as sentences ("Shelling. A violation of …"); the page's own words as a list.
    head = w.t('live.alert', {
      what: [actText ?? w.t('live.event'), ...why].join(said.length > 0 ? '. ' : w.lang === 'ar' ? '، ' : ', '),
    });
  } else if (e.type === 'report.created') {
    head = w.t('live.report', { org: w.orgName(str(d.org)), act: actText ?? w.t('live.event') });
  } else if (e.type === 'incident.updated') {
    head = w.t('live.incident', { what: readable(str(d.headline)) ?? actText ?? w.t('live.event') });
  } else {
    const verdict = str(d.verdict);
    head =
      e.entity === 'finding'
        ? w.t('live.finding', {
            verdict: verdict ? w.nameOf.verdicts(verdict) : w.t('common.unknown'),
            what: actText ?? w.t('live.event'),
          })
        : w.t('live.findingsMoved', {
            what:
              e.entity === 'actor'
                ? w.actorName(e.id)
                : e.entity === 'agreement'
                  ? w.agreementTitle(e.id)
                  : (e.entity === 'zone' && w.zoneName ? w.zoneName(e.id, str(d.name)) : str(d.name)) ||
                    w.nameOf.entities(e.entity),
          });
  }
  const link = incidentId
    ? `/incidents/${encodeURIComponent(incidentId)}`
    : isReport
      ? `/reports/${encodeURIComponent(e.id)}`
      : null;
  return { text: [head, place, when].filter((x): x is string => !!x).join(' · '), link };
}
