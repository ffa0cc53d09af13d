/** Checks a request's references and intervals, naming the field at fault. */
import type { Instant } from '../../domain/time.ts';
import * as accounts from '../../store/account.repository.ts';
import * as actors from '../../store/actor.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { invalid } from '../errors.ts';

export interface ActorRef {
  path: string;
  id: string;
}

/** `path[0]`, `path[1]`... for a list of actor ids. */
export const actorRefs = (path: string, ids: readonly string[]): ActorRef[] =>
  ids.map((id, i) => ({ path: `${path}[${i}]`, id }));

export async function requireKnownActors(sql: Sql, refs: readonly ActorRef[]): Promise<void> {
  const known = await actors.knownIds(
    sql,
    refs.map((r) => r.id),
  );
  const missing = refs.find((r) => !known.has(r.id));
  if (missing) throw invalid(missing.path, `${missing.path}: unknown actor "${missing.id}"`);
}

export function requireAfter(path: string, from: Instant, to: Instant | null, fromName = 'from'): void {
  if (to !== null && to <= from) throw invalid(path, `${path}: must be after ${fromName}`);
}

/** The co-chairs an agreement names, each a co-chair organization (or refused by its place in the list); once each. */
export async function requireCoChairs(sql: Sql, path: string, orgs: readonly string[]): Promise<string[]> {
  const coChairs = new Set((await accounts.listOrgs(sql)).filter((o) => o.kind === 'co_chair').map((o) => o.id));
  orgs.forEach((org, i) => {
    if (!coChairs.has(org)) throw invalid(`${path}[${i}]`, `"${org}" is no co-chair organization`);
  });
  return [...new Set(orgs)];
}
