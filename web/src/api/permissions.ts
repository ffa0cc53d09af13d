/**
 * What the signed-in user may do, from the server's own table of permissions (one source: the
 * UI never offers what the API would refuse).
 */
export { type Permission, roleCan } from '../../../src/contract/access.ts';
