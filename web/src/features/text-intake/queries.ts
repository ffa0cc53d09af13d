/** Text intake (docs/text-intake.md): a text or file sent, drafts back; a draft confirmed (a report filed) or dropped. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

export function useIntake() {
  return useMutation({
    mutationFn: async (body: IntakeBody): Promise<Intake> => unwrap(await api.POST('/api/v1/intake', { body })),
  });
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
