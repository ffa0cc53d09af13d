/**
 * A change to the world, previewed before it is saved: the same request sent as a dry run first,
 * whose answer says how many findings it judges again and how many verdicts change; then saved.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Schemas } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Recomputed = Schemas['Recomputed'];

export interface Changed {
  findings: Recomputed;
  dry_run: boolean;
}

/** Sends a change as a dry run (`preview`) or for real (`save`); the world, lists, map and figures reload after a save. */
export function useWorldChange<T, R extends Changed = Changed>(send: (body: T, dryRun: boolean) => Promise<R>) {
  const client = useQueryClient();
  const preview = useMutation({ mutationFn: (body: T) => send(body, true) });
  const save = useMutation({
    mutationFn: (body: T) => send(body, false),
    onSuccess: () => {
      preview.reset();
      for (const queryKey of [
        queryKeys.world,
        queryKeys.incidentLists,
        queryKeys.states,
        queryKeys.mapIncidentViews,
        queryKeys.mapExtent,
        queryKeys.zoneLayers,
        queryKeys.zoneDetails,
        queryKeys.territory,
      ])
        void client.invalidateQueries({ queryKey });
    },
  });
  return { preview, save };
}

/** What a dry run found, in words: "This change judges 412 findings again; 37 verdicts change." */
export function ChangeImpact({ findings }: { findings: Recomputed }) {
  const { t, number } = useI18n();
  const judged = findings
    ? [findings.incidents, findings.territory].reduce(
        (n, c) => n + c.inserted + c.updated + c.withdrawn + c.unchanged,
        0,
      )
    : 0;
  const changed = findings ? findings.incidents.verdicts_changed + findings.territory.verdicts_changed : 0;
  return (
    <div className="notice notice-warn change-impact" role="status" data-testid="change-impact">
      {findings === null || judged === 0
        ? t('world.impact.none')
        : t('world.impact', { judged: number(judged), changed: number(changed) })}
    </div>
  );
}

/** The buttons of a change: preview it, then save it; with the preview's answer and any error between them. */
export function PreviewThenSave<T>({
  change,
  body,
  disabled,
  children,
}: {
  change: ReturnType<typeof useWorldChange<T, Changed>>;
  body: () => T;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { errorText } = useStatements();
  const { preview, save } = change;
  const error = preview.error ?? save.error;
  return (
    <>
      {children}
      {preview.data && !save.isSuccess && <ChangeImpact findings={preview.data.findings} />}
      {error && (
        <div className="notice notice-error" role="alert">
          {errorText(error)}
        </div>
      )}
      {save.isSuccess && (
        <div className="notice notice-success" role="status" data-testid="change-saved">
          {t('world.saved')} <ChangeImpactText findings={save.data.findings} />
        </div>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          disabled={disabled || preview.isPending}
          onClick={() => {
            save.reset();
            preview.mutate(body());
          }}
        >
          {t('world.preview')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={disabled || !preview.data || save.isPending}
          // What was previewed is what is saved, whatever the form holds since.
          onClick={() => preview.variables !== undefined && save.mutate(preview.variables)}
        >
          {t('world.save')}
        </button>
      </div>
    </>
  );
}

function ChangeImpactText({ findings }: { findings: Recomputed }) {
  const { t, number } = useI18n();
  const changed = findings ? findings.incidents.verdicts_changed + findings.territory.verdicts_changed : 0;
  return <>{t('world.saved.changed', { changed: number(changed) })}</>;
}
