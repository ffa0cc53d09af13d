/**
 * What Truce says to people, as data: a statement is a code and its terms. The server renders a
 * statement in English (the `explanation` of a finding, the `cause` of its history); the web app
 * renders the same statement in the reader's language from its own table of the same codes, with
 * names, places and dates written for that reader. So a sentence is never parsed back, never
 * holds an internal id where a person expects a name, and a missing translation fails to compile.
 *
 * Terms name records by id (an actor, an agreement, a zone with its name) and values by kind (an
 * act, a civilian target, an instant, a place); a term may be a statement itself, for phrases that
 * depend on the act ("shelled a school", "denied access to a humanitarian convoy").
 */
import type { Act, CivilianTarget } from './model.ts';
import { formatInstant, type Instant } from './time.ts';

/** The kinds of record a message may name (a record not found, a link refused). */
export const RECORD_KINDS = [
  'incident',
  'report',
  'attachment',
  'agreement',
  'agreement clause',
  'party',
  'zone',
  'protected site',
  'operation',
  'convoy',
  'actor',
  'finding',
  'ruling',
  'hotline thread',
  'besieged area',
  'population estimate',
  'local agreement',
  'evacuation',
  'convoy request',
  'negotiation room',
  'room clause',
  'publication proposal',
  'user',
  'organization',
  'api token',
  'webhook',
  'record',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A kind of record in English prose. */
export const recordNameEn = (kind: RecordKind): string => (kind === 'api token' ? 'API token' : kind);

export type Term =
  | { actor: string }
  | { actors: string[] }
  | { agreement: string }
  | { zone: string; name: string }
  | { user: string }
  | { instant: string }
  | { act: Act }
  | { civilian: CivilianTarget }
  | { point: { lon: number; lat: number } }
  | { number: number }
  | { text: string }
  | { record: RecordKind }
  | { role: string }
  /** Organizations by id: said by their names where the reader knows them. */
  | { orgs: string[] }
  | { statement: Statement };

export interface Statement {
  code: StatementCode;
  params: Record<string, Term>;
}

/** Every statement, in English: `{name}` is replaced by the term of that name. */
export const STATEMENTS_EN = {
  // A finding's explanation: the rule that decided, then why.
  'finding.rule': 'Rule {rule} of {agreement}:',
  'finding.no_agreement': 'No agreement was both in force at {at} and in scope at {point}.',
  'finding.act_not_prohibited': '{agreement} does not prohibit this act ({act}).',
  'finding.perpetrator_unknown':
    'No perpetrator is attributed, so nobody can be held to the agreement yet; the incident needs attribution.',
  'finding.perpetrator_excluded':
    'The perpetrator, {perpetrator}, is excluded from {agreement}: the agreement neither binds nor protects it.',
  'finding.perpetrator_never_party':
    'The perpetrator, {perpetrator}, was not a party to {agreement} at the time: it never accepted it.',
  'finding.perpetrator_not_yet_party':
    'The perpetrator, {perpetrator}, was not a party to {agreement} at the time: it accepted it only on {at}.',
  'finding.perpetrator_withdrew':
    'The perpetrator, {perpetrator}, was not a party to {agreement} at the time: it withdrew on {at}.',
  'finding.target_civilian': '{perpetrator} ({standing}) {act}: a civilian target.',
  'finding.target_excluded': 'The target, {target}, is excluded from {agreement}; operations against it may continue.',
  'finding.target_party': '{perpetrator} ({standing}) {act} ({target_standing}).',
  'finding.target_not_party': 'The target, {target}, was neither excluded from nor a party to {agreement} at the time.',
  'finding.target_unknown':
    'No target is named and no zone of control covers the place at the time, so whom the attack hit is unknown.',
  'finding.target_own_area':
    'No target is named and the place was held at the time by {holders}, the perpetrator among them: an attack in its own area needs review.',
  'finding.target_area_excluded':
    'No target is named and the place was held at the time by {holders}, all excluded from {agreement}.',
  'finding.target_intermingled':
    'No target is named and the place was held at the time by {holders}: excluded and covered groups are intermingled there, so separation must be reviewed.',
  'finding.target_area_party': '{perpetrator} ({standing}) {act}, a party among them.',
  'finding.target_area_not_party':
    'No target is named and the place was held at the time by {holders}, none of them a party to {agreement}.',
  'finding.self_defense':
    'The perpetrator claims self-defence, which {agreement} allows when proportionate: review whether the force used was.',
  'party.since': 'a party since {at}',
  'party.plain': 'a party',
  'object.place_held': 'a place held at the time by {holders}',
  // What an act did to its object, one wording per act.
  'act.air_strike': 'carried out an air strike on {object}',
  'act.shelling': 'shelled {object}',
  'act.missile': 'fired a missile at {object}',
  'act.ground_assault': 'launched a ground assault on {object}',
  'act.small_arms': 'fired on {object}',
  'act.atgm': 'fired an anti-tank guided missile at {object}',
  'act.territory_seizure': 'seized territory from {object}',
  'act.access_denial': 'denied access to {object}',
  'act.arrest': 'carried out arrests at {object}',
  'act.other': 'acted against {object}',
  // A territory finding: the change of control, then the rule.
  'territory.change': 'On {at}, control of {zone} passed from {before} to {after}.',
  'territory.from_excluded':
    'Every previous holder is excluded from {agreement}, so taking the area from them is permitted.',
  'territory.seizure':
    '{gainers}, a party, took territory from {losers}, a party: parties must not acquire territory from each other.',
  'territory.gainers_excluded': 'Every gainer is excluded from {agreement}, which neither binds nor protects it.',
  'territory.unclear': 'The gainers and losers do not make this a clear seizure between parties: it needs review.',
  // Why a finding was judged again (its history's cause).
  'cause.zone.create': '{zone} was drawn by {by}.',
  'cause.zone.replace-control': 'The control of {zone} was rewritten by {by}.',
  'cause.zone.change-control': 'The control of {zone} changed, entered by {by}.',
  'cause.zone.change-geometry': 'The outline of {zone} was redrawn by {by}.',
  'cause.zone.rename': '{before} was renamed {zone} by {by}.',
  'cause.agreement.create': '{agreement} was entered by {by}.',
  'cause.agreement.replace': '{agreement} was revised by {by}.',
  'cause.agreement.add-party': 'A party to {agreement} was added by {by}.',
  'cause.agreement.add-clause': 'A clause of {agreement} was added by {by}.',
  'cause.agreement.withdraw-party': "A party's withdrawal from {agreement} was entered by {by}.",
  'cause.agreement.change-terms':
    'The terms of {agreement} (periods in force, scope, exclusions or prohibited acts) were changed by {by}.',
  'cause.agreement.publish': '{agreement} was published from its negotiation room by {by}, approved by {approvers}.',
  'cause.actor.update': '{actor} was changed by {by}.',
  'cause.incident.create': 'The incident was entered by {by}.',
  'cause.incident.update': "The incident's facts were changed by {by}.",
  'cause.incident.merge': 'The incident was merged into another by {by}.',
  'cause.scenario_load': 'The scenario "{name}" was loaded.',
  'cause.import': 'Incidents were imported from {name}.',
  'cause.zones_import': 'Zones were imported from a file by {by}.',
  'cause.bundle_import': 'The bundle "{name}" was imported by {by}.',
  'cause.rules_updated': 'The rules were updated ({version}).',
  'cause.withheld': 'A change to a record you are not cleared to see.',
  // Why the live stream raises an alert.
  'alert.violation': 'A violation of {agreement} by {violators}.',
  'alert.violation_unattributed': 'A violation of {agreement}.',
  'alert.protected_site':
    '{distance} m from a protected site ({kind}) notified to the parties, inside its {buffer} m buffer.',
  'alert.operation_conflict':
    'A planned operation comes within {clearance} m of a protected site ({kind}), inside its {buffer} m buffer.',
  // Errors (the `statement` of an error body) and the problems of a request, field by field.
  'error.not_found': 'There is no {record} "{id}", or none you may see.',
  'error.sign_in': 'Sign in first.',
  'error.wrong_password': 'Wrong username or password.',
  'error.token_unknown': 'The API token is unknown or revoked.',
  'error.forbidden_role': 'The {role} role may not do this.',
  'error.csrf': 'The request lacks its CSRF token: reload the page and try again.',
  'error.report_linked': 'This report is already an account of another incident: unlink it first.',
  'error.report_in_incident': 'This report is an account of an incident: unlink it before setting it aside.',
  'error.duplicate_of_duplicate': 'That report is itself a duplicate: name its original.',
  'error.merge_ruled': 'The incident to merge away has rulings: withdraw them, or merge the other way.',
  'error.exists': 'A {record} "{id}" exists already.',
  'error.rate_limited': 'Too many attempts: try again in {seconds} s.',
  'error.sign_in_held': 'Too many sign-in attempts for this username: try again in {minutes} min.',
  'error.too_large': 'The request is too large.',
  'error.internal': 'Something went wrong on our side; it has been logged.',
  'error.unavailable': 'The database cannot be reached just now: try again in a moment.',
  'error.disk_full': "The server's disk is full: nothing was written. Reading still works.",
  'error.other': '{text}',
  // Convoy requests (docs/access.md): a step out of order, by the wrong party, or a change to what is no longer a draft.
  'error.convoy_out_of_order': 'This convoy request is {state}: "{step}" is not its next step.',
  'error.convoy_not_party': 'Only {party} may take the step "{step}".',
  'error.convoy_not_draft': 'This convoy request is {state}: only a draft can be changed.',
  'error.convoy_decided': '{party} has already decided on this convoy request.',
  // The negotiation room (docs/negotiation.md).
  'error.room_co_chair_opens': 'Only a co-chair organization may open a negotiation room.',
  'error.room_co_chair_invites': 'Only a co-chair organization may invite to a negotiation room.',
  'error.publication_not_approver': 'Only the co-chairs the agreement names approve its publication: {orgs}.',
  'error.publication_approved_already': 'Your organization has approved this proposal already.',
  'error.publication_voided':
    'This proposal was voided by a change to one of its clauses: propose the new versions for approval.',
  'error.publication_published': 'This proposal is published already.',
  'error.publication_missing':
    'Not approved by {orgs}: every co-chair the agreement names must approve these versions first.',
  // Text intake (docs/text-intake.md): a draft is decided once.
  'error.draft_confirmed': 'This draft was confirmed already, by {by} at {at}: its report is filed.',
  'error.draft_dropped': 'This draft was dropped already, by {by} at {at}.',
  'convoy.state.draft': 'a draft',
  'convoy.state.submitted': "submitted, awaiting the parties' decisions",
  'convoy.state.approved': 'approved',
  'convoy.state.partly_approved': 'partly approved',
  'convoy.state.denied': 'denied',
  'convoy.state.letter_issued': 'approved, with its facilitation letter',
  'convoy.state.dispatched': 'dispatched',
  'convoy.state.arrived': 'arrived',
  'convoy.state.turned_back': 'turned back',
  'convoy.state.attacked': 'attacked',
  'convoy.state.delivered': 'delivered',
  'convoy.step.submit': 'Submit',
  'convoy.step.decide': 'Record a decision',
  'convoy.step.issue_letter': 'Record the facilitation letter',
  'convoy.step.dispatch': 'Dispatch',
  'convoy.step.arrive': 'Record the arrival',
  'convoy.step.turn_back': 'Record that it was turned back',
  'convoy.step.report_attack': 'Report an attack',
  'convoy.step.deliver': 'Record the delivery',
  'convoy.party.organizer': "the organizer's organization",
  'convoy.party.approver': 'an organization deciding for a party still to decide, or the secretariat',
  'convoy.party.secretariat': 'the secretariat',
  'problem.required': 'is required',
  'problem.type': 'must be {expected}',
  'problem.one_of': 'must be one of {values}',
  'problem.unknown_fields': 'has fields this request does not take: {fields}',
  'problem.at_least': 'must be at least {limit}',
  'problem.at_most': 'must be at most {limit}',
  'problem.min_length': 'must be at least {limit} characters long',
  'problem.max_length': 'must be at most {limit} characters long',
  'problem.min_items': 'must hold at least {limit} items',
  'problem.max_items': 'must hold at most {limit} items',
  'problem.other': '{text}',
  // An area drawn for a zone (area-check.ts).
  'problem.area_too_many_points': 'has {count} positions; an area may have at most {limit}',
  'problem.outside_world': '{point} is outside the world: longitude runs from -180 to 180 and latitude from -90 to 90',
  'problem.outside_syria': '{point} lies outside Syria and its borders',
  'problem.ring_points': 'a ring needs at least 3 distinct points; this one has {count}',
  'problem.ring_open': 'a ring must end where it starts',
  'problem.ring_flat': 'encloses no area: its points lie on one line',
  'problem.ring_crosses': 'the ring crosses itself near {point}',
  'problem.hole_outside': 'hole {hole} must lie inside its outer ring, without touching it',
  'problem.holes_overlap': 'hole {hole} overlaps hole {other}',
  'problem.parts_overlap': 'part {part} overlaps or touches part {other}: parts may meet only at a corner of both',
  // A webhook's target (app/webhooks/targets.ts), and the records an input names.
  'problem.url_invalid': 'must be an absolute http or https URL',
  'problem.url_scheme': 'must be http or https, not {scheme}',
  'problem.url_credentials': 'must not hold a user name or password (the signature proves who sends)',
  'problem.url_fragment': 'must not have a fragment (#...)',
  'problem.url_private': 'names a loopback or private address ({host}): this server delivers only to public addresses',
  'problem.unknown_record': 'there is no {record} "{id}", or none you may see',
  // A row of an imported file (ingest/incidents, ingest/ucdp): the column is the problem's path.
  'problem.import_fields': 'has {count} fields, the header has {expected}',
  'problem.import_missing': 'is missing',
  'problem.import_empty': 'is empty',
  'problem.import_id': 'must be an id of letters, digits and ._:- , not "{value}"',
  'problem.import_actor_id': 'must be an actor\'s id, not "{value}"',
  'problem.import_acled_type': 'must be one of ACLED\'s event types, not "{value}"',
  'problem.import_choice': 'must be one of {values}, not "{value}"',
  'problem.import_day': 'must be a date YYYY-MM-DD, not "{value}"',
  'problem.import_acled_date': 'must be a date such as 2016-09-19 or 19 September 2016, not "{value}"',
  'problem.import_instant': 'must be an instant such as 2016-09-19T16:15:00Z, not "{value}"',
  'problem.import_between': 'must be between {min} and {max}, not "{value}"',
  'problem.import_whole_range': 'must be a whole number from {min} to {max}, not "{value}"',
  'problem.import_whole_min': 'must be a whole number, {min} or more, not "{value}"',
  'problem.import_flag': 'must be 1 or 0, not "{value}"',
  'problem.import_before_occurred': 'must not be before the time it occurred',
  'problem.import_before_start': 'must not be before date_start ({start}), not "{value}"',
  'problem.import_repeats': 'repeats the event of line {line}',
  'problem.import_no_rows': 'has no rows',
  'problem.import_no_incident': 'has no incident',
  // A feature of an imported GeoJSON file, a bundle over HTTP; what an import repaired when asked (docs/imports.md).
  'problem.import_json': 'is not a JSON document',
  'problem.import_not_collection': 'must be a GeoJSON FeatureCollection',
  'problem.import_not_feature': 'must be a GeoJSON Feature',
  'problem.import_no_features': 'has no features',
  'problem.import_geometry_type': 'must be a {expected}, not "{value}"',
  'problem.import_coordinates': 'must hold the coordinates of a {expected}',
  'problem.import_text': 'must be text',
  'problem.import_unknown_actor': 'names no actor Truce knows: "{value}"',
  'problem.import_date': 'must be a date YYYY-MM-DD or an instant such as 2016-09-19T16:15:00Z, not "{value}"',
  'problem.import_after': 'must be after {start}',
  'problem.import_min': 'must be a number, {min} or more, not "{value}"',
  'problem.import_either': 'give either {one} or {other}, not both',
  'problem.import_repeats_feature': 'repeats the id of feature {feature}',
  'problem.import_duplicate_id': 'repeats the id "{value}"',
  'problem.import_header_lacks': 'not in the {format} format: the header lacks {columns}',
  'problem.import_hashtags_lack': 'not in the {format} format of incidents: its hashtags lack {columns}',
  'problem.import_no_header': 'not in the {format} format: no header in its first rows',
  'problem.import_header_empty': 'not in the {format} format: it is empty (no header)',
  'problem.import_csv_ends_quoted': 'the file ends inside a quoted field',
  'problem.import_csv_quote_unclosed': 'a quoted field is not closed before the end of the file',
  'problem.import_csv_after_quote': 'unexpected text after the closing quote of field {field}',
  'problem.import_low_above_high': 'low ({low}) is above high ({high}); kept as UCDP published it',
  'problem.import_best_below_low': 'best ({best}) is below low ({low}); kept as UCDP published it',
  'problem.import_best_above_high': 'best ({best}) is above high ({high}); kept as UCDP published it',
  'problem.import_not_truce_event': '{value} are not incidents of a truce',
  'problem.import_repaired_closed': 'did not end where it starts: closed',
  'problem.import_repaired_split':
    'crossed itself near {point}: split there into {count} parts, as GIS tools repair it',
  'error.webhook_limit': 'You have {count} webhooks already: delete one first.',
  'cause.recorded': '{text}',
} as const;

export type StatementCode = keyof typeof STATEMENTS_EN;
export const STATEMENT_CODES = Object.keys(STATEMENTS_EN) as StatementCode[];

export const ACT_NOUNS_EN: Record<Act, string> = {
  air_strike: 'air strike',
  shelling: 'shelling',
  missile: 'missile strike',
  ground_assault: 'ground assault',
  small_arms: 'small-arms fire',
  atgm: 'anti-tank guided missile',
  territory_seizure: 'seizure of territory',
  access_denial: 'denial of access',
  arrest: 'arrest',
  other: 'other act',
};

export const CIVILIAN_OBJECTS_EN: Record<CivilianTarget, string> = {
  hospital: 'a hospital',
  school: 'a school',
  market: 'a market',
  residential: 'a residential area',
  convoy: 'a humanitarian convoy',
  aid_facility: 'an aid facility',
  infrastructure: 'civilian infrastructure',
  civilians: 'civilians',
};

export const statement = (code: StatementCode, params: Record<string, Term> = {}): Statement => ({ code, params });

/** Terms for the things statements talk about. */
export const term = {
  actor: (actor: string): Term => ({ actor }),
  actors: (actors: readonly string[]): Term => ({ actors: [...actors] }),
  agreement: (agreement: string): Term => ({ agreement }),
  instant: (t: Instant): Term => ({ instant: formatInstant(t) }),
  statement: (s: Statement): Term => ({ statement: s }),
};

/** How names are looked up for English: by id, falling back to the id itself. */
export interface Names {
  actor(id: string): string;
  agreement(id: string): string;
  /** An organization's name; its id where none is given. */
  org?(id: string): string;
}

/**
 * Each template split once into its literal parts and parameter names (odd places), so that
 * judging a million incidents does not run a regular expression a million times.
 */
const COMPILED = new Map<string, readonly string[]>(
  Object.entries(STATEMENTS_EN).map(([code, template]) => [code, template.split(/\{(\w+)\}/)]),
);

/** A statement in English. */
export function renderEnglish(s: Statement, names: Names): string {
  const parts = COMPILED.get(s.code)!;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const t = s.params[parts[i]!];
    out += (t === undefined ? `{${parts[i]}}` : termEnglish(t, names)) + parts[i + 1]!;
  }
  return out;
}

