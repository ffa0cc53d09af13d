/** Actors: the parties, the excluded groups, the humanitarian organizations. */
import type { ActorFilter, ActorSort } from '../contract/lists.ts';
import type { Actor, ActorKind } from '../domain/model.ts';
import type { Sql } from './database.ts';
import { containing, keyset, type Page, type PageRequest, Params, takePage, whereAll } from './query.ts';

interface ActorRow {
  id: string;
  name: string;
  name_ar: string | null;
  kind: ActorKind;
  aliases: string[];
  designated: boolean;
}

const toActor = (r: ActorRow): Actor => ({
  id: r.id,
  name: r.name,
  ...(r.name_ar === null ? {} : { nameAr: r.name_ar }),
  kind: r.kind,
  aliases: r.aliases,
  designated: r.designated,
});

const COLUMNS = 'id, name, name_ar, kind, aliases, designated';

/** An actor as jsonb_to_recordset reads it. */
const actorJson = (a: Actor & { source?: unknown }) => ({ ...a, name_ar: a.nameAr ?? null, source: a.source ?? null });

export async function list(sql: Sql): Promise<Actor[]> {
  return (await sql.query<ActorRow>(`select ${COLUMNS} from actors order by id`)).map(toActor);
}

/** Inserts or updates actors by id; rows that would not change are not written. */
export async function upsert(sql: Sql, actors: readonly (Actor & { source?: unknown })[]): Promise<void> {
  if (actors.length === 0) return;
  await sql.query(
    `insert into actors (id, name, name_ar, kind, aliases, designated, source)
     select a.id, a.name, a.name_ar, a.kind, array(select jsonb_array_elements_text(a.aliases)), a.designated, a.source
       from jsonb_to_recordset($1::jsonb)
         as a(id text, name text, name_ar text, kind text, aliases jsonb, designated boolean, source jsonb)
     on conflict (id) do update set
       name = excluded.name, name_ar = excluded.name_ar, kind = excluded.kind, aliases = excluded.aliases,
       designated = excluded.designated, source = coalesce(excluded.source, actors.source)
     where (actors.name, actors.name_ar, actors.kind, actors.aliases, actors.designated)
       is distinct from (excluded.name, excluded.name_ar, excluded.kind, excluded.aliases, excluded.designated)`,
    [JSON.stringify(actors.map(actorJson))],
  );
}

/**
 * Inserts the actors whose id is not stored yet and leaves stored ones as they are (an importer
 * must not overwrite actors a person curated); returns the ids inserted.
 */
export async function insertNew(sql: Sql, actors: readonly (Actor & { source?: unknown })[]): Promise<string[]> {
  if (actors.length === 0) return [];
  const rows = await sql.query<{ id: string }>(
    `insert into actors (id, name, name_ar, kind, aliases, designated, source)
     select a.id, a.name, a.name_ar, a.kind, array(select jsonb_array_elements_text(a.aliases)), a.designated, a.source
       from jsonb_to_recordset($1::jsonb)
         as a(id text, name text, name_ar text, kind text, aliases jsonb, designated boolean, source jsonb)
     on conflict (id) do nothing
     returning id`,
    [JSON.stringify(actors.map(actorJson))],
  );
  return rows.map((r) => r.id);
}

export async function get(sql: Sql, id: string): Promise<Actor | null> {
  const [row] = await sql.query<ActorRow>(`select ${COLUMNS} from actors where id = $1`, [id]);
  return row ? toActor(row) : null;
}

/** Which of these ids name a stored actor. */
export async function knownIds(sql: Sql, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql.query<{ id: string }>('select id from actors where id = any($1)', [[...new Set(ids)]]);
  return new Set(rows.map((r) => r.id));
}

export async function listPage(
  sql: Sql,
  filter: ActorFilter,
  sort: ActorSort,
  page: PageRequest,
): Promise<Page<Actor>> {
  const params = new Params();
  const conditions: string[] = [];
  if (filter.q) {
    const q = params.add(containing(filter.q));
    conditions.push(
      `(name ilike ${q} or name_ar ilike ${q} or exists (select 1 from unnest(aliases) as alias where alias ilike ${q}))`,
    );
  }
  if (filter.kind) conditions.push(`kind = ${params.add(filter.kind)}`);
  if (filter.designated !== undefined) conditions.push(`designated = ${params.add(filter.designated)}`);
  const columns = sort === 'id' ? ['id'] : ['name', 'id'];
  const { condition, tail } = keyset(params, columns, sort === '-name', page);
  if (condition) conditions.push(condition);
  const rows = await sql.query<ActorRow>(
    `select ${COLUMNS} from actors ${whereAll(conditions)} ${tail}`,
    params.values,
  );
  return takePage(rows.map(toActor), page, (a) => (sort === 'id' ? [a.id] : [a.name, a.id]));
}

/** Inserts a new actor; false when the id is taken. */
export async function insert(sql: Sql, actor: Actor): Promise<boolean> {
  const rows = await sql.query(
    `insert into actors (id, name, name_ar, kind, aliases, designated) values ($1, $2, $3, $4, $5, $6)
     on conflict (id) do nothing returning id`,
    [actor.id, actor.name, actor.nameAr ?? null, actor.kind, actor.aliases, actor.designated],
  );
  return rows.length > 0;
}

/** Every actor's name by id. */
export async function names(sql: Sql): Promise<Map<string, string>> {
  const rows = await sql.query<{ id: string; name: string }>('select id, name from actors');
  return new Map(rows.map((r) => [r.id, r.name]));
}
