-- Schema 6: merging annotators' databases into a review database (`annotator merge`).

-- The latest change of each annotator's layer on each article that a merge brought in;
-- a file whose layer is not newer than this is left alone, so merging the same file
-- twice, or an older copy, changes nothing.
CREATE TABLE merge_state (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL,
    last_change TEXT NOT NULL,
    source      TEXT NOT NULL,               -- file name the layer came from
    merged_at   TEXT NOT NULL,
    PRIMARY KEY (article_id, annotator)
);

-- The annotators' own audit trail, as recorded in their files (span ids are theirs).
CREATE TABLE merged_history (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL,
    annotator   TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    before      TEXT,
    after       TEXT,
    at          TEXT NOT NULL,
    source      TEXT NOT NULL,
    UNIQUE (article_id, annotator, actor, action, at, before, after)
);
CREATE TRIGGER merged_history_no_update BEFORE UPDATE ON merged_history
BEGIN SELECT RAISE(ABORT, 'merged_history is append-only'); END;
CREATE TRIGGER merged_history_no_delete BEFORE DELETE ON merged_history
BEGIN SELECT RAISE(ABORT, 'merged_history is append-only'); END;
