-- The chain's links in a table of their own (decision 033). Sealing rewrote each entry to fill in
-- its three link columns: a wide row (its before and after) under six indexes, written a second
-- time, more write-ahead log than the entry itself. A link is now a narrow row inserted beside it,
-- and an entry, once written, is never written again.
create table audit_chain (
  chain_pos bigint primary key,
  seq bigint not null unique,
  prev_hash text not null,
  chain_hash text not null
);

-- The entries waiting for the sealer, filled by a trigger on every insert into the trail.
create table audit_unsealed (seq bigint primary key);

insert into audit_chain (chain_pos, seq, prev_hash, chain_hash)
  select chain_pos, seq, prev_hash, chain_hash from audit_log where chain_pos is not null;
insert into audit_unsealed (seq) select seq from audit_log where chain_pos is null;
drop index audit_log_unsealed;
alter table audit_log drop column chain_pos, drop column prev_hash, drop column chain_hash;

create function audit_log_appended() returns trigger language plpgsql as $f$
begin
  insert into audit_unsealed (seq) select seq from appended;
  return null;
end
$f$;
create trigger audit_log_appended after insert on audit_log
  referencing new table as appended for each statement execute function audit_log_appended();

-- A link is seen by whoever sees its entry. Requests append (through the trigger) and read; the
-- sealer, as the owner, does the rest.
alter table audit_chain enable row level security;
create policy visible on audit_chain for select to truce_reader
  using (exists (select 1 from audit_log a where a.seq = audit_chain.seq));
revoke all on audit_chain, audit_unsealed from truce_reader;
grant select on audit_chain to truce_reader;
grant insert on audit_unsealed to truce_reader;

-- Also written with every report, and never needed: reports_claimed_at_id (claimed_at, id) serves
-- every query this index did.
drop index reports_claimed_at;
