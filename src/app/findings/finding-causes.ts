/**
 * Why findings were judged again, for their history: said as a statement (rendered in the
 * reader's language) and in English, naming the record whose change caused it. A reader who may
 * not see that record reads "a change to a record you are not cleared to see" instead
 * (store/finding.repository.ts, HISTORY_COLUMNS).
 */
import { RULES_VERSION } from '../../domain/findings.ts';
import { type Names, renderEnglish, type StatementCode, statement, type Term } from '../../domain/statements.ts';
import type * as findings from '../../store/finding.repository.ts';
import type { Caller } from '../caller.ts';

const BARE: Names = { actor: (id) => id, agreement: (id) => id };

function cause(
  code: StatementCode,
  params: Record<string, Term>,
  record: { entity: string; id: string } | null,
  names: Names = BARE,
): findings.Cause {
  const s = statement(code, params);
  return { statement: s, text: renderEnglish(s, names), entity: record?.entity ?? null, id: record?.id ?? null };
}

export type ZoneAction = 'create' | 'replace-control' | 'change-control' | 'change-geometry';
export type AgreementAction =
  'create' | 'replace' | 'add-party' | 'add-clause' | 'withdraw-party' | 'change-terms' | 'publish';

export const zoneChanged = (zone: { id: string; name: string }, action: ZoneAction, by: Caller): findings.Cause =>
  cause(
    `cause.zone.${action}`,
    { zone: { zone: zone.id, name: zone.name }, by: { user: by.username } },
    { entity: 'zone', id: zone.id },
  );

/** A zone renamed: its changes of control say its name. */
export const zoneRenamed = (zone: { id: string; name: string }, before: string, by: Caller): findings.Cause =>
  cause(
    'cause.zone.rename',
    { zone: { zone: zone.id, name: zone.name }, before: { zone: zone.id, name: before }, by: { user: by.username } },
    { entity: 'zone', id: zone.id },
  );

export const agreementChanged = (
  agreement: { id: string; title: string },
  action: AgreementAction,
  by: Caller,
): findings.Cause =>
  cause(
    `cause.agreement.${action}`,
    { agreement: { agreement: agreement.id }, by: { user: by.username } },
    { entity: 'agreement', id: agreement.id },
    { ...BARE, agreement: () => agreement.title || agreement.id },
  );

/**
 * An agreement published from its negotiation room by the co-chairs' joint approval: the cause
 * names the publication and who approved it (not the room, whose title only its members see).
 */
export const agreementPublished = (
  agreement: { id: string; title: string },
  publication: { id: string; requiredOrgs: readonly string[] },
  by: Caller,
): findings.Cause =>
  cause(
    'cause.agreement.publish',
    {
      agreement: { agreement: agreement.id },
      approvers: { orgs: [...publication.requiredOrgs] },
      by: { user: by.username },
    },
    { entity: 'agreement', id: agreement.id },
    { ...BARE, agreement: () => agreement.title || agreement.id },
  );

export const actorChanged = (actor: { id: string; name: string }, by: Caller): findings.Cause =>
  cause(
    'cause.actor.update',
    { actor: { actor: actor.id }, by: { user: by.username } },
    { entity: 'actor', id: actor.id },
    { ...BARE, actor: () => actor.name || actor.id },
  );

export const incidentChanged = (
  incidentId: string,
  action: 'create' | 'update' | 'merge',
  by: Caller,
): findings.Cause =>
  cause(`cause.incident.${action}`, { by: { user: by.username } }, { entity: 'incident', id: incidentId });

export const scenarioLoaded = (name: string): findings.Cause =>
  cause('cause.scenario_load', { name: { text: name || 'bundle' } }, null);

/** Zones imported from a GeoJSON file (app/imports/import-zones.ts). */
export const zonesImported = (by: Caller): findings.Cause =>
  cause('cause.zones_import', { by: { user: by.username } }, null);

/** A scenario bundle imported over HTTP (app/imports/import-bundle.ts). */
export const bundleImported = (name: string, by: Caller): findings.Cause =>
  cause('cause.bundle_import', { name: { text: name || 'bundle' }, by: { user: by.username } }, null);

export const rulesUpdated = (): findings.Cause =>
  cause('cause.rules_updated', { version: { text: RULES_VERSION } }, null);
