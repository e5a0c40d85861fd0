-- Schema 11: a full-text index for the article search. Each article's title and text,
-- folded the way the search compares them ("marked": case and tone placement folded;
-- "plain": diacritics removed too, so "ha long" finds "Hạ Long"), in an FTS5 table
-- without a copy of the text (rowid = the article's rowid). The folding is Python's, so
-- the store fills the index: new articles as they are stored, older ones in the
-- background once (search_index_state says how far; until then a search scans).

CREATE VIRTUAL TABLE article_search USING fts5(
    marked, plain, content = '', tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TABLE search_index_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    done_upto INTEGER NOT NULL  -- every article with a rowid up to this is indexed
);

INSERT INTO search_index_state (id, done_upto) VALUES (1, 0);

-- The article list of a team corpus (100,000 articles) is read without touching the
-- texts: each article's length is kept beside it, and one annotator's span counts come
-- from an index of their own spans.
ALTER TABLE articles ADD COLUMN chars INTEGER;

UPDATE articles SET chars = length(text);

CREATE INDEX spans_by_annotator ON spans (annotator, article_id, state);
