-- Schema 12: span counts per annotator and state, kept by triggers, so that `info` and
-- the dashboard's totals read a few rows instead of counting millions of spans (a
-- 100,000-article corpus has about 3 million). Filled once from the spans at upgrade.

CREATE TABLE span_counts (
    annotator TEXT NOT NULL,
    state     TEXT NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (annotator, state)
) WITHOUT ROWID;

INSERT INTO span_counts (annotator, state, n)
SELECT annotator, state, count(*) FROM spans GROUP BY annotator, state;

CREATE TRIGGER span_counts_insert AFTER INSERT ON spans
BEGIN
    INSERT INTO span_counts (annotator, state, n) VALUES (NEW.annotator, NEW.state, 1)
    ON CONFLICT (annotator, state) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER span_counts_delete AFTER DELETE ON spans
BEGIN
    UPDATE span_counts SET n = n - 1 WHERE annotator = OLD.annotator AND state = OLD.state;
END;

CREATE TRIGGER span_counts_update AFTER UPDATE OF annotator, state ON spans
WHEN OLD.annotator IS NOT NEW.annotator OR OLD.state IS NOT NEW.state
BEGIN
    UPDATE span_counts SET n = n - 1 WHERE annotator = OLD.annotator AND state = OLD.state;
    INSERT INTO span_counts (annotator, state, n) VALUES (NEW.annotator, NEW.state, 1)
    ON CONFLICT (annotator, state) DO UPDATE SET n = n + 1;
END;
