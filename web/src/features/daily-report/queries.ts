/**
 * The daily report's reads and writes (TanStack Query): its content as the server writes it (the same
 * HTML the PDF prints and the email sends, so that the three agree) and the organization's schedule.
 * Changed findings reload the report (its key is under the state's: api/live-invalidation.ts).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';

export interface ReportScope {
  date: string;
  /** A governorate's pcode, or null: every governorate. */
  area: string | null;
  /** A box drawn (minLon,minLat,maxLon,maxLat), or null. */
  bbox: string | null;
  /** An area drawn: its ring as an encoded polyline (src/domain/drawn-area.ts), or null. */
  polygon: string | null;
  edition: 'public' | 'cleared';
  lang: 'en' | 'ar';
}

const query = (s: ReportScope) => ({
  date: s.date,
  edition: s.edition,
  lang: s.lang,
  ...(s.area ? { area: s.area } : {}),
  ...(s.bbox ? { bbox: s.bbox } : {}),
  ...(s.polygon ? { polygon: s.polygon } : {}),
});

/** The report's content (HTML, inline styles, written by the server in the page's language), or null until `ready`. */
export function useDailyReport(scope: ReportScope, ready: boolean) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.dailyReport({ ...scope, ready }),
      queryFn: async ({ signal }) => {
        if (!ready) return null;
        return unwrap(
          await api.GET('/api/v1/daily-report/html', {
            params: { query: { ...query(scope), part: 'body' } },
            parseAs: 'text',
            signal,
          }),
        ) as string;
      },
      placeholderData: keepPreviousData,
    }),
  );
}

/** The address of the report as a file: the PDF, or the email's HTML document (the browser sends the session cookie). */
export function dailyReportUrl(scope: ReportScope, format: 'pdf' | 'html'): string {
  const q = new URLSearchParams(query(scope) as Record<string, string>);
  return `/api/v1/daily-report/${format}?${q}`;
}

export type ReportSchedule = Schemas['ReportSchedule'];
export type ReportScheduleChange = Schemas['ReportScheduleChange'];

export function useReportSchedule(enabled: boolean) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.reportSchedule,
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/daily-report/schedule', { signal })),
      enabled,
    }),
  );
}

export function useChangeReportSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ReportScheduleChange) => unwrap(await api.PUT('/api/v1/daily-report/schedule', { body })),
    onSuccess: (data) => client.setQueryData(queryKeys.reportSchedule, data),
  });
}
