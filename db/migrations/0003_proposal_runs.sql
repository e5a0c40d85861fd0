-- Schema 3: which proposer version has run on which article, so `annotator propose --db`
-- only fills articles that lack proposals and can resume after an interruption.

CREATE TABLE proposal_runs (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    proposer   TEXT NOT NULL,               -- machine annotator name, e.g. 'proposer'
    version    TEXT NOT NULL,               -- e.g. 'rules-1'
    spans      INTEGER NOT NULL,
    seconds    REAL NOT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (article_id, proposer)
);
