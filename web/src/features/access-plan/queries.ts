/**
 * The monthly access plan (GET /access-plan?month=): derived from the convoy requests the reader
 * may see, kept under their key so that a request's live event reloads it.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type AccessPlan = paths['/api/v1/access-plan']['get']['responses']['200']['content']['application/json'];

export function useAccessPlan(month: string | null) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.accessPlan(month),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/access-plan', { params: { query: month ? { month } : {} }, signal })),
      placeholderData: keepPreviousData,
    }),
  );
}

/** The CSV's address, for a download link (the browser sends the session cookie). */
export const planCsvUrl = (month: string, lang: 'en' | 'ar') =>
  `/api/v1/access-plan.csv?month=${encodeURIComponent(month)}&lang=${lang}`;
