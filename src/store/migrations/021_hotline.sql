-- The hotline (docs/hotline.md): urgent threads between organizations. A thread is opened by one
-- organization to others (its recipients), with a priority; each recipient acknowledges; the thread
-- is resolved. Deadlines are due times written against the database clock (now()): an escalation is
-- due when its time has passed and a recipient has not acknowledged, and is claimed by setting its
-- `escalated_*_at` where it is still null, so that it fires once whatever the number of servers.
create table hotline_threads (
  id text primary key,
  opened_by_org text not null references organizations (id),
  opened_by_user text,
  subject text not null,
  priority text not null check (priority in ('urgent', 'high', 'routine')),
  lon double precision,
  lat double precision,
  -- Linked records as `entity:id` (incident:..., later protected_site:..., operation:...).
  links text[] not null default '{}',
  opened_at timestamptz not null default now(),
  ack_due_at timestamptz not null,
  second_due_at timestamptz not null,
  escalated_at timestamptz,
  escalated_again_at timestamptz,
  resolved_at timestamptz,
  resolved_by_org text references organizations (id),
  check ((lon is null) = (lat is null))
);
create index hotline_threads_opened on hotline_threads (opened_at desc, id);
create index hotline_threads_first_due on hotline_threads (ack_due_at) where escalated_at is null and resolved_at is null;
create index hotline_threads_second_due on hotline_threads (second_due_at) where escalated_again_at is null and resolved_at is null;

create table hotline_recipients (
  thread_id text not null references hotline_threads (id),
  org_id text not null references organizations (id),
  acknowledged_at timestamptz,
  acknowledged_by text,
  primary key (thread_id, org_id)
);
create index hotline_recipients_org on hotline_recipients (org_id);

-- The timeline: opened, message, acknowledged, escalated (level 1 or 2), resolved.
create table hotline_entries (
  seq bigserial primary key,
  thread_id text not null references hotline_threads (id),
  at timestamptz not null default now(),
  kind text not null check (kind in ('opened', 'message', 'acknowledged', 'escalated', 'resolved')),
  org_id text references organizations (id),
  user_id text,
  body text,
  level smallint
);
create index hotline_entries_thread on hotline_entries (thread_id, seq);

-- The secretariat: an organization of the UN on the task force (the Office of the Special Envoy, which
-- hosts the task force's secretariat), as for notifications (migration 020, truce_secretariat). It sees
-- every thread and is where threads escalate.
create function truce_hotline_secretariat() returns boolean language sql stable as $f$
  select truce_secretariat()
$f$;

-- A thread is seen by the organization that opened it, its recipients and the secretariat; anyone else
-- finds nothing (404, never 403).
create function truce_hotline_visible(thread text, opener text) returns boolean language sql stable
  security definer set search_path from current as $f$
  select coalesce(opener = nullif(current_setting('truce.org', true), ''), false)
    or exists (select 1 from hotline_recipients r
                where r.thread_id = thread and r.org_id = nullif(current_setting('truce.org', true), ''))
    or truce_hotline_secretariat()
$f$;

alter table hotline_threads enable row level security;
create policy visible on hotline_threads to truce_reader using (truce_hotline_visible(id, opened_by_org)) with check (true);
alter table hotline_recipients enable row level security;
create policy visible on hotline_recipients to truce_reader using (exists (select 1 from hotline_threads t where t.id = thread_id)) with check (true);
alter table hotline_entries enable row level security;
create policy visible on hotline_entries to truce_reader using (exists (select 1 from hotline_threads t where t.id = thread_id)) with check (true);
grant select on hotline_threads, hotline_recipients, hotline_entries to truce_reader;

-- Audit entries of a thread mention it (`hotline_thread:<id>`): only who may see the thread sees them.
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
    when 'actor' then true
    else false
  end
$f$;
