-- The same normalised words as on H2, indexed as a tsvector ('simple': no stemming, no stop
-- words, so both databases find exactly the same conversations).
ALTER TABLE conversations ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', title_words || ' ' || transcript_words)) STORED;
CREATE INDEX conversations_search ON conversations USING GIN (search_vector);
