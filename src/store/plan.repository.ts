/** What the parties are told in advance: protected sites, planned operations, convoys. */
import type { Geometry } from '../domain/geo.ts';
import type { Convoy, Operation, ProtectedSite } from '../domain/model.ts';
import type { Sql } from './database.ts';
import { ms, msOrNull, ts } from './rows.ts';

interface SiteRow { id: string; kind: string; owner: string; geometry: Geometry; buffer_m: number; valid_from: Date; valid_to: Date | null; notified_to: string[] }
interface OperationRow { id: string; actor: string; kind: string; area: Geometry; radius_m: number; window_from: Date; window_to: Date | null }
interface ConvoyRow { id: string; organizer: string; route: Geometry; window_from: Date; window_to: Date | null }

export async function listProtectedSites(sql: Sql): Promise<ProtectedSite[]> {
  const rows = await sql.query<SiteRow>('select * from protected_sites order by id');
  return rows.map((r) => ({
    id: r.id, kind: r.kind, owner: r.owner, geometry: r.geometry, bufferM: r.buffer_m,
    valid: { from: ms(r.valid_from), to: msOrNull(r.valid_to) }, notifiedTo: r.notified_to,
  }));
}

export async function listOperations(sql: Sql): Promise<Operation[]> {
  const rows = await sql.query<OperationRow>('select * from operations order by id');
  return rows.map((r) => ({
    id: r.id, actor: r.actor, kind: r.kind, area: r.area, radiusM: r.radius_m, window: { from: ms(r.window_from), to: msOrNull(r.window_to) },
  }));
}

export async function listConvoys(sql: Sql): Promise<Convoy[]> {
  const rows = await sql.query<ConvoyRow>('select * from convoys order by id');
  return rows.map((r) => ({ id: r.id, organizer: r.organizer, route: r.route, window: { from: ms(r.window_from), to: msOrNull(r.window_to) } }));
}

export async function saveProtectedSite(sql: Sql, s: ProtectedSite): Promise<void> {
  await sql.query(
    `insert into protected_sites (id, kind, owner, geometry, buffer_m, valid_from, valid_to, notified_to)
     values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
     on conflict (id) do update set kind = excluded.kind, owner = excluded.owner, geometry = excluded.geometry,
       buffer_m = excluded.buffer_m, valid_from = excluded.valid_from, valid_to = excluded.valid_to, notified_to = excluded.notified_to`,
    [s.id, s.kind, s.owner, JSON.stringify(s.geometry), s.bufferM, ts(s.valid.from), ts(s.valid.to), s.notifiedTo],
  );
}

export async function saveOperation(sql: Sql, o: Operation): Promise<void> {
  await sql.query(
    `insert into operations (id, actor, kind, area, radius_m, window_from, window_to) values ($1, $2, $3, $4::jsonb, $5, $6, $7)
     on conflict (id) do update set actor = excluded.actor, kind = excluded.kind, area = excluded.area,
       radius_m = excluded.radius_m, window_from = excluded.window_from, window_to = excluded.window_to`,
    [o.id, o.actor, o.kind, JSON.stringify(o.area), o.radiusM, ts(o.window.from), ts(o.window.to)],
  );
}

export async function saveConvoy(sql: Sql, c: Convoy): Promise<void> {
  await sql.query(
    `insert into convoys (id, organizer, route, window_from, window_to) values ($1, $2, $3::jsonb, $4, $5)
     on conflict (id) do update set organizer = excluded.organizer, route = excluded.route,
       window_from = excluded.window_from, window_to = excluded.window_to`,
    [c.id, c.organizer, JSON.stringify(c.route), ts(c.window.from), ts(c.window.to)],
  );
}
