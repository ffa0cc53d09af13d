-- Besieged and hard-to-reach areas, and local agreements with their evacuations (docs/access.md).
--
-- A besieged area (OCHA: "surrounded by armed actors with the sustained effect that humanitarian
-- assistance cannot regularly enter, and civilians, the sick and wounded cannot regularly exit")
-- is an area of its own (a Polygon or MultiPolygon) or the area of a zone of control. Its status,
-- its besiegers, its population and the deliveries that reached it are each dated: the dashboard
-- reads them as of a day. Population estimates are never changed or removed: each is a version,
-- by its date and its source, and a correction is one more.
--
-- A local agreement (a "reconciliation", a surrender or evacuation deal) names its zone, its
-- parties and its mediators or guarantors, its terms and its date, and the change of control of
-- that zone which followed it (the zone's control entry starting at `control_change_at`): the
-- territory finding of that change then says it came by agreement. Its evacuations move people by
-- category (fighters, civilians, wounded) from origins to destinations.
--
-- Dates are calendar days (`date`): a count, a delivery, a deal is dated by its day as the source
-- gives it. Every record is classified like the world's other records, and what hangs from a
-- record (a status, a besieger, a delivery, a party, an evacuation) is seen with it only. A record
-- tied to a zone is seen only by whoever may see the zone: it names the zone.

create table besieged_areas (
  id text primary key,
  name text not null check (length(name) between 1 and 200),
  name_ar text check (name_ar is null or length(name_ar) <= 200),
  -- The area: a zone's, or its own geometry (GeoJSON Polygon or MultiPolygon), one or the other.
  zone_id text references zones (id),
  geometry jsonb,
  classification text not null default 'public' check (classification in ('public', 'task_force', 'co_chairs', 'org')),
  owner_org text references organizations (id),
  created_at timestamptz not null default now(),
  check ((zone_id is null) <> (geometry is null))
);
create index besieged_areas_zone on besieged_areas (zone_id);

-- Besieged, hard to reach, no longer besieged: each from a day (one status a day).
create table besieged_area_statuses (
  area_id text not null references besieged_areas (id),
  since date not null,
  status text not null check (status in ('besieged', 'hard_to_reach', 'no_longer_besieged')),
  source text,
  primary key (area_id, since)
);

-- Who besieges it, and since when (null: not known).
create table besieged_area_besiegers (
  area_id text not null references besieged_areas (id),
  position integer not null,
  actor_id text not null references actors (id),
  since date,
  primary key (area_id, position),
  unique (area_id, actor_id)
);

-- Population estimates, every version kept. An estimate with no area counts every besieged
-- location together (OCHA's overall figure, with how many locations it covers).
create table population_estimates (
  id text primary key,
  area_id text references besieged_areas (id),
  as_of date not null,
  population integer not null check (population >= 0),
  locations integer check (locations >= 0),
  source text not null check (length(source) between 1 and 500),
  note text not null default '',
  classification text not null default 'public' check (classification in ('public', 'task_force', 'co_chairs', 'org')),
  owner_org text references organizations (id),
  recorded_at timestamptz not null default now(),
  recorded_by text,
  check (area_id is null or locations is null)
);
create index population_estimates_area on population_estimates (area_id, as_of);

-- Aid that reached an area, by day and source. The convoy requests' deliveries (migration 027,
-- another branch) are to feed this once both are merged (docs/access.md).
create table area_deliveries (
  id text primary key,
  area_id text not null references besieged_areas (id),
  delivered_on date not null,
  description text not null default '',
  source text not null check (length(source) between 1 and 500),
  recorded_at timestamptz not null default now(),
  recorded_by text
);
create index area_deliveries_area on area_deliveries (area_id, delivered_on);

create table local_agreements (
  id text primary key,
  name text not null check (length(name) between 1 and 200),
  name_ar text check (name_ar is null or length(name_ar) <= 200),
  zone_id text not null references zones (id),
  concluded_on date not null,
  terms text not null default '',
  source text,
  -- The change of control that followed: the instant the zone's new control entry starts.
  control_change_at timestamptz,
  classification text not null default 'public' check (classification in ('public', 'task_force', 'co_chairs', 'org')),
  owner_org text references organizations (id),
  created_at timestamptz not null default now()
);
create index local_agreements_change on local_agreements (zone_id, control_change_at);
create index local_agreements_concluded on local_agreements (concluded_on, id);

-- The parties (actors of the world) and the mediators or guarantors (an actor, or a name when
-- they are no actor of the world: a local committee, a notable).
create table local_agreement_parties (
  agreement_id text not null references local_agreements (id),
  position integer not null,
  role text not null check (role in ('party', 'mediator', 'guarantor')),
  actor_id text references actors (id),
  name text check (name is null or length(name) between 1 and 200),
  primary key (agreement_id, position),
  check ((actor_id is null) <> (name is null)),
  check (role <> 'party' or actor_id is not null)
);

create table evacuations (
  id text primary key,
  agreement_id text not null references local_agreements (id),
  status text not null check (status in ('planned', 'under_way', 'completed', 'suspended', 'cancelled')),
  started_on date not null,
  ended_on date,
  -- People moved, by category; null: not known. `total` when a source gives only the whole.
  fighters integer check (fighters >= 0),
  civilians integer check (civilians >= 0),
  wounded integer check (wounded >= 0),
  total integer check (total >= 0),
  -- Places as [{"name": ..., "name_ar": ...}].
  origins jsonb not null default '[]',
  destinations jsonb not null default '[]',
  source text,
  note text not null default '',
  recorded_at timestamptz not null default now(),
  recorded_by text,
  check (ended_on is null or ended_on >= started_on)
);
create index evacuations_agreement on evacuations (agreement_id, started_on);

alter table besieged_areas enable row level security;
create policy visible on besieged_areas to truce_reader using (
  truce_visible(classification, owner_org)
  and (zone_id is null or exists (select 1 from zones z where z.id = zone_id))) with check (true);
alter table besieged_area_statuses enable row level security;
create policy visible on besieged_area_statuses to truce_reader
  using (exists (select 1 from besieged_areas a where a.id = area_id)) with check (true);
alter table besieged_area_besiegers enable row level security;
create policy visible on besieged_area_besiegers to truce_reader
  using (exists (select 1 from besieged_areas a where a.id = area_id)) with check (true);
alter table population_estimates enable row level security;
create policy visible on population_estimates to truce_reader using (
  truce_visible(classification, owner_org)
  and (area_id is null or exists (select 1 from besieged_areas a where a.id = area_id))) with check (true);
alter table area_deliveries enable row level security;
create policy visible on area_deliveries to truce_reader
  using (exists (select 1 from besieged_areas a where a.id = area_id)) with check (true);
alter table local_agreements enable row level security;
create policy visible on local_agreements to truce_reader using (
  truce_visible(classification, owner_org) and exists (select 1 from zones z where z.id = zone_id)) with check (true);
alter table local_agreement_parties enable row level security;
create policy visible on local_agreement_parties to truce_reader
  using (exists (select 1 from local_agreements g where g.id = agreement_id)) with check (true);
alter table evacuations enable row level security;
create policy visible on evacuations to truce_reader
  using (exists (select 1 from local_agreements g where g.id = agreement_id)) with check (true);

grant select, insert, update, delete on besieged_areas, besieged_area_statuses, besieged_area_besiegers,
  population_estimates, area_deliveries, local_agreements, local_agreement_parties, evacuations to truce_reader;
