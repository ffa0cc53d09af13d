/**
 * Access constraints: the kinds of obstruction of humanitarian access an incident of act
 * `access_denial` records (docs/access.md). The nine categories of OCHA's Access Monitoring and
 * Reporting Framework (OCHA, December 2012), in the order and wording ACAPS gives them in its
 * Humanitarian Access methodology note, and one of Truce's own: the removal of items from a
 * convoy, which the framework counts under interference but the Secretary-General's reports on
 * Syria in 2016 counted apart ("medical items removed from trucks").
 */
export const ACCESS_CATEGORIES = [
  'denial_of_needs',
  'restriction_of_services',
  'impediments_to_entry',
  'restriction_of_movement',
  'interference',
  'removal_of_items',
  'violence_against_personnel_assets',
  'hostilities',
  'explosive_hazards',
  'physical_environment',
] as const;
export type AccessCategory = (typeof ACCESS_CATEGORIES)[number];

/** What a convoy's end records by default: turned back at a checkpoint, or attacked. */
export const TURNED_BACK_CATEGORY: AccessCategory = 'restriction_of_movement';
export const ATTACKED_CATEGORY: AccessCategory = 'violence_against_personnel_assets';
