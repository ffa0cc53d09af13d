-- Operation notices (issue 10, item 3; docs/deconfliction.md): an operation declared by an
-- organization (`owner_org` set) is checked at once against the protected sites, the notified
-- sites and movements, and the parties' positions valid in its window, and its conflicts are
-- stored. A change checks it again and replaces them; a withdrawal closes them; a target made or
-- renewed later is checked against the notices in force. Conflicts are never deleted: a replaced
-- or closed one keeps `closed_at` and why.
alter table operations
  add column created_at timestamptz not null default now(),
  add column updated_at timestamptz,
  add column withdrawn_at timestamptz,
  add column withdrawn_by text;

create table operation_conflicts (
  id text primary key,
  operation_id text not null references operations (id),
  target_kind text not null check (target_kind in ('protected_site', 'notification_site', 'movement', 'position')),
  target_id text not null,
  -- The organization alerted: the owner of the notification or position, the organization that added the site.
  target_owner_org text references organizations (id),
  clearance_m integer not null check (clearance_m >= 0),
  -- A site: the operation's actor is in its notified_to; a notification or a position: the declaring
  -- organization is one of its recipients. False: the declaring party was never told of it.
  notified boolean not null,
  computed_at timestamptz not null default now(),
  closed_at timestamptz,
  closed_reason text check (closed_reason in ('rechecked', 'withdrawn', 'target_changed', 'target_withdrawn')),
  check ((closed_at is null) = (closed_reason is null))
);
create index operations_notices on operations (created_at desc, id desc) where owner_org is not null;

create unique index operation_conflicts_open on operation_conflicts (operation_id, target_kind, target_id) where closed_at is null;
create index operation_conflicts_target on operation_conflicts (target_kind, target_id) where closed_at is null;
create index operation_conflicts_owner on operation_conflicts (target_owner_org) where closed_at is null;
create index operation_conflicts_history on operation_conflicts (operation_id, computed_at);

-- Whether the reader may see the target: row-level security of its own table answers (run as the reader).
create function truce_conflict_target_visible(kind text, target text) returns boolean language sql stable as $f$
  select case kind
    when 'protected_site' then exists (select 1 from protected_sites s where s.id = target)
    when 'notification_site' then exists (select 1 from notifications n where n.id = target)
    when 'movement' then exists (select 1 from notifications n where n.id = target)
    when 'position' then exists (select 1 from positions p where p.id = target)
    else false
  end
$f$;

-- A conflict is derived from the operation and the target: seen by who may see both (the declaring
-- organization sees its conflicts with the targets it may see; nothing, not even a count, of the
-- others). The secretariat (migration 020) sees every conflict with a target it may see, whatever
-- the operation's classification: the operation's own detail stays with its classification.
alter table operation_conflicts enable row level security;
create policy visible on operation_conflicts to truce_reader using (
  truce_conflict_target_visible(target_kind, target_id)
  and (exists (select 1 from operations o where o.id = operation_id) or truce_secretariat())) with check (true);
grant select on operation_conflicts to truce_reader;

-- What the secretariat is told of every notice, those whose operation its clearance does not show
-- included: who declared it, when it is planned, whether it was withdrawn (not its actor, kind or
-- area). Nothing for anyone else. `ids`: these operations; null: every notice.
create function truce_notice_outlines(ids text[]) returns table (
  id text, owner_org text, window_from timestamptz, window_to timestamptz, withdrawn_at timestamptz, created_at timestamptz)
  language sql stable security definer set search_path from current as $f$
  select o.id, o.owner_org, o.window_from, o.window_to, o.withdrawn_at, o.created_at
  from operations o
  where o.owner_org is not null and truce_secretariat() and (ids is null or o.id = any(ids))
$f$;

-- The alerts of the reader's organization: its targets an operation comes near, WITHOUT the
-- operation (no id, actor, kind or area): the target, the clearance, the window. As the system,
-- so that an operation hidden from the target's owner still alerts it. Open ones only.
create function truce_deconfliction_alerts() returns table (
  id text, target_kind text, target_id text, clearance_m integer,
  window_from timestamptz, window_to timestamptz, computed_at timestamptz, closed_at timestamptz)
  language sql stable security definer set search_path from current as $f$
  select c.id, c.target_kind, c.target_id, c.clearance_m, o.window_from, o.window_to, c.computed_at, c.closed_at
  from operation_conflicts c join operations o on o.id = c.operation_id
  where c.closed_at is null
    and c.target_owner_org = nullif(current_setting('truce.org', true), '')
    and o.owner_org is distinct from c.target_owner_org
$f$;

-- The same for one operation (a live event names it): the latest alert of each target, open or
-- closed, so that an alert lifted is heard too.
create function truce_deconfliction_alerts_of(op text) returns table (
  id text, target_kind text, target_id text, clearance_m integer,
  window_from timestamptz, window_to timestamptz, computed_at timestamptz, closed_at timestamptz)
  language sql stable security definer set search_path from current as $f$
  select distinct on (c.target_kind, c.target_id)
    c.id, c.target_kind, c.target_id, c.clearance_m, o.window_from, o.window_to, c.computed_at, c.closed_at
  from operation_conflicts c join operations o on o.id = c.operation_id
  where c.operation_id = op
    and c.target_owner_org = nullif(current_setting('truce.org', true), '')
    and o.owner_org is distinct from c.target_owner_org
  order by c.target_kind, c.target_id, c.computed_at desc, c.closed_at desc nulls first
$f$;
