/** How users look to an admin, and what adding or changing one holds. */
import { CLEARANCES, ROLES } from '../../contract/access.ts';
import { z } from 'zod';
import type { UserListing } from '../../app/accounts/list-users.ts';

export const userOut = z
  .object({
    username: z.string(),
    display_name: z.string(),
    org: z.string(),
    role: z.enum(ROLES),
    clearance: z.enum(CLEARANCES).nullable().describe('what the user reads besides their organization’s own'),
    disabled: z.boolean(),
  })
  .meta({ id: 'User' });

export const usersOut = z.object({ items: z.array(userOut) });

export const userJson = (u: UserListing): z.infer<typeof userOut> => ({
  username: u.username,
  display_name: u.displayName,
  org: u.orgId,
  role: u.role,
  clearance: u.clearance,
  disabled: u.disabled,
});

const password = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200)
  .optional()
  .describe('leave out to have one generated, shown once in the answer');

export const newUserBody = z.object({
  username: z.string().min(2).max(64),
  display_name: z.string().trim().min(1).max(200).optional(),
  org: z.string().min(1).max(64).describe('your own organization'),
  role: z.enum(ROLES),
  password,
});

export const userChangeBody = z.object({
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional().describe('true ends the user’s sessions and revokes their tokens'),
});

export const passwordBody = z.object({ password });

export const passwordOut = z.object({
  username: z.string(),
  password: z.string().nullable().describe('the generated password, shown this once; null when you gave one'),
});

export const usernameParams = z.object({ username: z.string().min(1).max(64) });

export const newOrganizationBody = z.object({
  id: z.string().min(1).max(63).describe('lowercase letters, digits and dashes'),
  name: z.string().trim().min(1).max(200),
  name_ar: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .optional()
    .describe('its name in Arabic, for people reading Arabic; absent, null or empty: none'),
  kind: z.enum(['co_chair', 'un', 'humanitarian', 'monitor', 'party', 'other']),
  task_force: z.boolean().default(false),
});

export const verificationOut = z.object({
  ok: z.boolean().describe('every sealed link of the audit chain holds'),
  verified_at: z.string(),
});
