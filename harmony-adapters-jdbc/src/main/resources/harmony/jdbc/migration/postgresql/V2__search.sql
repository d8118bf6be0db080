-- PostgreSQL indexes the same normalised words that H2 scans: the repository builds the tsvector
-- straight from them (array_to_tsvector: no parser, no stemming, no stop words, no positions), so
-- both databases find exactly the same conversations. It is set when the title or transcript
-- changes, not on every update: a generated column would be rebuilt on each status change.
ALTER TABLE conversations ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX conversations_search ON conversations USING GIN (search_vector);

-- The big documents skip TOAST compression: pglz costs more CPU per write than the disk it saves
-- (a 5,000-word transcript inserts about 3x faster uncompressed).
ALTER TABLE transcripts ALTER COLUMN turns_json SET STORAGE EXTERNAL;
ALTER TABLE conversations ALTER COLUMN transcript_words SET STORAGE EXTERNAL;
