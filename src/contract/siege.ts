/**
 * Besieged areas and local agreements: the words shared by the server and the web app (their
 * values are defined with the rules in src/domain/siege.ts and given here).
 */
export {
  BESIEGED_STATUSES,
  EVACUATION_STATUSES,
  LOCAL_AGREEMENT_ROLES,
  PEOPLE_CATEGORIES,
  type BesiegedStatus,
  type EvacuationStatus,
  type LocalAgreementRole,
  type PeopleCategory,
} from '../domain/siege.ts';
