-- Schema 1: articles, annotators, spans and the append-only span history.
-- Times are ISO 8601 UTC strings with milliseconds ("2026-11-23T10:15:30.123Z").

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,            -- first 24 hex of sha256(stored text)
    title       TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',    -- file path (and line) or URL
    meta        TEXT NOT NULL DEFAULT '{}',  -- the source's own metadata, verbatim JSON
    imported_at TEXT NOT NULL
);

CREATE TABLE annotators (
    name       TEXT PRIMARY KEY,
    kind       TEXT NOT NULL DEFAULT 'human' CHECK (kind IN ('human', 'machine')),
    created_at TEXT NOT NULL
);

CREATE TABLE spans (
    -- AUTOINCREMENT: a deleted span's id is never reused, so history stays unambiguous.
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL REFERENCES annotators(name),
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" > start),
    label       TEXT NOT NULL,
    origin      TEXT NOT NULL,               -- 'human', 'import', or the proposer's name
    state       TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'rejected')),
    confidence  REAL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (article_id, annotator, start, "end", label)
);
CREATE INDEX spans_by_article ON spans (article_id, annotator);

-- Every change to a span, written in the same transaction as the change.
CREATE TABLE span_history (
    id          INTEGER PRIMARY KEY,
    span_id     INTEGER NOT NULL,            -- no FK: history outlives deleted spans
    article_id  TEXT NOT NULL,
    annotator   TEXT NOT NULL,               -- whose span it is
    actor       TEXT NOT NULL,               -- who made the change
    action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
    before      TEXT,                        -- JSON of the span before (NULL on create)
    after       TEXT,                        -- JSON of the span after (NULL on delete)
    at          TEXT NOT NULL
);
CREATE INDEX span_history_by_article ON span_history (article_id, annotator, id);

CREATE TRIGGER span_history_no_update BEFORE UPDATE ON span_history
BEGIN SELECT RAISE(ABORT, 'span_history is append-only'); END;
CREATE TRIGGER span_history_no_delete BEFORE DELETE ON span_history
BEGIN SELECT RAISE(ABORT, 'span_history is append-only'); END;
