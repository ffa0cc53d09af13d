-- A proposal to publish from the negotiation room (migration 033) may also set the agreement's
-- scope and excluded groups (docs/negotiation.md). Each is null when the proposal keeps the
-- agreement's as they are. The scope is kept as `{"area": <GeoJSON area or null>}` (a null area:
-- everywhere), with the governorates and districts it was given as, when so (to name them).
alter table negotiation_publications
  add column scope jsonb,
  add column scope_areas text[],
  add column excluded text[],
  -- Voided because the agreement's scope or excluded groups changed after it was proposed (the
  -- co-chairs approved replacing the terms as they then stood), not by a change to a clause.
  add column voided_by_terms boolean not null default false;
