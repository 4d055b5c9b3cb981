-- The language a partnership's notes are written in, so that readers of another are told.
-- Keep in step with ../postgres/0014_partnership_notes_lang.sql.

ALTER TABLE partnerships ADD COLUMN notes_lang TEXT;
