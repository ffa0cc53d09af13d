/**
 * Who may see and do what: the classifications of records, the clearances of readers, the roles
 * of users and what each role may do. The server enforces them (row-level security, use cases);
 * the web app reads the same table so that it never offers what the API would refuse.
 */

/** Classifications from the most open to the most restricted: `org` is the owning organization only. */
export const CLASSIFICATIONS = ['public', 'task_force', 'co_chairs', 'org'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** What a reader is cleared for: an organization's members also see what is classified `org` for it. */
export const CLEARANCES = ['public', 'task_force', 'co_chairs'] as const;
export type Clearance = (typeof CLEARANCES)[number];

export const ROLES = ['admin', 'analyst', 'monitor', 'reporter', 'humanitarian', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ['co_chair', 'un', 'humanitarian', 'monitor', 'party', 'other'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** What each role may do. Reading is governed by clearance, not by role. */
export const PERMISSIONS = {
  'report:file': ['admin', 'analyst', 'monitor', 'reporter', 'humanitarian'],
  'incident:manage': ['admin', 'analyst'],
  'world:manage': ['admin', 'analyst'],
  'plan:manage': ['admin', 'analyst', 'humanitarian'],
  /** Declare a planned operation (an operation notice), change or withdraw one's own organization's. */
  'operation:declare': ['admin', 'analyst'],
  /** Record one's own organization's positions (troops, advisers...), share, change and withdraw them. */
  'position:manage': ['admin', 'analyst'],
  /** Notify a site or a movement, renew and withdraw one's own organization's (not a request for permission). */
  'notification:send': ['admin', 'analyst', 'humanitarian'],
  /** Acknowledge, for one's organization, a notification it received. */
  'notification:acknowledge': ['admin', 'analyst', 'monitor', 'humanitarian'],
  'accounts:manage': ['admin'],
  'audit:read': ['admin', 'analyst'],
  /** Opening hotline threads, writing in them, acknowledging and resolving them (seeing them is for their parties). */
  'hotline:write': ['admin', 'analyst', 'monitor', 'reporter', 'humanitarian'],
  /** Record a besieged or hard-to-reach area, change its status and its besiegers (docs/access.md). */
  'besieged:manage': ['admin', 'analyst'],
  /** Add a population estimate (a new version) or a delivery to a besieged area: humanitarians count and deliver. */
  'besieged:count': ['admin', 'analyst', 'humanitarian'],
  /** Record a local agreement and its evacuations, and change them. */
  'local_agreement:manage': ['admin', 'analyst'],
  /** Convoy requests (docs/access.md): draft, submit, dispatch and report the journey of one's own organization's. */
  'convoy:organize': ['admin', 'analyst', 'humanitarian'],
  /** Record an approving party's decision on a convoy request, for the party one's organization decides for. */
  'convoy:decide': ['admin', 'analyst'],
  /** Record a facilitation letter, for the secretariat. */
  'convoy:facilitate': ['admin', 'analyst'],
  /**
   * In a negotiation room one's organization is a member of (docs/negotiation.md): open one (a co-chair's), invite,
   * draft and edit clauses, take positions, propose a publication, approve it for a co-chair, publish it.
   */
  'negotiation:write': ['admin', 'analyst'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Whether a role may do this; `undefined` (nobody signed in) may do nothing. */
export function roleCan(role: string | undefined, permission: Permission): boolean {
  return role !== undefined && (PERMISSIONS[permission] as readonly string[]).includes(role);
}
