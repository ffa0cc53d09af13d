-- Full-text search over reports (narrative, source) and incidents (headline, place), in English
-- and Arabic. Arabic is normalised before it is indexed or asked for, as people type it several
-- ways: diacritics (tashkeel) and tatweel dropped; alef with hamza or madda, and alef wasla,
-- read as a bare alef; ta marbuta as ha; alef maqsura as ya. English is stemmed ('english'),
-- everything else indexed as it is written, normalised ('simple').

create function truce_normalize(text) returns text language sql immutable parallel safe as $f$
  select translate(
    regexp_replace(lower(coalesce($1, '')), '[\u064B-\u065F\u0670\u0640]', '', 'g'),
    'أإآٱةى', 'ااااهي')
$f$;

-- They name truce_normalize: their search path is the one they were created with, as index
-- builds run with none (PostgreSQL 17, PGlite).
create function truce_search_vector(text) returns tsvector language sql immutable parallel safe
  set search_path from current as $f$
  select to_tsvector('english', coalesce($1, '')) || to_tsvector('simple', truce_normalize($1))
$f$;

create function truce_search_query(text) returns tsquery language sql immutable parallel safe
  set search_path from current as $f$
  select websearch_to_tsquery('english', coalesce($1, '')) || websearch_to_tsquery('simple', truce_normalize($1))
$f$;

create index reports_search on reports
  using gin (truce_search_vector(coalesce(narrative, '') || ' ' || coalesce(source, '')));
create index incidents_search on incidents
  using gin (truce_search_vector(coalesce(headline, '') || ' ' || coalesce(place, '')));
