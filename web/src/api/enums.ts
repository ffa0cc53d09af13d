/** The server's own lists of values (one source with the API's schemas), from the shared contract. */
export {
  ACTS,
  ATTRIBUTION_GRADES,
  CIVILIAN_TARGETS,
  CONTROL_CONFIDENCES,
  INCIDENT_STATUSES,
  INFO_CREDIBILITIES,
  REPORT_CHANNELS,
  SOURCE_RELIABILITIES,
  VERDICTS,
} from '../../../src/contract/enums.ts';
export { CLASSIFICATIONS } from '../../../src/contract/access.ts';
