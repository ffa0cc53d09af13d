-- The analysts' desk: a report's source and its evaluation on the NATO/Admiralty scale, and what
-- an analyst decided about a report that is not an account of an incident (docs/confidentiality.md).

-- The source: the person or outlet the account comes from. It is a column of the report, so it
-- is kept under the report's classification like the narrative.
alter table reports
  add column source text check (source is null or length(source) between 1 and 500),
  -- Source reliability: A completely reliable ... E unreliable, F cannot be judged.
  add column source_reliability text check (source_reliability in ('A', 'B', 'C', 'D', 'E', 'F')),
  -- Information credibility: 1 confirmed by other sources ... 5 improbable, 6 cannot be judged.
  add column info_credibility smallint check (info_credibility between 1 and 6),
  add column evaluated_by text references users (id),
  add column evaluated_at timestamptz;

-- Triage: a report taken out of the inbox without becoming an account of an incident. Discarded
-- (with the reason) or a duplicate of another report; kept, never deleted, and put back by
-- clearing the triage.
alter table reports
  add column triage text check (triage in ('discarded', 'duplicate')),
  add column triage_reason text check (triage_reason is null or length(triage_reason) between 1 and 2000),
  add column duplicate_of text references reports (id),
  add column triaged_by text references users (id),
  add column triaged_at timestamptz,
  add constraint reports_duplicate_names_original check ((triage = 'duplicate') = (duplicate_of is not null)
    or (triage is null and duplicate_of is null)),
  add constraint reports_discard_has_reason check (triage is distinct from 'discarded' or triage_reason is not null),
  add constraint reports_not_own_duplicate check (duplicate_of is distinct from id);

-- The inbox: reports not in an incident and not triaged, newest first.
create index reports_inbox on reports (received_at, id) where incident_id is null and triage is null;
create index reports_duplicate_of on reports (duplicate_of) where duplicate_of is not null;
