-- Schema 8: user actions. One keystroke (label over a proposal, accept a paragraph, move a
-- boundary, mark done) is one action: one transaction, one row here, and every history row
-- it writes carries its id, so restore and undo work per action, never half of one.

CREATE TABLE actions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id    TEXT NOT NULL,
    annotator     TEXT NOT NULL,               -- whose layer it changed
    actor         TEXT NOT NULL,               -- who did it
    name          TEXT NOT NULL,               -- what the user did: label, accept, move, done, undo ...
    changes       INTEGER NOT NULL,            -- span history rows it wrote
    status_before TEXT,                        -- the article's status, when the action set it
    status_after  TEXT,
    at            TEXT NOT NULL
);
CREATE INDEX actions_by_article ON actions (article_id, annotator, id);

ALTER TABLE span_history ADD COLUMN action_id INTEGER;  -- NULL: written before schema 8, or by merge/import
