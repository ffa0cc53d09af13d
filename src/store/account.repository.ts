/** Organizations, users, sessions and API tokens. Secrets are stored only as hashes. */
import type { Sql } from './sql.ts';

export interface OrgRow {
  id: string;
  name: string;
  /** Its name in Arabic; null: the English one serves. */
  name_ar: string | null;
  kind: string;
  task_force: boolean;
}
export interface UserRow {
  id: string;
  org_id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string | null;
  disabled_at: Date | null;
}
export interface PrincipalRow extends UserRow {
  org_kind: string;
  org_task_force: boolean;
  csrf_token?: string;
}

export async function listOrgs(sql: Sql): Promise<OrgRow[]> {
  return sql.query<OrgRow>('select id, name, name_ar, kind, task_force from organizations order by id');
}

export async function getOrg(sql: Sql, id: string): Promise<OrgRow | null> {
  const [row] = await sql.query<OrgRow>('select id, name, name_ar, kind, task_force from organizations where id = $1', [
    id,
  ]);
  return row ?? null;
}

export async function insertOrg(sql: Sql, org: OrgRow): Promise<boolean> {
  const rows = await sql.query(
    `insert into organizations (id, name, name_ar, kind, task_force) values ($1, $2, $3, $4, $5)
     on conflict do nothing returning id`,
    [org.id, org.name, org.name_ar, org.kind, org.task_force],
  );
  return rows.length > 0;
}

const USER_COLUMNS = 'u.id, u.org_id, u.username, u.display_name, u.role, u.password_hash, u.disabled_at';

export async function listUsers(sql: Sql): Promise<UserRow[]> {
  return sql.query<UserRow>(`select ${USER_COLUMNS} from users u order by u.username`);
}

export async function getUserByName(sql: Sql, username: string): Promise<PrincipalRow | null> {
  const [row] = await sql.query<PrincipalRow>(
    `select ${USER_COLUMNS}, o.kind as org_kind, o.task_force as org_task_force
       from users u join organizations o on o.id = u.org_id where u.username = $1`,
    [username],
  );
  return row ?? null;
}

export async function insertUser(sql: Sql, user: Omit<UserRow, 'disabled_at'>): Promise<boolean> {
  const rows = await sql.query(
    `insert into users (id, org_id, username, display_name, role, password_hash) values ($1, $2, $3, $4, $5, $6)
     on conflict do nothing returning id`,
    [user.id, user.org_id, user.username, user.display_name, user.role, user.password_hash],
  );
  return rows.length > 0;
}

export async function updateUser(
  sql: Sql,
  id: string,
  changes: { password_hash?: string; disabled?: boolean; role?: string },
): Promise<void> {
  if (changes.role !== undefined) await sql.query('update users set role = $2 where id = $1', [id, changes.role]);
  if (changes.password_hash !== undefined)
    await sql.query('update users set password_hash = $2 where id = $1', [id, changes.password_hash]);
  if (changes.disabled !== undefined) {
    await sql.query(
      `update users set disabled_at = ${changes.disabled ? 'coalesce(disabled_at, now())' : 'null'} where id = $1`,
      [id],
    );
    if (changes.disabled) {
      await sql.query('delete from sessions where user_id = $1', [id]);
      await sql.query('update api_tokens set revoked_at = coalesce(revoked_at, now()) where user_id = $1', [id]);
    }
  }
}

export async function countUsers(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: number }>('select count(*)::int as n from users');
  return row?.n ?? 0;
}

export async function insertSession(
  sql: Sql,
  s: { token_hash: string; user_id: string; csrf_token: string; expires_at: Date },
): Promise<void> {
  await sql.query('insert into sessions (token_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, $4)', [
    s.token_hash,
    s.user_id,
    s.csrf_token,
    s.expires_at,
  ]);
}

export async function removeSession(sql: Sql, tokenHash: string): Promise<void> {
  await sql.query('delete from sessions where token_hash = $1', [tokenHash]);
}

/** The live, enabled user behind a session token hash. */
export async function principalBySession(sql: Sql, tokenHash: string): Promise<PrincipalRow | null> {
  const [row] = await sql.query<PrincipalRow>(
    `select ${USER_COLUMNS}, o.kind as org_kind, o.task_force as org_task_force, s.csrf_token
       from sessions s join users u on u.id = s.user_id join organizations o on o.id = u.org_id
      where s.token_hash = $1 and s.expires_at > now() and u.disabled_at is null`,
    [tokenHash],
  );
  return row ?? null;
}

/** The live, enabled user behind an API token hash. */
export async function principalByToken(sql: Sql, tokenHash: string): Promise<PrincipalRow | null> {
  const [row] = await sql.query<PrincipalRow>(
    `select ${USER_COLUMNS}, o.kind as org_kind, o.task_force as org_task_force
       from api_tokens t join users u on u.id = t.user_id join organizations o on o.id = u.org_id
      where t.token_hash = $1 and t.revoked_at is null and u.disabled_at is null`,
    [tokenHash],
  );
  return row ?? null;
}

export async function insertApiToken(
  sql: Sql,
  t: { id: string; user_id: string; name: string; token_hash: string },
): Promise<void> {
  await sql.query('insert into api_tokens (id, user_id, name, token_hash) values ($1, $2, $3, $4)', [
    t.id,
    t.user_id,
    t.name,
    t.token_hash,
  ]);
}

/** Who these users are, for people reading what they did: username and display name, with their organization's name. */
export async function userNames(
  sql: Sql,
  ids: readonly string[],
): Promise<Map<string, { username: string; displayName: string; orgName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: string; username: string; display_name: string; org_name: string }>(
    'select u.id, u.username, u.display_name, o.name as org_name from users u join organizations o on o.id = u.org_id where u.id = any($1)',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { username: r.username, displayName: r.display_name, orgName: r.org_name }]));
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  username: string;
  org_id: string;
  name: string;
  token_hash: string;
  created_at: Date;
  revoked_at: Date | null;
}

const TOKEN_COLUMNS = 't.id, t.user_id, u.username, u.org_id, t.name, t.token_hash, t.created_at, t.revoked_at';

/** A user's API tokens, revoked ones included, oldest first. */
export async function listApiTokens(sql: Sql, userId: string): Promise<ApiTokenRow[]> {
  return sql.query<ApiTokenRow>(
    `select ${TOKEN_COLUMNS} from api_tokens t join users u on u.id = t.user_id where t.user_id = $1 order by t.created_at, t.id`,
    [userId],
  );
}

export async function getApiToken(sql: Sql, id: string): Promise<ApiTokenRow | null> {
  const [row] = await sql.query<ApiTokenRow>(
    `select ${TOKEN_COLUMNS} from api_tokens t join users u on u.id = t.user_id where t.id = $1`,
    [id],
  );
  return row ?? null;
}

/** Revokes a live token; false when it was revoked already. */
export async function revokeApiToken(sql: Sql, id: string, at: Date): Promise<boolean> {
  const rows = await sql.query(
    'update api_tokens set revoked_at = $2 where id = $1 and revoked_at is null returning id',
    [id, at],
  );
  return rows.length > 0;
}
