-- Schema 10: the label set is recorded in the database. Each build registers the labels
-- it knows when it opens a file; a build that finds a label it does not know (a file
-- from a newer build with a fifth label) says so in one sentence instead of failing on
-- the first span it reads. Existing spans' labels are recorded here once.

CREATE TABLE labels (
    name TEXT PRIMARY KEY,
    layer TEXT NOT NULL
);

INSERT OR IGNORE INTO labels (name, layer)
SELECT DISTINCT label, CASE WHEN label = 'TASK' THEN 'task' ELSE 'entity' END FROM spans;
