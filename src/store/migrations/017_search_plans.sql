-- Search planned for the words asked (bench/desk.bench.ts). A SQL function's query is planned
-- for any words: PostgreSQL took the GIN index for every search, and for a word found in half a
-- million records it built the bitmap of all of them before taking the first candidates (close
-- to a second). Planned for the words themselves, with the query written in as a constant, the
-- planner reads the statistics of the search vectors: a common word is found by reading the
-- table until there are enough candidates, a rare one through the index.
--
-- Otherwise as migration 013: the owner matches the words and returns ids and ranks only; the
-- reader's query reads the records by id under its policies.

create or replace function truce_search_reports(words text, candidates integer) returns table (id text, rank real)
  language plpgsql stable security definer set search_path from current as $f$
begin
  return query execute format(
    'select c.id, ts_rank(c.search_vector, %1$L::tsquery)
       from (select r.id, r.search_vector from reports r where r.search_vector @@ %1$L::tsquery limit $1) c',
    truce_search_query(words)::text)
    using candidates;
end
$f$;

create or replace function truce_search_incidents(words text, candidates integer) returns table (id text, rank real)
  language plpgsql stable security definer set search_path from current as $f$
begin
  return query execute format(
    'select c.id, ts_rank(c.search_vector, %1$L::tsquery)
       from (select i.id, i.search_vector from incidents i where i.search_vector @@ %1$L::tsquery limit $1) c',
    truce_search_query(words)::text)
    using candidates;
end
$f$;
