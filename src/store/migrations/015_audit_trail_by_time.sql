-- The audit trail browsed by time and by who made the change (GET /audit): newest first, as a
-- keyset over (at, seq). One index walks the whole trail by time, the other one user's changes.
-- A filter by organization or kind of record reads the first and filters as it goes.
create index audit_log_at on audit_log (at, seq);
create index audit_log_user_at on audit_log (user_id, at, seq);
