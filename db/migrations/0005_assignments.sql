-- Schema 5: which articles were handed to which annotator (`annotator assign`), so that
-- assigning again only hands out articles not yet assigned.

CREATE TABLE assignments (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator  TEXT NOT NULL,
    round      INTEGER NOT NULL,             -- 1 for the first `assign`, 2 for the next, ...
    at         TEXT NOT NULL,
    PRIMARY KEY (article_id, annotator)
);
CREATE INDEX assignments_by_annotator ON assignments (annotator);
