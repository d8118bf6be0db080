-- The same normalised words as on H2, indexed as a tsvector ('simple': no stemming, no stop words,
-- so both databases find exactly the same conversations). The repository sets it when the title or
-- transcript changes, not on every update: a generated column would re-parse the transcript and
-- rewrite its TOAST data on each status change.
ALTER TABLE conversations ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX conversations_search ON conversations USING GIN (search_vector);
