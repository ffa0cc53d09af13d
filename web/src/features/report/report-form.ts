/**
 * The report form as data: what the fields hold (strings, as typed), the checks made before
 * sending (the server checks again and its problems land on the same fields), the request body,
 * and the draft kept in the browser so a reload loses nothing.
 */
import { instantOfLocal } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/en.ts';

export interface ReportDraft {
  claimedAt: string;
  timePrecisionMin: string;
  lon: string;
  lat: string;
  locationPrecisionM: string;
  act: string;
  perpetrator: string;
  targetKind: 'none' | 'civilian' | 'actor';
  targetCivilian: string;
  targetActor: string;
  casualtiesLow: string;
  casualtiesBest: string;
  casualtiesHigh: string;
  narrative: string;
  classification: string;
}

export const EMPTY_DRAFT: ReportDraft = {
  claimedAt: '',
  timePrecisionMin: '0',
  lon: '',
  lat: '',
  locationPrecisionM: '0',
  act: '',
  perpetrator: '',
  targetKind: 'none',
  targetCivilian: '',
  targetActor: '',
  casualtiesLow: '',
  casualtiesBest: '',
  casualtiesHigh: '',
  narrative: '',
  classification: 'org',
};

export type FieldName = keyof ReportDraft | 'attachments';
/** A message key of ours, or the server's own words. */
export type FieldErrors = Partial<Record<FieldName, { key: MessageKey } | { text: string }>>;

const WHOLE = /^\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export function validateDraft(d: ReportDraft, tz: string, now: number): FieldErrors {
  const e: FieldErrors = {};
  const claimed = d.claimedAt ? instantOfLocal(d.claimedAt, tz) : Number.NaN;
  if (!d.claimedAt || Number.isNaN(claimed)) e.claimedAt = { key: 'report.err.required' };
  else if (claimed > now + 60_000) e.claimedAt = { key: 'report.err.future' };
  if (!WHOLE.test(d.timePrecisionMin.trim())) e.timePrecisionMin = { key: 'report.err.number' };
  const lon = Number(d.lon);
  const lat = Number(d.lat);
  if (d.lon.trim() === '') e.lon = { key: 'report.err.required' };
  else if (!NUMBER.test(d.lon.trim()) || lon < -180 || lon > 180) e.lon = { key: 'report.err.lon' };
  if (d.lat.trim() === '') e.lat = { key: 'report.err.required' };
  else if (!NUMBER.test(d.lat.trim()) || lat < -90 || lat > 90) e.lat = { key: 'report.err.lat' };
  if (!WHOLE.test(d.locationPrecisionM.trim())) e.locationPrecisionM = { key: 'report.err.number' };
  if (!d.act) e.act = { key: 'report.err.required' };
  if (d.targetKind === 'civilian' && !d.targetCivilian) e.targetCivilian = { key: 'report.err.required' };
  if (d.targetKind === 'actor' && !d.targetActor) e.targetActor = { key: 'report.err.required' };
  const counts = (['casualtiesLow', 'casualtiesBest', 'casualtiesHigh'] as const).map((k) => {
    const v = d[k].trim();
    if (v === '') return null;
    if (!WHOLE.test(v)) {
      e[k] = { key: 'report.err.number' };
      return null;
    }
    return Number(v);
  });
  const [low, best, high] = counts;
  const ordered = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined || b === null || b === undefined || a <= b;
  if (
    !e.casualtiesLow &&
    !e.casualtiesBest &&
    !e.casualtiesHigh &&
    !(ordered(low, best) && ordered(best, high) && ordered(low, high))
  ) {
    e.casualtiesBest = { key: 'report.err.order' };
  }
  return e;
}

export interface AttachmentIn {
  filename: string;
  media_type: string;
  content_base64: string;
}

/** The body of POST /reports for a valid draft. */
export function toReportBody(d: ReportDraft, tz: string, attachments: AttachmentIn[] = []) {
  const n = (s: string) => (s.trim() === '' ? null : Number(s));
  const hasCasualties = [d.casualtiesLow, d.casualtiesBest, d.casualtiesHigh].some((s) => s.trim() !== '');
  return {
    claimed_at: new Date(instantOfLocal(d.claimedAt, tz)).toISOString(),
    time_precision_s: Number(d.timePrecisionMin) * 60,
    location: { lon: Number(d.lon), lat: Number(d.lat) },
    location_precision_m: Number(d.locationPrecisionM),
    act: d.act,
    alleged_perpetrator: d.perpetrator || null,
    target:
      d.targetKind === 'civilian'
        ? { civilian: d.targetCivilian }
        : d.targetKind === 'actor'
          ? { actor: d.targetActor }
          : null,
    casualties: hasCasualties
      ? { low: n(d.casualtiesLow), best: n(d.casualtiesBest), high: n(d.casualtiesHigh) }
      : null,
    narrative: d.narrative,
    classification: d.classification,
    attachments,
  };
}

const API_FIELDS: [RegExp, FieldName][] = [
  [/^claimed_at/, 'claimedAt'],
  [/^time_precision_s/, 'timePrecisionMin'],
  [/^location\.lon/, 'lon'],
  [/^location\.lat/, 'lat'],
  [/^location/, 'lat'],
  [/^location_precision_m/, 'locationPrecisionM'],
  [/^act$/, 'act'],
  [/^alleged_perpetrator/, 'perpetrator'],
  [/^target\.civilian/, 'targetCivilian'],
  [/^target\.actor/, 'targetActor'],
  [/^target/, 'targetKind'],
  [/^casualties\.low/, 'casualtiesLow'],
  [/^casualties\.high/, 'casualtiesHigh'],
  [/^casualties/, 'casualtiesBest'],
  [/^narrative/, 'narrative'],
  [/^classification/, 'classification'],
  [/^attachments/, 'attachments'],
];

/** The server's problems ({path, message}) on the fields they are about; the rest stay general. */
export function fieldErrorsFromApi(problems: readonly { path: string; message: string }[]): {
  fields: FieldErrors;
  general: string[];
} {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const p of problems) {
    const path = p.path.replace(/^body\.?/, '');
    const field = API_FIELDS.find(([re]) => re.test(path))?.[1];
    if (field && !fields[field]) fields[field] = { text: p.message };
    else if (!field) general.push(`${p.path}: ${p.message}`);
  }
  return { fields, general };
}

export const DRAFT_KEY = 'truce.report-draft';

export function loadDraft(storage: Pick<Storage, 'getItem'>, key = DRAFT_KEY): ReportDraft | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<ReportDraft>;
    const draft = { ...EMPTY_DRAFT };
    for (const k of Object.keys(EMPTY_DRAFT) as (keyof ReportDraft)[]) {
      const v = parsed[k];
      if (typeof v === 'string') (draft as Record<string, string>)[k] = v;
    }
    if (!['none', 'civilian', 'actor'].includes(draft.targetKind)) draft.targetKind = 'none';
    return draft;
  } catch {
    return null;
  }
}

export function saveDraft(storage: Pick<Storage, 'setItem' | 'removeItem'>, draft: ReportDraft, key = DRAFT_KEY): void {
  if (isEmptyDraft(draft)) storage.removeItem(key);
  else storage.setItem(key, JSON.stringify(draft));
}

export function isEmptyDraft(d: ReportDraft): boolean {
  return (Object.keys(EMPTY_DRAFT) as (keyof ReportDraft)[]).every((k) => d[k] === EMPTY_DRAFT[k]);
}
