/**
 * Who is asking: a signed-in user of an organization with a role, or nobody. The caller's
 * clearance comes from its organization; what it may do comes from its role.
 */
import { statement } from '../domain/statements.ts';
import { AppError, forbiddenRole } from './errors.ts';
import { type Clearance, type OrgKind, type Permission, type Role, roleCan } from '../contract/access.ts';
import { ANONYMOUS, type Reader } from '../store/reader.ts';

export interface Caller {
  userId: string;
  username: string;
  orgId: string;
  orgKind: OrgKind;
  role: Role;
  clearance: Clearance;
}

/** A co-chair sees what is for the co-chairs; a task force member what is for the task force. */
export function clearanceOf(org: { kind: OrgKind; task_force: boolean }): Clearance {
  return org.kind === 'co_chair' ? 'co_chairs' : org.task_force ? 'task_force' : 'public';
}

export function readerOf(caller: Caller | null): Reader {
  return caller ? { userId: caller.userId, orgId: caller.orgId, clearance: caller.clearance } : ANONYMOUS;
}

/**
 * The group of readers who see what this caller sees: all that row-level security reads of a
 * caller (`readerOf` without the user), as a key for answers kept per group (shared/read-cache.ts).
 */
export const readerGroup = (caller: Caller): string => `${caller.orgId}\u0000${caller.clearance}`;

export function can(caller: Caller | null, permission: Permission): boolean {
  return caller !== null && roleCan(caller.role, permission);
}

export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw new AppError('UNAUTHENTICATED', 'sign in first', undefined, statement('error.sign_in'));
  return caller;
}

export function requirePermission(caller: Caller | null, permission: Permission): Caller {
  const c = requireCaller(caller);
  if (!can(c, permission)) throw forbiddenRole(c.role, `the ${c.role} role cannot ${permission.replace(':', ' ')}`);
  return c;
}
