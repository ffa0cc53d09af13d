/**
 * `truce org add`, `truce user add|passwd|disable|enable|list`, `truce token list|revoke`: the operator at the command line
 * manages accounts through the same use cases as an admin over the API (audited, as the
 * system). A password comes from stdin with --password-stdin (never from an argument, which
 * other users could read in the process list), or is generated and printed once.
 */
import type { OrgKind, Role } from '../contract/access.ts';
import { addOrganization } from '../app/accounts/add-organization.ts';
import { addUser } from '../app/accounts/add-user.ts';
import { setPassword, setUserDisabled } from '../app/accounts/change-user.ts';
import { listApiTokens } from '../app/accounts/list-api-tokens.ts';
import { listUsers } from '../app/accounts/list-users.ts';
import { revokeApiToken } from '../app/accounts/revoke-api-token.ts';
import { newPassword } from '../app/accounts/secrets.ts';
import { clearanceOf } from '../app/caller.ts';
import type { AppContext } from '../app/context.ts';
import { type DbFlags, withContext } from './database.command.ts';
import { EXIT, type Io, table } from './io.ts';

/** Where a password comes from: stdin with --password-stdin, else null (generate one). */
export type PasswordSource = (() => Promise<string>) | null;

/** The account commands' use cases, each refusal said by the field at fault (`withContext`). */
export const withAccounts = (
  io: Io,
  command: string,
  flags: DbFlags,
  fn: (ctx: AppContext) => Promise<number>,
): Promise<number> => withContext(io, command, flags, fn);

export async function orgAdd(
  io: Io,
  ctx: AppContext,
  org: { id: string; name: string; nameAr?: string | null; kind: string; taskForce: boolean },
): Promise<number> {
  await addOrganization(ctx, 'operator', { ...org, kind: org.kind as OrgKind });
  const clearance = clearanceOf({ kind: org.kind as OrgKind, task_force: org.taskForce });
  io.out(
    `Added organization ${org.id} (${org.name}): ${org.kind}${org.taskForce ? ', task force' : ''}; its users read ${clearance} records.\n`,
  );
  return EXIT.ok;
}

export async function userAdd(
  io: Io,
  ctx: AppContext,
  user: { username: string; orgId: string; role: string },
  password: PasswordSource,
): Promise<number> {
  const secret = password ? await password() : newPassword();
  await addUser(ctx, 'operator', { ...user, role: user.role as Role, password: secret });
  io.out(`Added user ${user.username}: ${user.role} of ${user.orgId}.\n`);
  if (!password) io.out(`Password: ${secret}\n(shown once; change it with \`truce user passwd ${user.username}\`)\n`);
  return EXIT.ok;
}

export async function userPasswd(io: Io, ctx: AppContext, username: string, password: PasswordSource): Promise<number> {
  const secret = password ? await password() : newPassword();
  await setPassword(ctx, 'operator', username, secret);
  io.out(`Changed the password of ${username}.\n`);
  if (!password) io.out(`Password: ${secret}\n(shown once)\n`);
  return EXIT.ok;
}

export async function userDisable(io: Io, ctx: AppContext, username: string, disabled: boolean): Promise<number> {
  await setUserDisabled(ctx, 'operator', username, disabled);
  io.out(disabled ? `Disabled ${username}: their sessions and API tokens no longer work.\n` : `Enabled ${username}.\n`);
  return EXIT.ok;
}

export async function userList(io: Io, ctx: AppContext): Promise<number> {
  const rows = (await listUsers(ctx, 'operator')).map((u) => [
    u.username,
    u.orgId,
    u.role,
    u.clearance ?? '?',
    u.disabled ? 'disabled' : 'active',
  ]);
  io.out(table([['USERNAME', 'ORG', 'ROLE', 'CLEARANCE', 'STATUS'], ...rows]));
  return EXIT.ok;
}

export async function tokenList(io: Io, ctx: AppContext, username: string): Promise<number> {
  const day = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
  const rows = (await listApiTokens(ctx, 'operator', username)).map((t) => [
    t.id,
    t.name,
    day(t.createdAt),
    t.revokedAt === null ? 'active' : `revoked ${day(t.revokedAt)}`,
  ]);
  io.out(
    rows.length === 0
      ? `${username} has no API tokens.\n`
      : table([['ID', 'NAME', 'CREATED (UTC)', 'STATUS'], ...rows]),
  );
  return EXIT.ok;
}

export async function tokenRevoke(io: Io, ctx: AppContext, id: string): Promise<number> {
  const { token, revoked } = await revokeApiToken(ctx, 'operator', id);
  io.out(
    revoked
      ? `Revoked the API token "${token.name}" of ${token.username}: it no longer works.\n`
      : `The API token "${token.name}" of ${token.username} was revoked already.\n`,
  );
  return EXIT.ok;
}

/** The password on stdin (`printf %s "$PW" | truce user add ... --password-stdin`), without its final line break. */
export async function readPasswordFromStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}
