-- The daily report sent by email (docs/daily-report.md): one schedule per organization, set by its
-- admins. Each day at `send_at` (local time in the truce timezone) the report of the day before is
-- queued in the email outbox (migration 026) for the recipients named here who also ask for it on
-- their account page (email kind `report.daily`), and written out for each as its edition says: the
-- public edition as anyone may read it, the cleared one as the recipient may see it.
create table report_schedules (
  org_id text primary key references organizations (id) on delete cascade,
  enabled boolean not null default true,
  send_at time not null,
  language text not null check (language in ('en', 'ar')),
  edition text not null check (edition in ('public', 'cleared')),
  -- A governorate's pcode; null: every governorate.
  area text,
  -- Users of the organization (the use case checks it); a user removed from it stops receiving.
  recipients text[] not null default '{}',
  -- The local day the report was last queued on: queued once a day, by one server (for update skip locked).
  last_sent_on date,
  updated_at timestamptz not null default now(),
  updated_by text
);
-- Not granted to truce_reader: read and written by the system for the organization's admins.
