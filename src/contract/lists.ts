/**
 * The lists' filters and sort orders: what a route accepts, a use case passes on and a repository
 * turns into SQL. Absent fields do not filter.
 */
import type {
  AttributionGrade,
  IncidentStatus,
  InfoCredibility,
  ReportChannel,
  SourceReliability,
  TriageState,
} from '../domain/assessment.ts';
import type { Verdict } from '../domain/findings.ts';
import type { Area, BBox } from '../domain/geo.ts';
import type { Act, ActorKind } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { Classification } from './access.ts';

export interface ActorFilter {
  /** Text in the name or an alias, any case. */
  q?: string | undefined;
  kind?: ActorKind | undefined;
  designated?: boolean | undefined;
}

export type ActorSort = 'id' | 'name' | '-name';

export interface AgreementFilter {
  /** Text in the id or the title, any case. */
  q?: string | undefined;
  /** Agreements this actor accepted (whether or not it withdrew since). */
  party?: string | undefined;
}

export type FindingKind = 'incident' | 'territory';

export interface FindingFilter {
  kind?: FindingKind | undefined;
  agreement?: string | undefined;
  verdict?: Verdict | undefined;
  /** Findings that name this actor as a violator. */
  violator?: string | undefined;
  /** Findings that name this actor: a violator, or one who gained or lost control in a change of control. */
  actor?: string | undefined;
  /** The incident or zone judged. */
  subject?: string | undefined;
  /** Findings at or after `from` and before `to`. */
  from?: Instant | undefined;
  to?: Instant | undefined;
}

/** Filters shared by the three lists of plans: an actor (owner, actor, organizer), a kind, a time range. */
export interface PlanFilter {
  actor?: string | undefined;
  kind?: string | undefined;
  /** Plans whose validity or window overlaps [from, to). */
  from?: Instant | undefined;
  to?: Instant | undefined;
}

export interface IncidentFilter {
  from?: Instant | undefined;
  to?: Instant | undefined;
  bbox?: BBox | undefined;
  /** Located inside this polygon or multipolygon (an admin area, say), holes excluded. */
  area?: Area | undefined;
  /** Named as perpetrator or as target. */
  actor?: string | undefined;
  act?: Act | undefined;
  /** Has a current finding with this verdict. */
  verdict?: Verdict | undefined;
  status?: IncidentStatus | undefined;
  grade?: AttributionGrade | undefined;
  classification?: Classification | undefined;
  /** In its place, headline or the narrative of an account the reader may see. */
  q?: string | undefined;
  /** Only these incidents (one feature of the OGC API). */
  ids?: readonly string[] | undefined;
}

export const INCIDENT_SORTS = ['-occurred_at', 'occurred_at', '-deaths', 'deaths'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

export interface ReportFilter {
  from?: Instant | undefined;
  to?: Instant | undefined;
  bbox?: BBox | undefined;
  /** Placed inside this polygon or multipolygon (an admin area, say), holes excluded. */
  area?: Area | undefined;
  act?: Act | undefined;
  channel?: ReportChannel | undefined;
  /** Named as alleged perpetrator or as target. */
  actor?: string | undefined;
  org?: string | undefined;
  q?: string | undefined;
  /** true: linked to an incident (one the reader may see); false: not linked. */
  linked?: boolean | undefined;
  /** 'none': not triaged (with `linked: false`, the inbox); else discarded or a duplicate. */
  triage?: TriageState | 'none' | undefined;
  /** Evaluated with one of these source reliabilities (A-F) / information credibilities (1-6). */
  reliability?: readonly SourceReliability[] | undefined;
  credibility?: readonly InfoCredibility[] | undefined;
  incidentId?: string | undefined;
}

export const REPORT_SORTS = ['-received_at', 'received_at', '-claimed_at', 'claimed_at'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];
