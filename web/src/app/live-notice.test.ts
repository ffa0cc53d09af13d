import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../api/live.tsx';
import { ar } from '../i18n/ar.ts';
import { en, type MessageKey } from '../i18n/en.ts';
import { formatDateTime, formatNumber, interpolate, type Lang } from '../i18n/format.ts';
import { renderStatement } from '../i18n/statements.ts';
import { incidentWhen } from '../i18n/when.ts';
import { namedAreas } from '../map/area-at.ts';
import { namer } from '../i18n/names.ts';
import { namesAr } from '../i18n/names-ar.ts';
import { namesEn } from '../i18n/names-en.ts';
import { describeLiveEvent, type NoticeWords } from './live-notice.ts';

const AREAS = namedAreas(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/boundaries/admin1.geojson'), 'utf8')),
);
const TZ = 'Asia/Damascus';
const words = (lang: Lang): NoticeWords => {
  const messages = lang === 'ar' ? ar : en;
  return {
    lang,
    t: (key: MessageKey, values?: Record<string, string | number>) => interpolate(messages[key], values),
    nameOf: namer(lang === 'ar' ? namesAr : namesEn, messages['common.unknown']),
    actorName: (id) =>
      (({ ru: 'Russia', 'sy-gov': 'Government of Syria' }) as Record<string, string>)[id ?? ''] ?? String(id),
    agreementTitle: (id) => (id === 'coh' ? 'Cessation of Hostilities' : String(id)),
    orgName: (id) =>
      id === 'sarc' ? (lang === 'ar' ? 'الهلال الأحمر العربي السوري' : 'Syrian Arab Red Crescent') : String(id),
    say: (s) =>
      renderStatement(s, {
        lang,
        actorName: (id) => (id === 'ru' ? 'Russia' : id),
        agreementTitle: (id) => (id === 'coh' ? 'Cessation of Hostilities' : id),
        dateTime: (at) => formatDateTime(at, lang, TZ),
        number: (n) => formatNumber(n, lang),
      }),
    dateTime: (at) => formatDateTime(at, lang, TZ),
    incidentWhen: (i) => incidentWhen(i, lang, TZ),
    number: (n) => formatNumber(n, lang),
  };
};
const event = (e: Partial<LiveEvent> & Pick<LiveEvent, 'type' | 'entity' | 'id' | 'data'>): LiveEvent => ({
  at: '2016-09-19T16:20:00Z',
  ...e,
});
const ID = '7424393c-1b7e-4d1a-9a55-0f5f5d2f1c11';

describe('a live event in words', () => {
  it('says what an alert on a finding is, with the place and time of its incident, and links to the incident', () => {
    const alert = event({
      type: 'alert',
      entity: 'finding',
      id: `incident:${ID}:coh`,
      data: {
        kind: 'incident',
        subject_id: ID,
        verdict: 'violation',
        agreement_id: 'coh',
        violators: ['ru'],
        reasons: [{ rule: 'violation', message: 'x' }],
      },
    });
    const incident = {
      id: ID,
      act: 'air_strike',
      place: 'Urum al-Kubra',
      location: { lon: 36.93, lat: 36.155 },
      occurred_at: '2016-09-19T16:15:00Z',
      occurred_until: null,
      date_precision: null,
    };
    const n = describeLiveEvent(alert, words('en'), AREAS, incident);
    expect(n.text).toBe(
      'Alert: Air strike, a violation of Cessation of Hostilities by Russia · Urum al-Kubra · 19 Sept 2016, 19:15',
    );
    expect(n.link).toBe(`/incidents/${ID}`);
    expect(n.text).not.toContain(ID.slice(0, 8));
    const arabic = describeLiveEvent(alert, words('ar'), AREAS, incident).text;
    expect(arabic).toContain('تنبيه: غارة جوية');
    expect(arabic).toContain('١٩:١٥');
  });

  it('names the governorate of a report near a protected site, and links to the report when it has no incident', () => {
    const alert = event({
      type: 'alert',
      entity: 'report',
      id: ID,
      data: {
        id: ID,
        incident_id: null,
        org: 'sarc',
        act: 'shelling',
        location: { lon: 36.93, lat: 36.155 },
        claimed_at: '2016-02-26T22:30:00Z',
        reasons: [{ rule: 'protected_site', site: 'site-9' }],
      },
    });
    const n = describeLiveEvent(alert, words('en'), AREAS);
    expect(n.text).toBe(
      'Alert: Shelling, near a protected site notified to the parties · Aleppo governorate · 27 Feb 2016, 00:30',
    );
    expect(n.link).toBe(`/reports/${ID}`);
    expect(describeLiveEvent(alert, words('ar'), AREAS).text).toContain('محافظة حلب');
  });

  it('falls back to coordinates outside every governorate', () => {
    const report = event({
      type: 'report.created',
      entity: 'report',
      id: ID,
      data: {
        org: 'sarc',
        act: 'shelling',
        location: { lon: 35.5, lat: 33.89 },
        claimed_at: '2016-09-20T05:00:00Z',
        incident_id: 'inc-1',
      },
    });
    const n = describeLiveEvent(report, words('en'), AREAS);
    expect(n.text).toBe('New report from Syrian Arab Red Crescent: Shelling · 33.890, 35.500 · 20 Sept 2016, 08:00');
    expect(n.link).toBe('/incidents/inc-1');
  });

  it("says why in the reader's language from the reasons' statements, and where by the gazetteer", () => {
    const where = {
      place: { name_en: 'Urum al Kubra', name_ar: 'أورم الكبرى', distance_m: 500 },
      district: null,
      governorate: { name_en: 'Aleppo', name_ar: 'حلب', pcode: 'SY02' },
    };
    const alert = event({
      type: 'alert',
      entity: 'report',
      id: ID,
      data: {
        id: ID,
        incident_id: null,
        org: 'sarc',
        act: 'shelling',
        location: { lon: 36.93, lat: 36.155 },
        where,
        claimed_at: '2016-09-19T16:15:00Z',
        reasons: [
          {
            rule: 'violation',
            statement: {
              code: 'alert.violation',
              params: { agreement: { agreement: 'coh' }, violators: { actors: ['ru'] } },
            },
            message: 'x',
          },
        ],
      },
    });
    expect(describeLiveEvent(alert, words('en'), AREAS).text).toBe(
      'Alert: Shelling. A violation of Cessation of Hostilities by Russia · Urum al Kubra, Aleppo · 19 Sept 2016, 19:15',
    );
    const arabic = describeLiveEvent(alert, words('ar'), AREAS).text;
    expect(arabic).toContain('خرق لـ\u2068Cessation of Hostilities\u2069 من قِبل \u2068Russia\u2069');
    expect(arabic).toContain('أورم الكبرى، حلب');
    expect(arabic).not.toMatch(/coh|sarc|[0-9a-f]{8}-/);
  });

  it("shows a day-precise incident's date without a clock time", () => {
    const changed = event({
      type: 'incident.updated',
      entity: 'incident',
      id: ID,
      data: {
        act: 'air_strike',
        place: 'Daraya',
        headline: null,
        occurred_at: '2016-02-26T22:00:00Z',
        occurred_until: '2016-02-27T22:00:00Z',
        date_precision: 1,
      },
    });
    expect(describeLiveEvent(changed, words('en'), AREAS).text).toBe(
      'Incident changed: Air strike · Daraya · 27 Feb 2016',
    );
  });
});
