-- Reports and incidents through the API: the orders their lists page in, and the filters they
-- are asked most. No new table: reports, attachments and incidents (with their row-level
-- security) come from migration 002.

-- GET /reports pages by received or claimed time, then id.
create index reports_received_at_id on reports (received_at, id);
create index reports_claimed_at_id on reports (claimed_at, id);
create index reports_org on reports (org_id);

-- GET /incidents pages by time or by the best estimate of deaths, then id.
create index incidents_occurred_at_id on incidents (occurred_at, id);
create index incidents_deaths_id on incidents ((coalesce(deaths_best, -1)), id);
create index incidents_perpetrator on incidents (perpetrator);
create index incidents_target_actor on incidents (target_actor);
create index incidents_status on incidents (status);

-- A record's audit history (GET /audit/{entity}/{id}) is read through audit_log_entity (002).
