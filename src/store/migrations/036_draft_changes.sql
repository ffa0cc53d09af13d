-- Text intake (docs/text-intake.md): what the person who confirmed a draft changed from what the
-- rules proposed (the fields of contract/intake.ts: date, place, precision, actor, act,
-- casualties, narrative), empty when it was accepted unchanged; null while the draft is proposed,
-- when it was dropped, and for drafts confirmed before this migration (not known).
alter table text_drafts add column changed text[];
