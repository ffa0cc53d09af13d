-- The world a truce is judged in: actors, agreements, zones of control, incidents, protected
-- sites, planned operations, convoys, and the findings the rules give, with their history.
-- Runs unchanged on PostgreSQL 15 and on PGlite (PostgreSQL 18).

create table settings (
  key text primary key,
  value jsonb not null
);

create table actors (
  id text primary key,
  name text not null,
  kind text not null check (kind in ('state', 'coalition', 'armed_group', 'humanitarian', 'un', 'monitor')),
  aliases text[] not null default '{}',
  designated boolean not null default false,
  -- Where the actor came from when it was not entered by hand, e.g. {"ucdp_actor_id": 118}.
  source jsonb
);

create table agreements (
  id text primary key,
  title text not null default '',
  scope jsonb,                        -- GeoJSON Polygon or MultiPolygon; null = everywhere
  excluded text[] not null default '{}',
  prohibited text[] not null default '{}',
  self_defense boolean not null default false
);

create table agreement_in_force (
  agreement_id text not null references agreements (id) on delete cascade,
  position integer not null,
  valid_from timestamptz not null,
  valid_to timestamptz,
  primary key (agreement_id, position),
  check (valid_to is null or valid_to > valid_from)
);

create table agreement_parties (
  agreement_id text not null references agreements (id) on delete cascade,
  position integer not null,
  actor_id text not null references actors (id),
  accepted_at timestamptz not null,
  until timestamptz,
  channel text,
  caveats text[] not null default '{}',
  primary key (agreement_id, position)
);

create table agreement_clauses (
  agreement_id text not null references agreements (id) on delete cascade,
  position integer not null,
  code text not null,
  text text not null,
  acts text[] not null default '{}',
  primary key (agreement_id, position)
);

create table zones (
  id text primary key,
  name text not null default '',
  geometry jsonb not null,
  min_lon double precision not null,
  min_lat double precision not null,
  max_lon double precision not null,
  max_lat double precision not null
);
create index zones_bbox on zones using gist (box(point(min_lon, min_lat), point(max_lon, max_lat)));

create table zone_control (
  zone_id text not null references zones (id) on delete cascade,
  position integer not null,
  actors text[] not null,
  valid_from timestamptz not null,
  valid_to timestamptz,
  primary key (zone_id, position),
  check (valid_to is null or valid_to > valid_from)
);

create table incidents (
  id text primary key,
  occurred_at timestamptz not null,
  -- The end of the window the incident is known to fall in, when its date is imprecise.
  occurred_until timestamptz,
  date_precision smallint,            -- UCDP date_prec: 1 exact day ... 5 year
  lon double precision not null check (lon between -180 and 180),
  lat double precision not null check (lat between -90 and 90),
  location_precision smallint,        -- UCDP where_prec: 1 exact place ... 7 water/air
  place text,
  act text not null,
  perpetrator text references actors (id),
  target_civilian text,
  target_actor text references actors (id),
  self_defense_claim boolean not null default false,
  deaths_low integer,
  deaths_best integer,
  deaths_high integer,
  deaths jsonb,                       -- by side: {"a": 2, "b": 0, "civilians": 1, "unknown": 0}
  sides text[] not null default '{}', -- the actors involved, attributed or not
  source text,                        -- e.g. ucdp
  source_ref text,                    -- the source's own id
  headline text,
  check (target_civilian is null or target_actor is null)
);
create index incidents_occurred_at on incidents (occurred_at);
create index incidents_location on incidents using gist (point(lon, lat));
create unique index incidents_source_ref on incidents (source, source_ref) where source_ref is not null;

create table protected_sites (
  id text primary key,
  kind text not null,
  owner text not null references actors (id),
  geometry jsonb not null,
  buffer_m double precision not null check (buffer_m >= 0),
  valid_from timestamptz not null,
  valid_to timestamptz,
  notified_to text[] not null default '{}'
);

create table operations (
  id text primary key,
  actor text not null references actors (id),
  kind text not null,
  area jsonb not null,
  radius_m double precision not null default 0 check (radius_m >= 0),
  window_from timestamptz not null,
  window_to timestamptz
);

create table convoys (
  id text primary key,
  organizer text not null references actors (id),
  route jsonb not null,
  window_from timestamptz not null,
  window_to timestamptz
);

-- Findings: one row per (subject, agreement), the current judgement. `key` names it:
-- incident:<id>:<agreement or -> or territory:<zone>:<epoch ms>:<agreement>.
create table findings (
  key text primary key,
  kind text not null check (kind in ('incident', 'territory')),
  subject_id text not null,           -- the incident or the zone
  agreement_id text,
  at timestamptz not null,            -- the incident's time, or the change of control's
  verdict text not null check (verdict in ('violation', 'needs_review', 'permitted', 'not_covered')),
  violators text[] not null default '{}',
  reasons text[] not null,
  rule integer not null,
  obligation text,
  explanation text not null,
  facts jsonb,                        -- what else decided it, e.g. a change's gainers and losers
  rules_version text not null,
  computed_at timestamptz not null default now()
);
create index findings_subject on findings (kind, subject_id);
create index findings_agreement_at on findings (agreement_id, at);
create index findings_verdict on findings (verdict);

-- Every finding a recomputation replaced or withdrew, as it stood.
create table finding_history (
  id bigserial primary key,
  key text not null,
  kind text not null,
  subject_id text not null,
  agreement_id text,
  at timestamptz not null,
  verdict text not null,
  violators text[] not null,
  reasons text[] not null,
  rule integer not null,
  obligation text,
  explanation text not null,
  facts jsonb,
  rules_version text not null,
  computed_at timestamptz not null,
  superseded_at timestamptz not null default now(),
  -- What replaced it: the new verdict, or null when the finding no longer applies.
  superseded_by_verdict text,
  cause text not null
);
create index finding_history_key on finding_history (key, id);
