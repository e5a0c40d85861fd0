-- Schema 4: which machine sources have been copied into which annotator's layer.
-- When an annotator opens an article, the proposals of each machine source (the
-- proposer, an import) are copied once into their layer as 'proposed' spans; this table
-- makes sure a proposal the annotator deleted is never copied back.

CREATE TABLE layer_seeds (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator  TEXT NOT NULL REFERENCES annotators(name),
    source     TEXT NOT NULL,               -- the machine annotator copied from
    spans      INTEGER NOT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (article_id, annotator, source)
);
