/** The server's own lists of values (one source with the API's schemas). */
export { ACTS, CIVILIAN_TARGETS } from '../../../src/domain/model.ts';
export { VERDICTS } from '../../../src/domain/findings.ts';
export { ATTRIBUTION_GRADES, INCIDENT_STATUSES } from '../../../src/domain/assessment.ts';
export { CLASSIFICATIONS } from '../../../src/store/reader.ts';
