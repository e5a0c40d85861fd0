-- Schema 9: a stable id per person. The name is a label people choose; two people who
-- chose the same name stay two on merge. An id is made with a person's first file (or
-- handed on by `annotator assign`); rows from before schema 9 keep NULL and are matched
-- by name, as before.

ALTER TABLE annotators ADD COLUMN uid TEXT;
