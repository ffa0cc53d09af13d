-- Webhooks (docs/webhooks.md): a user's subscriptions to events, the outbox the database fills in the
-- same transaction as each change (the triggers below: whoever writes, by whatever path, the event is
-- committed with the change or not at all), and each subscription's deliveries with their attempts.

create table webhook_subscriptions (
  id text primary key,
  owner_user text not null references users (id),
  name text not null check (length(name) between 1 and 100),
  url text not null check (length(url) between 1 and 2000),
  -- The key of the deliveries' HMAC. Kept as it is (signing needs it); shown once, at creation, never again.
  secret text not null,
  events text[] not null check (cardinality(events) > 0),
  -- Where incidents must be created to be sent: null (everywhere), {"bbox": [w, s, e, n]} or {"zone": "<id>"}.
  area jsonb,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index webhook_subscriptions_owner on webhook_subscriptions (owner_user, created_at, id);

-- The outbox: an event names a record; nothing of the record is copied here. The dispatcher (app/webhooks)
-- claims rows with `for update skip locked`, turns each into a delivery per subscriber who may see the record,
-- and deletes it, in one transaction. One row per record, kind of event and transaction (`txid`): a ruling approved
-- and put in force by one request is one event.
create table webhook_outbox (
  seq bigserial primary key,
  type text not null,
  entity text not null,
  entity_id text not null,
  detail jsonb not null default '{}',
  txid bigint not null default txid_current(),
  at timestamptz not null default now()
);
create unique index webhook_outbox_once on webhook_outbox (txid, type, entity, entity_id, detail);

create table webhook_deliveries (
  id text primary key,
  subscription_id text not null references webhook_subscriptions (id) on delete cascade,
  event_seq bigint not null,
  type text not null,
  entity text not null,
  entity_id text not null,
  detail jsonb not null default '{}',
  event_at timestamptz not null,
  state text not null check (state in ('pending', 'sending', 'delivered', 'failed')),
  attempts integer not null default 0,
  -- Pending: when the next attempt is due. Sending: when the attempt's lease runs out (a server that stopped
  -- during it leaves it to be claimed again then).
  next_attempt_at timestamptz not null,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  unique (subscription_id, event_seq)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where state in ('pending', 'sending');
create index webhook_deliveries_log on webhook_deliveries (subscription_id, created_at desc, id desc);

create table webhook_attempts (
  delivery_id text not null references webhook_deliveries (id) on delete cascade,
  attempt integer not null,
  at timestamptz not null default now(),
  -- The receiver's answer; null with an error when there was none.
  status_code integer,
  -- Why there was no answer (timeout, refused, unreachable, private_address, interrupted, ...): a code the web app names.
  error text,
  -- The error in English as the network said it, for whoever runs the receiver.
  detail text,
  duration_ms integer,
  primary key (delivery_id, attempt)
);

-- The delivery log is read as its subscriber (truce_reader), so that a delivery whose record the subscriber may
-- no longer see is not listed, as any list would not list it. The server names the one subscription it checked
-- belongs to the caller in `truce.webhook`; nothing else of these tables is visible to truce_reader, and the
-- subscriptions (their secrets) not at all.
alter table webhook_deliveries enable row level security;
create policy own on webhook_deliveries to truce_reader
  using (subscription_id = nullif(current_setting('truce.webhook', true), ''));
alter table webhook_attempts enable row level security;
create policy own on webhook_attempts to truce_reader
  using (exists (select 1 from webhook_deliveries d where d.id = delivery_id));
grant select on webhook_deliveries, webhook_attempts to truce_reader;

-- Whether any active subscription listens for this kind of event: a write pays for the outbox only then.
create function truce_webhook_wanted(kind text) returns boolean language sql stable
  security definer set search_path from current as $f$
  select exists (select 1 from webhook_subscriptions where active and kind = any(events))
$f$;

-- The triggers run as their owner (security definer): some writes run as truce_reader (a ruling's approval), which
-- may not touch the outbox. Statement-level, with transition tables: an import of many incidents is one insert.
create function truce_webhook_incidents_created() returns trigger language plpgsql
  security definer set search_path from current as $f$
begin
  if truce_webhook_wanted('incident.created') then
    insert into webhook_outbox (type, entity, entity_id)
      select distinct 'incident.created', 'incident', n.id from new_rows n on conflict do nothing;
  end if;
  return null;
end $f$;
create trigger webhook_incident_created after insert on incidents
  referencing new table as new_rows for each statement execute function truce_webhook_incidents_created();

-- A finding made, or changed in what it says (not a new digest or time of computing), or withdrawn.
create function truce_webhook_findings_changed() returns trigger language plpgsql
  security definer set search_path from current as $f$
begin
  if not truce_webhook_wanted('finding.changed') then return null; end if;
  if tg_op = 'INSERT' then
    insert into webhook_outbox (type, entity, entity_id)
      select distinct 'finding.changed', 'finding', n.key from new_rows n on conflict do nothing;
  elsif tg_op = 'UPDATE' then
    insert into webhook_outbox (type, entity, entity_id)
      select distinct 'finding.changed', 'finding', n.key from new_rows n join old_rows o on o.key = n.key
       where (n.agreement_id, n.at, n.verdict, n.violators, n.reasons, n.rule, n.obligation, n.rests_on_zones,
              n.ruled_verdict, n.ruled_violators)
          is distinct from (o.agreement_id, o.at, o.verdict, o.violators, o.reasons, o.rule, o.obligation, o.rests_on_zones,
              o.ruled_verdict, o.ruled_violators)
      on conflict do nothing;
  else
    insert into webhook_outbox (type, entity, entity_id, detail)
      select distinct 'finding.changed', 'finding', o.key, '{"withdrawn": true}'::jsonb from old_rows o on conflict do nothing;
  end if;
  return null;
end $f$;
create trigger webhook_findings_inserted after insert on findings
  referencing new table as new_rows for each statement execute function truce_webhook_findings_changed();
create trigger webhook_findings_updated after update on findings
  referencing new table as new_rows old table as old_rows for each statement execute function truce_webhook_findings_changed();
create trigger webhook_findings_deleted after delete on findings
  referencing old table as old_rows for each statement execute function truce_webhook_findings_changed();

-- A ruling proposed, changed in status, verdict or flag, or approved by one more organization.
create function truce_webhook_rulings_changed() returns trigger language plpgsql
  security definer set search_path from current as $f$
begin
  if not truce_webhook_wanted('ruling.changed') then return null; end if;
  if tg_table_name = 'ruling_approvals' then
    insert into webhook_outbox (type, entity, entity_id)
      select distinct 'ruling.changed', 'ruling', n.ruling_id from new_rows n on conflict do nothing;
  elsif tg_op = 'INSERT' then
    insert into webhook_outbox (type, entity, entity_id)
      select distinct 'ruling.changed', 'ruling', n.id from new_rows n on conflict do nothing;
  else
    insert into webhook_outbox (type, entity, entity_id)
      select distinct 'ruling.changed', 'ruling', n.id from new_rows n join old_rows o on o.id = n.id
       where (n.status, n.verdict, n.violators, n.needs_another_look) is distinct from (o.status, o.verdict, o.violators, o.needs_another_look)
      on conflict do nothing;
  end if;
  return null;
end $f$;
create trigger webhook_rulings_inserted after insert on rulings
  referencing new table as new_rows for each statement execute function truce_webhook_rulings_changed();
create trigger webhook_rulings_updated after update on rulings
  referencing new table as new_rows old table as old_rows for each statement execute function truce_webhook_rulings_changed();
create trigger webhook_ruling_approvals_inserted after insert on ruling_approvals
  referencing new table as new_rows for each statement execute function truce_webhook_rulings_changed();

-- A hotline thread escalated: its first (level 1) or second (level 2) escalation claimed.
create function truce_webhook_hotline_escalated() returns trigger language plpgsql
  security definer set search_path from current as $f$
begin
  if not truce_webhook_wanted('hotline.escalated') then return null; end if;
  insert into webhook_outbox (type, entity, entity_id, detail)
    select 'hotline.escalated', 'hotline_thread', n.id, jsonb_build_object('level', l.level)
      from new_rows n join old_rows o on o.id = n.id,
      lateral (values (1, o.escalated_at is null and n.escalated_at is not null),
                      (2, o.escalated_again_at is null and n.escalated_again_at is not null)) as l(level, happened)
     where l.happened
    on conflict do nothing;
  return null;
end $f$;
create trigger webhook_hotline_escalated after update on hotline_threads
  referencing new table as new_rows old table as old_rows for each statement execute function truce_webhook_hotline_escalated();