/** Several statements as one paragraph. */
export function paragraphEnglish(statements: readonly Statement[], names: Names): string {
  return statements.map((s) => renderEnglish(s, names)).join(' ');
}

function termEnglish(t: Term, names: Names): string {
  if ('actor' in t) return names.actor(t.actor);
  if ('actors' in t) return listEnglish(t.actors.map((a) => names.actor(a)));
  if ('agreement' in t) return names.agreement(t.agreement);
  if ('zone' in t) return t.name || t.zone;
  if ('user' in t) return t.user;
  if ('instant' in t) return instantEnglish(t.instant);
  if ('act' in t) return ACT_NOUNS_EN[t.act];
  if ('civilian' in t) return CIVILIAN_OBJECTS_EN[t.civilian];
  if ('point' in t) return pointEnglish(t.point);
  if ('number' in t) return String(t.number);
  if ('text' in t) return t.text;
  if ('record' in t) return recordNameEn(t.record);
  if ('role' in t) return t.role;
  if ('orgs' in t) return listEnglish(t.orgs.map((o) => names.org?.(o) ?? o));
  return renderEnglish(t.statement, names);
}

/** "A", "A and B", "A, B and C"; "nobody" for none. */
export function listEnglish(items: readonly string[]): string {
  if (items.length === 0) return 'nobody';
  if (items.length === 1) return items[0]!;
  // Names that hold "and" or commas themselves are kept apart by semicolons.
  if (items.some((i) => / and |,/.test(i))) return items.join('; ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `26 Feb 2016, 10:00 UTC`: the server's English does not know the reader's timezone, so it says UTC. */
export function instantEnglish(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getUTCHours()).padStart(2, '0'),
    mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

function pointEnglish({ lon, lat }: { lon: number; lat: number }): string {
  return `${Math.abs(lat).toFixed(4)}° ${lat < 0 ? 'S' : 'N'}, ${Math.abs(lon).toFixed(4)}° ${lon < 0 ? 'W' : 'E'}`;
}
