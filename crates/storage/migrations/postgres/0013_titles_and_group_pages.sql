-- Titles of meetings and series, and seminars' themes, in the partner country's own languages
-- (a JSON object keyed by BCP 47 tag) beside French, Korean and English; and when a group's
-- members last changed, so that the group pages can be cached under a stamp.
-- Keep in step with ../sqlite/0013_titles_and_group_pages.sql.

ALTER TABLE meetings ADD COLUMN title_other TEXT NOT NULL DEFAULT '{}';
ALTER TABLE seminar_series ADD COLUMN title_other TEXT NOT NULL DEFAULT '{}';
ALTER TABLE seminars ADD COLUMN theme_other TEXT NOT NULL DEFAULT '{}';
ALTER TABLE country_groups ADD COLUMN members_changed_at BIGINT NOT NULL DEFAULT 0;
