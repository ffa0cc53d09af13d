-- The parties' own positions (issue 10, item 2): troops, advisers, an observation post, a
-- headquarters, recorded by the organization whose they are, with a buffer and a period of
-- validity, and shared with the organizations it names. Seen ONLY by its owner organization and
-- those recipients: not by the secretariat unless named, whatever anyone's clearance (not a
-- classification but a list, as notifications in migration 020).
create table positions (
  id text primary key,
  owner_org text not null references organizations (id),
  name text not null,
  kind text not null check (kind in ('troops', 'advisers', 'observation_post', 'headquarters', 'other')),
  geometry jsonb not null,             -- a Point
  buffer_m double precision not null default 0 check (buffer_m >= 0),
  valid_from timestamptz not null,
  valid_to timestamptz check (valid_to is null or valid_to > valid_from),  -- null: until withdrawn
  created_at timestamptz not null default now(),
  created_by text,
  updated_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  withdrawn_by text
);
create index positions_owner on positions (owner_org, created_at);

create table position_recipients (
  position_id text not null references positions (id),
  org_id text not null references organizations (id),
  primary key (position_id, org_id)
);
create index position_recipients_org on position_recipients (org_id);

-- By the owner, as the system: the two tables' policies would otherwise read each other without end.
create function truce_position_visible(pos text, owner text) returns boolean
  language sql stable security definer set search_path from current as $f$
  select coalesce(owner = nullif(current_setting('truce.org', true), ''), false)
    or exists (select 1 from position_recipients r
               where r.position_id = pos and r.org_id = nullif(current_setting('truce.org', true), ''))
$f$;

alter table positions enable row level security;
create policy visible on positions to truce_reader using (truce_position_visible(id, owner_org)) with check (true);
alter table position_recipients enable row level security;
create policy visible on position_recipients to truce_reader
  using (truce_position_visible(position_id, (select p.owner_org from positions p where p.id = position_id))) with check (true);
grant select on positions, position_recipients to truce_reader;

-- Audit entries naming a position or a notification follow it (`mentions`).
create or replace function truce_record_visible(entity text, record_id text) returns boolean language sql stable as $f$
  select case entity
    when 'report' then exists (select 1 from reports r where r.id = record_id)
    when 'incident' then exists (select 1 from incidents i where i.id = record_id)
    when 'agreement' then exists (select 1 from agreements g where g.id = record_id)
    when 'zone' then exists (select 1 from zones z where z.id = record_id)
    when 'protected_site' then exists (select 1 from protected_sites s where s.id = record_id)
    when 'operation' then exists (select 1 from operations o where o.id = record_id)
    when 'convoy' then exists (select 1 from convoys c where c.id = record_id)
    when 'hotline_thread' then exists (select 1 from hotline_threads t where t.id = record_id)
    when 'notification' then exists (select 1 from notifications n where n.id = record_id)
    when 'position' then exists (select 1 from positions p where p.id = record_id)
    when 'actor' then true
    else false
  end
$f$;
