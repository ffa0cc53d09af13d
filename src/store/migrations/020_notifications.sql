-- Humanitarian notifications (OCHA's Humanitarian Notification System): an organization tells the
-- parties where its static sites are and where its movements will go. A notification is not a
-- request for permission: the recipients are informed and acknowledge; they do not approve.
-- Seen only by its owner organization, its recipients and the secretariat (the UN organizations
-- of the task force), whatever the reader's clearance: not a classification but a list.
create table notifications (
  id text primary key,
  owner_org text not null references organizations (id),
  subject text not null check (subject in ('site', 'movement')),
  -- A site's kind (hospital, school, warehouse, office, idp_camp, other); null for a movement.
  site_kind text check (site_kind in ('hospital', 'school', 'warehouse', 'office', 'idp_camp', 'other')),
  name text not null,
  geometry jsonb not null,             -- a site: Point or Polygon; a movement: its route, a LineString
  buffer_m double precision not null default 0 check (buffer_m >= 0),
  vehicles text not null default '',   -- a movement's vehicles, as told
  cargo text not null default '',
  -- A site's period of validity, a movement's time window: it expires at valid_to.
  valid_from timestamptz not null,
  valid_to timestamptz not null check (valid_to > valid_from),
  acknowledge_by timestamptz not null,
  -- 1 when notified, one more at each renewal (which asks every recipient to acknowledge again).
  period integer not null default 1,
  created_at timestamptz not null default now(),
  created_by text,
  withdrawn_at timestamptz,
  withdrawn_by text
);
create index notifications_owner on notifications (owner_org, created_at);

create table notification_recipients (
  notification_id text not null references notifications (id),
  org_id text not null references organizations (id),
  acknowledged_at timestamptz,         -- null: not acknowledged in the current period
  acknowledged_by text,                -- the username
  primary key (notification_id, org_id)
);
create index notification_recipients_org on notification_recipients (org_id);

-- Whether the reader's organization is of the secretariat, and whether it may see a notification:
-- by the owner, as the system (the policies would otherwise read each other without end).
create function truce_secretariat() returns boolean
  language sql stable security definer set search_path from current as $f$
  select exists (select 1 from organizations o
                 where o.id = nullif(current_setting('truce.org', true), '') and o.kind = 'un' and o.task_force)
$f$;

create function truce_notification_visible(notification text, owner text) returns boolean
  language sql stable security definer set search_path from current as $f$
  select coalesce(owner = nullif(current_setting('truce.org', true), ''), false)
    or truce_secretariat()
    or exists (select 1 from notification_recipients r
               where r.notification_id = notification and r.org_id = nullif(current_setting('truce.org', true), ''))
$f$;

alter table notifications enable row level security;
create policy visible on notifications to truce_reader
  using (truce_notification_visible(id, owner_org)) with check (true);
alter table notification_recipients enable row level security;
create policy visible on notification_recipients to truce_reader
  using (truce_notification_visible(notification_id,
           (select n.owner_org from notifications n where n.id = notification_id))) with check (true);

grant select, insert, update on notifications, notification_recipients to truce_reader;
