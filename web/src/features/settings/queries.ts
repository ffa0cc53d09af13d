/**
 * The world's settings in the web app: read with the world's own query (api/world.tsx, so that the
 * dates everywhere follow the timezone saved), changed by PUT /settings, previewed first by a dry
 * run that says what would change.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { asQuery } from '../../api/query-client.tsx';
import { queryKeys } from '../../api/query-keys.ts';
import type { paths } from '../../api/schema';
import { settingsQuery } from '../../api/queries.ts';

export type SettingsBody = NonNullable<paths['/api/v1/settings']['put']['requestBody']>['content']['application/json'];
export type SettingsChanged = paths['/api/v1/settings']['put']['responses']['200']['content']['application/json'];

export function useSettings() {
  return asQuery(useQuery(settingsQuery));
}

const send = async (body: SettingsBody, dryRun: boolean): Promise<SettingsChanged> =>
  unwrap(await api.PUT('/api/v1/settings', { params: { query: { dry_run: dryRun ? 'true' : 'false' } }, body }));

/** A change of the settings: `preview` (a dry run: what would change), then `save` what was previewed. */
export function useSettingsChange() {
  const client = useQueryClient();
  const preview = useMutation({ mutationFn: (body: SettingsBody) => send(body, true) });
  const save = useMutation({
    mutationFn: (body: SettingsBody) => send(body, false),
    onSuccess: (answer) => {
      preview.reset();
      client.setQueryData(queryKeys.settings, answer.settings);
      // The state's figures follow the thresholds and the timezone's days.
      void client.invalidateQueries({ queryKey: queryKeys.states });
    },
  });
  return { preview, save };
}
