-- Organizations and accounts, reports, classification of every record with row-level security,
-- and the hash-chained audit trail.

create table organizations (
  id text primary key,
  name text not null,
  kind text not null check (kind in ('co_chair', 'un', 'humanitarian', 'monitor', 'party', 'other')),
  -- A member of the ceasefire task force: sees records classified task_force.
  task_force boolean not null default false,
  created_at timestamptz not null default now()
);

create table users (
  id text primary key,
  org_id text not null references organizations (id),
  username text not null unique,
  display_name text not null default '',
  role text not null check (role in ('admin', 'analyst', 'monitor', 'reporter', 'humanitarian', 'observer')),
  password_hash text,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);

create table sessions (
  token_hash text primary key,        -- sha256 of the cookie's token; the token itself is never stored
  user_id text not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id text primary key,
  user_id text not null references users (id) on delete cascade,
  name text not null,
  token_hash text not null unique,    -- sha256 of the token
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Classification: public, task_force, co_chairs, or org (the owning organization only).
-- The owning organization always sees its own records.
alter table agreements add column classification text not null default 'public'
  check (classification in ('public', 'task_force', 'co_chairs', 'org'));
alter table agreements add column owner_org text references organizations (id);
alter table agreement_clauses add column classification text not null default 'public'
  check (classification in ('public', 'task_force', 'co_chairs', 'org'));
alter table agreement_clauses add column owner_org text references organizations (id);
alter table zones add column classification text not null default 'public'
  check (classification in ('public', 'task_force', 'co_chairs', 'org'));
alter table zones add column owner_org text references organizations (id);
alter table incidents add column classification text not null default 'public'
  check (classification in ('public', 'task_force', 'co_chairs', 'org'));
alter table incidents add column owner_org text references organizations (id);
alter table incidents add column status text not null default 'reported'
  check (status in ('reported', 'under_review', 'verified', 'disputed', 'discounted'));
alter table incidents add column grade text
  check (grade in ('confirmed', 'fair', 'weak', 'contested', 'discounted'));
alter table incidents add column created_at timestamptz not null default now();
alter table incidents add column updated_at timestamptz not null default now();
alter table protected_sites add column classification text not null default 'public'
  check (classification in ('public', 'task_force', 'co_chairs', 'org'));
alter table protected_sites add column owner_org text references organizations (id);
alter table operations add column classification text not null default 'public'
  check (classification in ('public', 'task_force', 'co_chairs', 'org'));
alter table operations add column owner_org text references organizations (id);
alter table convoys add column classification text not null default 'public'
  check (classification in ('public', 'task_force', 'co_chairs', 'org'));
alter table convoys add column owner_org text references organizations (id);

-- A report: one source's account of an event. Reports are linked into incidents; an incident
-- keeps every account side by side, contradictory ones included.
create table reports (
  id text primary key,
  incident_id text references incidents (id),
  org_id text not null references organizations (id),
  created_by text references users (id),
  channel text not null check (channel in ('web', 'api', 'hotline', 'import')),
  received_at timestamptz not null default now(),
  narrative text not null default '',
  claimed_at timestamptz not null,
  time_precision_s integer not null default 0,  -- plus or minus, seconds
  lon double precision not null check (lon between -180 and 180),
  lat double precision not null check (lat between -90 and 90),
  location_precision_m integer not null default 0,
  alleged_perpetrator text references actors (id),
  target_civilian text,
  target_actor text references actors (id),
  act text not null,
  casualties_low integer check (casualties_low >= 0),
  casualties_best integer check (casualties_best >= 0),
  casualties_high integer check (casualties_high >= 0),
  classification text not null default 'org' check (classification in ('public', 'task_force', 'co_chairs', 'org')),
  owner_org text references organizations (id),
  check (casualties_low is null or casualties_best is null or casualties_low <= casualties_best),
  check (casualties_best is null or casualties_high is null or casualties_best <= casualties_high)
);
create index reports_incident on reports (incident_id);
create index reports_claimed_at on reports (claimed_at);
create index reports_location on reports using gist (point(lon, lat));

create table report_attachments (
  id text primary key,
  report_id text not null references reports (id) on delete cascade,
  filename text not null,
  media_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index report_attachments_report on report_attachments (report_id);

-- The audit trail. Each entry's content hash is computed when it is written; a sealer then
-- appends entries to the chain in order: chain_hash = sha256(prev_hash || entry_hash).
-- Any edit, deletion or reordering made directly in the database breaks the chain.
create table audit_log (
  seq bigserial primary key,
  at timestamptz not null,
  user_id text,
  org_id text,
  action text not null,               -- create, update, delete, login, ...
  entity text not null,               -- report, incident, user, ...
  entity_id text not null,
  classification text not null default 'public',
  owner_org text,
  before jsonb,
  after jsonb,
  entry_hash text not null,
  chain_pos bigint unique,
  prev_hash text,
  chain_hash text
);
create index audit_log_entity on audit_log (entity, entity_id, seq);
create index audit_log_unsealed on audit_log (seq) where chain_pos is null;

-- Row-level security: requests read and write as truce_reader, with their clearance in
-- transaction settings (truce.org, truce.clearance). Only the owner role (used for migrations,
-- adjudication and the audit sealer) sees everything.
do $$ begin
  create role truce_reader nologin;
exception when duplicate_object then null;
end $$;

create function truce_visible(cls text, owner text) returns boolean language sql stable as $f$
  select coalesce(owner = nullif(current_setting('truce.org', true), ''), false)
    or case cls
         when 'public' then true
         when 'task_force' then coalesce(current_setting('truce.clearance', true), '') in ('task_force', 'co_chairs')
         when 'co_chairs' then coalesce(current_setting('truce.clearance', true), '') = 'co_chairs'
         else false
       end
$f$;

alter table agreements enable row level security;
create policy visible on agreements to truce_reader using (truce_visible(classification, owner_org)) with check (true);
alter table agreement_clauses enable row level security;
create policy visible on agreement_clauses to truce_reader using (truce_visible(classification, owner_org)) with check (true);
alter table agreement_parties enable row level security;
create policy visible on agreement_parties to truce_reader using (exists (select 1 from agreements g where g.id = agreement_id)) with check (true);
alter table agreement_in_force enable row level security;
create policy visible on agreement_in_force to truce_reader using (exists (select 1 from agreements g where g.id = agreement_id)) with check (true);
alter table zones enable row level security;
create policy visible on zones to truce_reader using (truce_visible(classification, owner_org)) with check (true);
alter table zone_control enable row level security;
create policy visible on zone_control to truce_reader using (exists (select 1 from zones z where z.id = zone_id)) with check (true);
alter table incidents enable row level security;
create policy visible on incidents to truce_reader using (truce_visible(classification, owner_org)) with check (true);
alter table reports enable row level security;
create policy visible on reports to truce_reader using (truce_visible(classification, owner_org)) with check (true);
alter table report_attachments enable row level security;
create policy visible on report_attachments to truce_reader using (exists (select 1 from reports r where r.id = report_id)) with check (true);
alter table protected_sites enable row level security;
create policy visible on protected_sites to truce_reader using (truce_visible(classification, owner_org)) with check (true);
alter table operations enable row level security;
create policy visible on operations to truce_reader using (truce_visible(classification, owner_org)) with check (true);
alter table convoys enable row level security;
create policy visible on convoys to truce_reader using (truce_visible(classification, owner_org)) with check (true);
alter table findings enable row level security;
create policy visible on findings to truce_reader using (
  case kind when 'incident' then exists (select 1 from incidents i where i.id = subject_id)
            else exists (select 1 from zones z where z.id = subject_id) end) with check (true);
alter table finding_history enable row level security;
create policy visible on finding_history to truce_reader using (
  case kind when 'incident' then exists (select 1 from incidents i where i.id = subject_id)
            else exists (select 1 from zones z where z.id = subject_id) end) with check (true);
alter table audit_log enable row level security;
create policy visible on audit_log for select to truce_reader using (truce_visible(classification, owner_org));
create policy append on audit_log for insert to truce_reader with check (true);

do $$ begin
  execute format('grant usage on schema %I to truce_reader', current_schema());
  execute format('grant select, insert, update, delete on all tables in schema %I to truce_reader', current_schema());
  execute format('grant usage on all sequences in schema %I to truce_reader', current_schema());
  -- The trail is append-only for requests; accounts are read and written by the server itself.
  execute format('revoke update, delete on audit_log from truce_reader');
  execute format('revoke all on users, sessions, api_tokens, schema_migrations from truce_reader');
end $$;

-- The server's own login must be able to act as truce_reader (a superuser already can).
do $$ begin
  execute format('grant truce_reader to %I', current_user);
exception when others then null;
end $$;
