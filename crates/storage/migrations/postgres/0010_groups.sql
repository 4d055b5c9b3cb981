-- Country groups of any partner country, set up from pages: the reference time zones (Paris
-- first, then the partner's), the content languages (BCP 47 tags), several hashtags, names in
-- languages other than French, Korean and English (a JSON object: {"ja": "…", "ar": "…"}), and
-- a version for concurrent edits. The demo Korea group keeps its wording as data.
-- Keep in step with ../sqlite/0010_groups.sql.

ALTER TABLE country_groups ADD COLUMN time_zones TEXT NOT NULL DEFAULT '["Europe/Paris"]';
ALTER TABLE country_groups ADD COLUMN languages TEXT NOT NULL DEFAULT '["fr","en"]';
ALTER TABLE country_groups ADD COLUMN hashtags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE country_groups ADD COLUMN other_names TEXT NOT NULL DEFAULT '{}';
ALTER TABLE country_groups ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE country_groups ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;

UPDATE country_groups SET time_zones = '["Europe/Paris","Asia/Seoul"]', languages = '["fr","ko","en"]'
    WHERE country = 'KR';
UPDATE country_groups SET hashtags = '["' || REPLACE(hashtag, '#', '') || '"]'
    WHERE hashtag IS NOT NULL AND hashtag <> '';

-- Who took part when: a member removed from a group keeps its row, closed.
ALTER TABLE group_members ADD COLUMN joined_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE group_members ADD COLUMN left_at BIGINT;

-- A presentation taken off a programme keeps its row (what a member typed is never lost).
ALTER TABLE presentations ADD COLUMN removed_at BIGINT;
