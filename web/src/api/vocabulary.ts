/**
 * The enumerations the web app shows, as types taken from the generated schema (schema.d.ts), so
 * a value added on the server is a type error wherever the app names it (see i18n/names.ts).
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Act = Schemas['Incident']['act'];
/** A finding's verdict. */
export type Verdict = Schemas['Finding']['verdict'];
/** The map's verdict of an incident: a finding's, or none yet. */
export type MapVerdict = Schemas['MapPoint']['verdict'];
export type IncidentStatus = Schemas['Incident']['status'];
export type AttributionGrade = NonNullable<Schemas['Incident']['grade']>;
export type Classification = Schemas['Incident']['classification'];
export type CivilianTarget = Extract<NonNullable<Schemas['Incident']['target']>, { civilian: string }>['civilian'];
export type Channel = Schemas['Report']['channel'];
/** A report's evaluation on the NATO/Admiralty scale: source reliability (A-F), information credibility (1-6). */
export type Reliability = NonNullable<NonNullable<Schemas['Report']['evaluation']>['reliability']>;
export type Credibility = NonNullable<NonNullable<Schemas['Report']['evaluation']>['credibility']>;
export type TriageState = NonNullable<Schemas['Report']['triage']>['state'];
export type ZoneStatus = Schemas['ZoneAsOf']['status'];
/** How sure the analyst who recorded a control entry is. */
export type ControlConfidence = NonNullable<Schemas['Zone']['control'][number]['confidence']>;
export type OrgKind = Schemas['Organization']['kind'];
/** What a user may read besides its organization's own records. */
export type Clearance = Schemas['Me']['clearance'];
export type FindingReason = Schemas['Finding']['reasons'][number];
export type MapPoint = Schemas['MapPoint'];

/**
 * A user's role. The schema gives `Me.role` as a plain string (the server's table of permissions
 * names the roles), so this union is stated here; the Arabic and English maps are checked against it.
 */
export type Role = 'admin' | 'analyst' | 'monitor' | 'reporter' | 'humanitarian' | 'observer';
