-- An incident's source reference is unique per owning organization, no longer across all of them:
-- an organization's import of an event stores it as its own (`ucdp-318815~ngo`, decision 031)
-- whether or not another organization holds the same event where the importer may not see it. The
-- index across all organizations refused that row, and so told of the hidden one.
drop index incidents_source_ref;
create unique index incidents_source_ref on incidents (source, source_ref, coalesce(owner_org, '')) where source_ref is not null;
