-- The world through the API: findings are read by clearance, and listed by time.

-- A finding is visible when its subject (the incident or the zone) is, and, since it names its
-- agreement and explains itself by it, when its agreement is too. Migration 002 checked only
-- the subject: a public incident judged under a co-chairs agreement showed that agreement.
drop policy visible on findings;
create policy visible on findings to truce_reader using (
  (agreement_id is null or exists (select 1 from agreements g where g.id = agreement_id))
  and case kind when 'incident' then exists (select 1 from incidents i where i.id = subject_id)
                else exists (select 1 from zones z where z.id = subject_id) end) with check (true);

drop policy visible on finding_history;
create policy visible on finding_history to truce_reader using (
  (agreement_id is null or exists (select 1 from agreements g where g.id = agreement_id))
  and case kind when 'incident' then exists (select 1 from incidents i where i.id = subject_id)
                else exists (select 1 from zones z where z.id = subject_id) end) with check (true);

-- GET /findings pages by time (at, key); the state of the truce counts violations by day.
create index findings_at on findings (at, key);
create index findings_verdict_at on findings (verdict, at);
