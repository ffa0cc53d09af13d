-- Convoy requests and access constraints (docs/access.md). A humanitarian organization asks the
-- parties along a convoy's route, and the host state, to let it pass; each party decides; the
-- secretariat records the facilitation letter; the organizer reports the journey and the delivery,
-- line by line. Seen only by the organizer's organization, the organizations that decide for the
-- parties asked, and the secretariat (migration 020's truce_secretariat), whatever the reader's
-- clearance: not a classification but a list, as for notifications.

-- Which organization decides for which party (an actor) on convoy requests. An organization that
-- organizes a convoy runs it as the party it decides for (the spec's convoy rule sets the organizer
-- aside). A party without one has its decision recorded by the secretariat on its behalf.
create table convoy_requests_representatives (
  org_id text primary key references organizations (id),
  actor_id text not null references actors (id),
  set_at timestamptz not null default now()
);
create index convoy_requests_representatives_actor on convoy_requests_representatives (actor_id);

create table convoy_requests (
  id text primary key,
  name text not null check (length(name) between 1 and 200),
  organizer_org text not null references organizations (id),
  organizer_actor text references actors (id),
  route jsonb not null,                    -- a LineString, from the start to the last destination
  min_lon double precision not null,
  min_lat double precision not null,
  max_lon double precision not null,
  max_lat double precision not null,
  window_from timestamptz not null,
  window_to timestamptz not null check (window_to > window_from),
  beneficiaries_planned integer not null check (beneficiaries_planned >= 0),
  state text not null check (state in ('draft', 'submitted', 'approved', 'partly_approved', 'denied', 'letter_issued',
    'dispatched', 'arrived', 'turned_back', 'attacked', 'delivered')),
  -- Fixed at submission by the convoy rule, from the world as the organizer saw it then.
  required_approvals text[] not null default '{}',
  crosses_excluded text[] not null default '{}',
  route_zones text[] not null default '{}',
  submitted_at timestamptz,
  beneficiaries_reached integer check (beneficiaries_reached >= 0),
  -- The last change of control along the route after submission (a 'control_changed' step says which).
  control_changed_at timestamptz,
  created_at timestamptz not null default now(),
  created_by text,
  updated_at timestamptz not null default now()
);
create index convoy_requests_created on convoy_requests (created_at desc, id);
create index convoy_requests_organizer on convoy_requests (organizer_org);
create index convoy_requests_in_force on convoy_requests using gist (box(point(min_lon, min_lat), point(max_lon, max_lat)))
  where state in ('submitted', 'approved', 'partly_approved', 'letter_issued', 'dispatched');

create table convoy_requests_destinations (
  request_id text not null references convoy_requests (id) on delete cascade,
  position integer not null,
  name text not null check (length(name) between 1 and 200),
  lon double precision not null check (lon between -180 and 180),
  lat double precision not null check (lat between -90 and 90),
  primary key (request_id, position)
);

-- The cargo, line by line; the delivery fills in what was delivered and what was removed, and by whom.
create table convoy_requests_cargo (
  request_id text not null references convoy_requests (id) on delete cascade,
  position integer not null,
  item text not null check (length(item) between 1 and 200),
  quantity numeric not null check (quantity > 0),
  unit text not null check (length(unit) between 1 and 40),
  sector text not null check (sector in ('food', 'health', 'nutrition', 'wash', 'shelter', 'education', 'protection', 'other')),
  delivered numeric check (delivered >= 0),
  removed numeric check (removed >= 0),
  removed_by text references actors (id),
  removal_reason text,
  primary key (request_id, position)
);

-- One decision per party asked: approve, deny, or approve with conditions (items to remove, line by
-- line; destinations left out; conditions in words), with its time and reason.
create table convoy_requests_decisions (
  request_id text not null references convoy_requests (id) on delete cascade,
  actor_id text not null references actors (id),
  decision text not null check (decision in ('approve', 'approve_with_conditions', 'deny')),
  reason text not null default '',
  conditions text not null default '',
  removed jsonb not null default '[]',     -- [{"line": 0, "quantity": 200}]
  excluded_destinations integer[] not null default '{}',
  decided_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  recorded_by_org text not null references organizations (id),
  recorded_by text,
  primary key (request_id, actor_id)
);

-- The request's timeline: every step taken, when it happened and when it was recorded, by whom,
-- what it said, and the access incident it made (a convoy turned back or attacked).
create table convoy_requests_steps (
  seq bigserial primary key,
  request_id text not null references convoy_requests (id) on delete cascade,
  step text not null check (step in ('create', 'update', 'submit', 'decide', 'issue_letter', 'dispatch', 'arrive',
    'turn_back', 'report_attack', 'deliver', 'control_changed')),
  state_after text not null,
  at timestamptz not null,
  recorded_at timestamptz not null default now(),
  org_id text references organizations (id),
  username text,
  details jsonb not null default '{}',
  incident_id text references incidents (id)
);
create index convoy_requests_steps_request on convoy_requests_steps (request_id, seq);
create index convoy_requests_steps_incident on convoy_requests_steps (incident_id) where incident_id is not null;

-- Who sees a request: its organizer's organization, the secretariat, and the organizations that
-- decide for a party it asks. As the owner, so that the policies do not read each other.
create function truce_convoy_request_visible(organizer text, approvers text[]) returns boolean
  language sql stable security definer set search_path from current as $f$
  select coalesce(organizer = nullif(current_setting('truce.org', true), ''), false)
    or truce_secretariat()
    or exists (select 1 from convoy_requests_representatives r
               where r.org_id = nullif(current_setting('truce.org', true), '') and r.actor_id = any(approvers))
$f$;

alter table convoy_requests enable row level security;
create policy visible on convoy_requests to truce_reader
  using (truce_convoy_request_visible(organizer_org, required_approvals)) with check (true);
alter table convoy_requests_destinations enable row level security;
create policy visible on convoy_requests_destinations to truce_reader
  using (exists (select 1 from convoy_requests c where c.id = request_id)) with check (true);
alter table convoy_requests_cargo enable row level security;
create policy visible on convoy_requests_cargo to truce_reader
  using (exists (select 1 from convoy_requests c where c.id = request_id)) with check (true);
alter table convoy_requests_decisions enable row level security;
create policy visible on convoy_requests_decisions to truce_reader
  using (exists (select 1 from convoy_requests c where c.id = request_id)) with check (true);
alter table convoy_requests_steps enable row level security;
create policy visible on convoy_requests_steps to truce_reader
  using (exists (select 1 from convoy_requests c where c.id = request_id)) with check (true);
grant select on convoy_requests, convoy_requests_destinations, convoy_requests_cargo, convoy_requests_decisions,
  convoy_requests_steps, convoy_requests_representatives to truce_reader;

-- Audit entries of a request mention it (`convoy_request:<id>`): only who may see the request sees
-- them. The function of the migrations before is kept and asked for every other kind of record, so
-- that what they taught it stays.
alter function truce_record_visible(text, text) rename to truce_record_visible_before_027;
create function truce_record_visible(entity text, record_id text) returns boolean language sql stable as $f$
  select case entity
    when 'convoy_request' then exists (select 1 from convoy_requests c where c.id = record_id)
    else truce_record_visible_before_027(entity, record_id)
  end
$f$;

-- Access constraints: an incident of act access_denial says which kind of obstruction it was, in
-- OCHA's access categories (src/contract/access-constraints.ts).
alter table incidents add column access_category text
  check (access_category in ('denial_of_needs', 'restriction_of_services', 'impediments_to_entry', 'restriction_of_movement',
    'interference', 'removal_of_items', 'violence_against_personnel_assets', 'hostilities', 'explosive_hazards',
    'physical_environment')),
  add constraint incidents_access_category_act check (access_category is null or act = 'access_denial');
