/** Text intake (docs/text-intake.md): a text or file sent, drafts back; a draft confirmed (a report filed) or dropped. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';

export type IntakeBody = NonNullable<paths['/api/v1/intake']['post']['requestBody']>['content']['application/json'];
export type ConfirmBody = NonNullable<
  paths['/api/v1/intake/drafts/{id}/confirm']['post']['requestBody']
>['content']['application/json'];
export type Intake = paths['/api/v1/intake']['post']['responses']['201']['content']['application/json'];
export type Draft = Intake['drafts'][number];
export type Decided =
  paths['/api/v1/intake/drafts/{id}/drop']['post']['responses']['200']['content']['application/json'];

export type SourceTextItem =
  paths['/api/v1/intake']['get']['responses']['200']['content']['application/json']['items'][number];

export function useIntake() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: IntakeBody): Promise<Intake> => unwrap(await api.POST('/api/v1/intake', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.sourceTexts }),
  });
}

export const TEXTS_PAGE = 20;

/** The texts the reader may see, newest first (`waiting`: those with a draft to decide), a page at a time. */
export function useSourceTexts(waiting: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.sourceTextList(waiting),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/intake', {
          params: {
            query: {
              waiting: waiting ? 'true' : 'false',
              limit: TEXTS_PAGE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** One text with its drafts, as they stand now. */
export function useSourceText(id: string | null) {
  return asQuery(
    useQuery({
      queryKey: queryKeys.sourceText(id ?? ''),
      enabled: id !== null,
      queryFn: async ({ signal }): Promise<Intake> =>
        unwrap(await api.GET('/api/v1/intake/{id}', { params: { path: { id: id! } }, signal })),
    }),
  );
}

export function useDecideDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (d: { id: string; confirm: ConfirmBody | null }): Promise<Decided> =>
      d.confirm
        ? unwrap(
            await api.POST('/api/v1/intake/drafts/{id}/confirm', { params: { path: { id: d.id } }, body: d.confirm }),
          )
        : unwrap(await api.POST('/api/v1/intake/drafts/{id}/drop', { params: { path: { id: d.id } } })),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: queryKeys.sourceTexts });
      if (!r.report) return;
      void client.invalidateQueries({ queryKey: CORRECTIONS });
      for (const queryKey of [queryKeys.reportLists, queryKeys.incidentLists, queryKeys.mapExtent, queryKeys.states])
        void client.invalidateQueries({ queryKey });
    },
  });
}

const CORRECTIONS = ['intake', 'corrections'] as const;

/** Of the drafts confirmed from the texts the reader may see: how many accepted unchanged, how often each field corrected. */
export function useCorrections() {
  return asQuery(
    useQuery({
      queryKey: CORRECTIONS,
      queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/intake/corrections', { signal })),
    }),
  );
}
