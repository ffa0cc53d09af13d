-- Text intake by mail (docs/text-intake.md): how a text came (pasted, uploaded as a file, or
-- received by mail, posted by the mail server) and, for an email, who sent it and its subject,
-- so that a person finds the texts waiting for them in a list. Texts kept before this migration
-- came pasted or as a file (a file has its name).
alter table source_texts
  add column channel text not null default 'paste' check (channel in ('paste', 'file', 'mail')),
  add column sender text,
  add column subject text;
update source_texts set channel = 'file' where filename is not null;
-- The list of texts, newest first.
create index source_texts_received on source_texts (received_at desc, id desc);
