/**
 * What the signed-in user may do, from the server's own table of permissions (one source: the
 * UI never offers what the API would refuse).
 */
import { PERMISSIONS, type Permission } from '../../../src/app/caller.ts';

export type { Permission };

export function roleCan(role: string | undefined, permission: Permission): boolean {
  return role !== undefined && (PERMISSIONS[permission] as readonly string[]).includes(role);
}
