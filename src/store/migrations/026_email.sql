-- Email, for those who ask (docs/email.md). A user gives an address and a language and asks for kinds
-- of email (src/contract/email.ts: the list is the application's, so that a kind can be added without a
-- migration). The outbox holds one message per recipient, written in the same transaction as the
-- change that causes it: a change committed has its emails queued, a change rolled back has none.
-- A message names its record and is written out only when sent, read again as its recipient (row-level
-- security), so it says no more than the recipient may see, and nothing when the record is hidden.
alter table users add column email text check (email is null or (length(email) <= 254 and email like '%_@_%'));
-- The language Truce writes to the user in (emails).
alter table users add column language text not null default 'en' check (language in ('en', 'ar'));

create table email_preferences (
  user_id text not null references users (id) on delete cascade,
  kind text not null,
  primary key (user_id, kind)
);

create table email_outbox (
  id bigserial primary key,
  kind text not null,
  entity text not null,                -- the record it is about: notification, hotline_thread, ...
  entity_id text not null,
  detail jsonb not null default '{}',  -- what the kind needs to know beyond the record (a period, a level)
  user_id text not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  -- When it may be sent: now, a deadline (an overdue notice), or after a failed attempt the next try.
  due_at timestamptz not null default now(),
  -- Not sent by then (the SMTP server away for days, or email off meanwhile), it is given up: expired.
  give_up_at timestamptz not null,
  -- Taken by a sender until then (others skip it); a sender that died lets it go when this passes.
  claimed_until timestamptz,
  attempts integer not null default 0,
  last_error text,
  sent_at timestamptz,
  message_id text,
  -- Not sent, and never will be: hidden (the recipient may not see the record), moot (no longer so),
  -- opted_out, refused (the SMTP server refused it for good), expired (not sent in time).
  dropped_at timestamptz,
  dropped_reason text check (dropped_reason in ('hidden', 'moot', 'opted_out', 'refused', 'expired')),
  check (sent_at is null or dropped_at is null)
);
create index email_outbox_due on email_outbox (due_at, id) where sent_at is null and dropped_at is null;
create index email_outbox_user on email_outbox (user_id);
-- Neither table is granted to truce_reader: only the system reads them, for the user who asks.
