/**
 * The domain's lists of values that the API and the web app name too. They are defined with the
 * rules (src/domain) and given here, so that the layers above and the web app import one place.
 */
export { ACTOR_KINDS, ACTS, CIVILIAN_TARGETS, type Act, type ActorKind, type CivilianTarget } from '../domain/model.ts';
export { REASONS, VERDICTS, type Reason, type Verdict } from '../domain/findings.ts';
export {
  ATTRIBUTION_GRADES,
  INCIDENT_STATUSES,
  INFO_CREDIBILITIES,
  REPORT_CHANNELS,
  SOURCE_RELIABILITIES,
  TRIAGE_STATES,
  type AttributionGrade,
  type IncidentStatus,
  type InfoCredibility,
  type ReportChannel,
  type SourceReliability,
  type TriageState,
} from '../domain/assessment.ts';

/**
 * How sure the analyst who recorded a control entry is that those actors held the zone then
 * (the analytic confidence levels: high, moderate, low). Kept with the entry, not read by the rules.
 */
export const CONTROL_CONFIDENCES = ['high', 'moderate', 'low'] as const;
export type ControlConfidence = (typeof CONTROL_CONFIDENCES)[number];
