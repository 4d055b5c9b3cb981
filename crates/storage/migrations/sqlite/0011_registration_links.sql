-- A registration's own link: whoever registered (with or without an account) cancels through
-- the link in their confirmation e-mail. Only the SHA-256 of the secret is kept.
-- Keep in step with ../postgres/0011_registration_links.sql.

ALTER TABLE registrations ADD COLUMN link_hash TEXT;
CREATE UNIQUE INDEX registrations_link ON registrations(link_hash);
