-- Migration 025's widened box without an error for the tiniest numbers (found by the property test:
-- a position at [-1e-323, 4.4e-323] with a buffer of 6e-277 m answered 500 on PostgreSQL, whose
-- float arithmetic raises an error on underflow). A buffer of a micrometre or less counts as none
-- and a latitude within a nanodegree of the equator as on it: the box's slack (1e-7 degrees) covers
-- both. Boxes move by 1e-10 degrees at most, and only for such buffers and latitudes; the indexes
-- are built again all the same, so that each holds what the function now gives.

create or replace function truce_widened_box(g jsonb, distance_m double precision) returns box
  language plpgsql immutable strict parallel safe as $f$
declare
  min_lon float8; min_lat float8; max_lon float8; max_lat float8;
  -- A micrometre or less is no buffer: a smaller one would underflow PostgreSQL's arithmetic.
  arc float8 := case when distance_m > 1e-6 then distance_m / 6371008.8 else 0 end;
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
  farthest := greatest(abs(min_lat), abs(max_lat));
  -- Within a nanodegree of the equator is on it: radians() of a subnormal latitude is an underflow error.
  farthest := case when farthest > 1e-9 then radians(farthest) else 0 end;
  if arc < pi() / 2 - farthest then
    d_lon := degrees(asin(least(1, sin(arc) / cos(farthest)))) * 1.000001 + 1e-7;
  end if;
  if d_lon is null or min_lon - d_lon < -180 or max_lon + d_lon > 180 then
    return box(point(-180, greatest(-90, min_lat - d_lat)), point(180, least(90, max_lat + d_lat)));
  end if;
  return box(point(min_lon - d_lon, greatest(-90, min_lat - d_lat)), point(max_lon + d_lon, least(90, max_lat + d_lat)));
end
$f$;

reindex index protected_sites_reach;
reindex index notifications_reach;
reindex index positions_reach;
