-- Deconfliction reads only the targets that may be within reach (decision 024): each protected
-- site, notification and position is indexed by its widened box, the box in degrees of every
-- point within its buffer of its shape (the same box as domain/deconflict-index.ts, widenedBox;
-- both leave slack, so neither leaves a conflict out). A notice's check asks for the targets whose
-- widened box overlaps the box of its area widened by its radius; the domain then measures them.

-- The geometry's box widened by distance_m metres (the spec's sphere, 6,371,008.8 m): latitude by
-- the arc, longitude by asin(sin(arc) / cos(latitude)) at the box's latitude farthest from the
-- equator; every longitude when the arc reaches a pole or the box crosses the antimeridian. Null
-- for a geometry with no position (never within reach). It names nothing of ours: an index
-- expression may be evaluated with only pg_catalog on the search path (PostgreSQL 17's maintenance).
create function truce_widened_box(g jsonb, distance_m double precision) returns box
  language plpgsql immutable strict parallel safe as $f$
declare
  min_lon float8; min_lat float8; max_lon float8; max_lat float8;
  arc float8 := greatest(distance_m, 0) / 6371008.8;
  d_lat float8; d_lon float8; farthest float8;
begin
  -- Every position of every ring and part: [lon, lat] arrays at the depth the type puts them.
  select min((p->>0)::float8), min((p->>1)::float8), max((p->>0)::float8), max((p->>1)::float8)
    into min_lon, min_lat, max_lon, max_lat
    from jsonb_path_query(g, (case g->>'type'
      when 'Point' then '$.coordinates'
      when 'MultiPoint' then '$.coordinates[*]'
      when 'LineString' then '$.coordinates[*]'
      when 'MultiLineString' then '$.coordinates[*][*]'
      when 'Polygon' then '$.coordinates[*][*]'
      when 'MultiPolygon' then '$.coordinates[*][*][*]'
      else '$.none' end)::jsonpath) as p
    where jsonb_typeof(p) = 'array';
  if min_lon is null then
    return null;
  end if;
  d_lat := degrees(arc) * 1.000001 + 1e-7;
  farthest := radians(greatest(abs(min_lat), abs(max_lat)));
  if arc < pi() / 2 - farthest then
    d_lon := degrees(asin(least(1, sin(arc) / cos(farthest)))) * 1.000001 + 1e-7;
  end if;
  if d_lon is null or min_lon - d_lon < -180 or max_lon + d_lon > 180 then
    return box(point(-180, greatest(-90, min_lat - d_lat)), point(180, least(90, max_lat + d_lat)));
  end if;
  return box(point(min_lon - d_lon, greatest(-90, min_lat - d_lat)), point(max_lon + d_lon, least(90, max_lat + d_lat)));
end
$f$;

create index protected_sites_reach on protected_sites using gist (truce_widened_box(geometry, buffer_m));
create index notifications_reach on notifications using gist (truce_widened_box(geometry, buffer_m))
  where withdrawn_at is null;
create index positions_reach on positions using gist (truce_widened_box(geometry, buffer_m))
  where withdrawn_at is null;

-- The ids of the targets of each table (not withdrawn) whose widened box overlaps `reach`, read by
-- the owner so that the GiST index serves them: under row-level security the overlap (not
-- leakproof) could only be tested after each row's policy, on every row. The query that reads the
-- targets then asks for these ids as the reader, and row-level security decides which it sees (as
-- search does, migration 013).
-- In PL/pgSQL, whose plans are kept between calls (an SQL function's body is planned at each).
create function truce_sites_reaching(reach box) returns setof text
  language plpgsql stable security definer set search_path from current rows 20 as $f$
begin
  return query select s.id from protected_sites s where truce_widened_box(s.geometry, s.buffer_m) && reach;
end
$f$;
create function truce_notifications_reaching(reach box) returns setof text
  language plpgsql stable security definer set search_path from current rows 20 as $f$
begin
  return query select n.id from notifications n
    where n.withdrawn_at is null and truce_widened_box(n.geometry, n.buffer_m) && reach;
end
$f$;
create function truce_positions_reaching(reach box) returns setof text
  language plpgsql stable security definer set search_path from current rows 20 as $f$
begin
  return query select p.id from positions p
    where p.withdrawn_at is null and truce_widened_box(p.geometry, p.buffer_m) && reach;
end
$f$;
