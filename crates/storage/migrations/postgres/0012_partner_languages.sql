-- Names of an organisation in the partner country's own language (Japanese, Arabic,
-- Vietnamese, Chinese, Wolof …) beside French, Korean and English, as a JSON object keyed by
-- BCP 47 tag; and the language its notes are written in, so that readers are told.
-- Keep in step with ../sqlite/0012_partner_languages.sql.

ALTER TABLE organisations ADD COLUMN other_names TEXT NOT NULL DEFAULT '{}';
ALTER TABLE organisations ADD COLUMN notes_lang TEXT;
