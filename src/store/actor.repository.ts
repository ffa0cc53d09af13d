/** Actors: the parties, the excluded groups, the humanitarian organizations. */
import type { Actor, ActorKind } from '../domain/model.ts';
import type { Sql } from './database.ts';

interface ActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  designated: boolean;
}

const toActor = (r: ActorRow): Actor => ({ id: r.id, name: r.name, kind: r.kind, aliases: r.aliases, designated: r.designated });

export async function listActors(sql: Sql): Promise<Actor[]> {
  return (await sql.query<ActorRow>('select id, name, kind, aliases, designated from actors order by id')).map(toActor);
}

/** Inserts or updates actors by id; rows that would not change are not written. */
export async function upsertActors(sql: Sql, actors: readonly (Actor & { source?: unknown })[]): Promise<void> {
  if (actors.length === 0) return;
  await sql.query(
    `insert into actors (id, name, kind, aliases, designated, source)
     select a.id, a.name, a.kind, array(select jsonb_array_elements_text(a.aliases)), a.designated, a.source
       from jsonb_to_recordset($1::jsonb) as a(id text, name text, kind text, aliases jsonb, designated boolean, source jsonb)
     on conflict (id) do update set
       name = excluded.name, kind = excluded.kind, aliases = excluded.aliases, designated = excluded.designated,
       source = coalesce(excluded.source, actors.source)
     where (actors.name, actors.kind, actors.aliases, actors.designated)
       is distinct from (excluded.name, excluded.kind, excluded.aliases, excluded.designated)`,
    [JSON.stringify(actors.map((a) => ({ ...a, source: a.source ?? null })))],
  );
}

/**
 * Inserts the actors whose id is not stored yet and leaves stored ones as they are (an importer
 * must not overwrite actors a person curated); returns the ids inserted.
 */
export async function insertNewActors(sql: Sql, actors: readonly (Actor & { source?: unknown })[]): Promise<string[]> {
  if (actors.length === 0) return [];
  const rows = await sql.query<{ id: string }>(
    `insert into actors (id, name, kind, aliases, designated, source)
     select a.id, a.name, a.kind, array(select jsonb_array_elements_text(a.aliases)), a.designated, a.source
       from jsonb_to_recordset($1::jsonb) as a(id text, name text, kind text, aliases jsonb, designated boolean, source jsonb)
     on conflict (id) do nothing
     returning id`,
    [JSON.stringify(actors.map((a) => ({ ...a, source: a.source ?? null })))],
  );
  return rows.map((r) => r.id);
}
