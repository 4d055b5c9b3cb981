-- The register's second part (postgres): the bilingual theme taxonomy that the secretariat
-- edits, the agreement documents of partnerships, versions for people and actions (edited on
-- pages and through the API) and the indexes of the list filters. Keep in step with
-- ../sqlite/0007_register_editing.sql.

CREATE TABLE themes (
    id TEXT PRIMARY KEY,
    label_fr TEXT NOT NULL,
    label_ko TEXT,
    label_en TEXT,
    position BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    archived_at BIGINT
);

-- The starting taxonomy; the secretariat renames, adds and archives themes from then on.
INSERT INTO themes (id, label_fr, label_ko, label_en, position, created_at, updated_at) VALUES
    ('culture', 'Culture et arts', '문화·예술', 'Culture and the arts', 10, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('youth', 'Jeunesse', '청소년', 'Youth', 20, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('education', 'Éducation et enseignement supérieur', '교육·대학', 'Education and higher education', 30, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('economy', 'Développement économique', '경제 발전', 'Economic development', 40, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('innovation', 'Recherche et innovation', '연구·혁신', 'Research and innovation', 50, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('digital', 'Numérique et e-administration', '디지털·전자정부', 'Digital and e-government', 60, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('smart_city', 'Ville intelligente', '스마트시티', 'Smart city', 70, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('urban', 'Urbanisme et logement', '도시계획·주거', 'Urban planning and housing', 80, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('environment', 'Environnement et biodiversité', '환경·생물다양성', 'Environment and biodiversity', 90, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('energy', 'Énergie', '에너지', 'Energy', 100, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('mobility', 'Mobilités et transports', '교통·모빌리티', 'Mobility and transport', 110, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('tourism', 'Tourisme', '관광', 'Tourism', 120, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('sport', 'Sport', '스포츠', 'Sport', 130, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('health', 'Santé', '보건·의료', 'Health', 140, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('agriculture', 'Agriculture et alimentation', '농업·식품', 'Agriculture and food', 150, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('social_economy', 'Économie sociale et solidaire', '사회적경제', 'Social and solidarity economy', 160, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('public_administration', 'Échanges de fonctionnaires et gouvernance locale', '공무원 교류·지방행정', 'Civil servant exchanges and local governance', 170, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT),
    ('history', 'Histoire et mémoire', '역사·기억', 'History and memory', 180, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT);

-- From now on `partnership_themes.label` holds a theme id. Labels typed before the taxonomy
-- existed become themes of their own, word for word, for the secretariat to sort out.
INSERT INTO themes (id, label_fr, position, created_at, updated_at)
    SELECT DISTINCT label, label, 1000, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT, (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT FROM partnership_themes
    WHERE label NOT IN (SELECT id FROM themes);
CREATE INDEX partnership_themes_label ON partnership_themes(label, partnership_id);
CREATE INDEX partnerships_signed_year ON partnerships(signed_year);

CREATE TABLE partnership_documents (
    id TEXT PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id),
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BYTEA NOT NULL,
    created_by TEXT REFERENCES users(id),
    created_at BIGINT NOT NULL,
    archived_at BIGINT
);
CREATE INDEX partnership_documents_partnership ON partnership_documents(partnership_id);

ALTER TABLE people ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE actions ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE actions ADD COLUMN start_date TEXT;
ALTER TABLE actions ADD COLUMN end_date TEXT;
