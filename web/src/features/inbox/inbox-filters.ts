/**
 * The inbox's filters, kept in the page's query string like the incident list's (a filtered
 * inbox is a link), and the API query they make: reports in no incident and not set aside,
 * newest first, within the days, area, channel, organization, act and grades chosen.
 */
import { addDays, instantOfLocal } from '../../i18n/format.ts';

export interface InboxFilters {
  /** Local days of the claimed time, both included. */
  from: string;
  to: string;
  /** A governorate's or district's p-code. */
  area: string;
  channel: string;
  org: string;
  act: string;
  /** Source reliabilities (A-F), comma-separated. */
  reliability: string;
  q: string;
}

export const EMPTY_INBOX_FILTERS: InboxFilters = {
  from: '',
  to: '',
  area: '',
  channel: '',
  org: '',
  act: '',
  reliability: '',
  q: '',
};
const KEYS = Object.keys(EMPTY_INBOX_FILTERS) as (keyof InboxFilters)[];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const RELIABILITY = /^[A-F](,[A-F])*$/;

export function readInboxFilters(query: URLSearchParams): InboxFilters {
  const f = { ...EMPTY_INBOX_FILTERS };
  for (const k of KEYS) f[k] = query.get(k)?.trim() ?? '';
  if (!DAY.test(f.from)) f.from = '';
  if (!DAY.test(f.to)) f.to = '';
  if (!RELIABILITY.test(f.reliability)) f.reliability = '';
  return f;
}

/** The query string of the filters and the selected report. */
export function writeInboxFilters(f: InboxFilters, selected: string | null): string {
  const q = new URLSearchParams();
  for (const k of KEYS) if (f[k]) q.set(k, f[k]);
  if (selected) q.set('report', selected);
  return q.toString();
}

export const activeInboxFilters = (f: InboxFilters): number => KEYS.filter((k) => f[k] !== '').length;

export interface InboxQuery {
  linked: 'false';
  triage: 'none';
  sort: '-received_at';
  from?: string;
  to?: string;
  admin?: string;
  channel?: string;
  org?: string;
  act?: string;
  reliability?: string;
  q?: string;
}

export function inboxApiQuery(f: InboxFilters, tz: string): InboxQuery {
  const out: InboxQuery = { linked: 'false', triage: 'none', sort: '-received_at' };
  if (f.from) out.from = new Date(instantOfLocal(f.from, tz)).toISOString();
  if (f.to) out.to = new Date(instantOfLocal(addDays(f.to, 1), tz)).toISOString();
  if (f.area) out.admin = f.area;
  if (f.channel) out.channel = f.channel;
  if (f.org) out.org = f.org;
  if (f.act) out.act = f.act;
  if (f.reliability) out.reliability = f.reliability;
  if (f.q) out.q = f.q;
  return out;
}
