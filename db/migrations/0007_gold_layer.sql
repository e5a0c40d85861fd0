-- Schema 7: the gold layer. A reviewer's adjudicated spans live in the spans table under
-- an annotator of kind 'gold', so history, undo and restore work for gold as for anyone.

-- SQLite cannot change a CHECK constraint in place: rebuild the annotators table (the
-- runner turns foreign keys off around migrations and checks them before committing).
CREATE TABLE annotators_new (
    name       TEXT PRIMARY KEY,
    kind       TEXT NOT NULL DEFAULT 'human' CHECK (kind IN ('human', 'machine', 'gold')),
    created_at TEXT NOT NULL
);
INSERT INTO annotators_new (name, kind, created_at) SELECT name, kind, created_at FROM annotators;
DROP TABLE annotators;
ALTER TABLE annotators_new RENAME TO annotators;

-- Gold spans only: the reviewer who decided the span (its updated_at says when).
ALTER TABLE spans ADD COLUMN adjudicator TEXT;
