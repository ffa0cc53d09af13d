-- Search that stays fast with a million records (bench/desk.bench.ts).
--
-- 1. Each record keeps its search vector, computed once when it is written: ranking no longer
--    normalises and parses every matching text again.
-- 2. The words are matched by the owner, through the GIN index, in a function: under row-level
--    security PostgreSQL may not test a record with an operator that is not leakproof (@@) before
--    its policy, so the reader's own query could only scan every record. The function returns
--    candidate ids and their rank, nothing else; the reader's query then reads the records by id,
--    under its policies, so a hidden record is never returned (docs/confidentiality.md).
-- 3. A word found in very many records is ranked among `candidates` of its matches (10,000 from
--    the repositories), not among every one. They are taken as the index finds them, with no order:
--    asking for the most recent made PostgreSQL walk the time index through every record for a
--    rare word (seconds at a million records).

alter table reports add column search_vector tsvector
  generated always as (truce_search_vector(coalesce(narrative, '') || ' ' || coalesce(source, ''))) stored;
drop index reports_search;
create index reports_search on reports using gin (search_vector);

alter table incidents add column search_vector tsvector
  generated always as (truce_search_vector(coalesce(headline, '') || ' ' || coalesce(place, ''))) stored;
drop index incidents_search;
create index incidents_search on incidents using gin (search_vector);

create function truce_search_reports(words text, candidates integer) returns table (id text, rank real)
  language sql stable security definer set search_path from current as $f$
  select c.id, ts_rank(c.search_vector, truce_search_query(words))
  from (select r.id, r.search_vector from reports r where r.search_vector @@ truce_search_query(words)
        limit candidates) c
$f$;

create function truce_search_incidents(words text, candidates integer) returns table (id text, rank real)
  language sql stable security definer set search_path from current as $f$
  select c.id, ts_rank(c.search_vector, truce_search_query(words))
  from (select i.id, i.search_vector from incidents i where i.search_vector @@ truce_search_query(words)
        limit candidates) c
$f$;
