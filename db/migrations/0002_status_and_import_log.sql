-- Schema 2: per-annotator article status, and where each article came from.

CREATE TABLE article_status (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator  TEXT NOT NULL REFERENCES annotators(name),
    status     TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done', 'skipped')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (article_id, annotator)
);
CREATE INDEX article_status_by_annotator ON article_status (annotator, status);

-- How the stored text was obtained: encoding and conversion, normalization, removed
-- site chrome, the original text when normalization changed it. JSON.
ALTER TABLE articles ADD COLUMN import_info TEXT NOT NULL DEFAULT '{}';
-- The id the source gave the article (JSONL "id", CSV "id"), if any.
ALTER TABLE articles ADD COLUMN external_id TEXT;
CREATE INDEX articles_by_external_id ON articles (external_id);
