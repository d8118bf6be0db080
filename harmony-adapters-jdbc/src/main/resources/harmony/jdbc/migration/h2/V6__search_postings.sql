-- H2 has no inverted index (PostgreSQL searches through its GIN index, V2), so Harmony keeps one:
-- conversations' stored words go into search_postings in batches, one row per workspace, word and
-- batch listing the conversations that have the word. One row per word and conversation would cost
-- each create thousands of index inserts; a batch writes each word of a few hundred conversations once.
-- A conversation waits in search_pending from the moment its words change until a batch takes it in,
-- and search reads the pending ones directly. token changes with every change of words, so a batch
-- that read older words leaves the conversation pending.
CREATE TABLE search_pending (
    conversation_id VARCHAR(64) PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    workspace_id    VARCHAR(64) NOT NULL,
    token           BIGINT      NOT NULL
);

-- A batch's conversations, in order; a word's row says which of them have it as a bitmap (bit i:
-- the i-th id, as hex), so each (word, conversation) pair costs a bit, not a copy of the id. Rows of
-- deleted or re-worded conversations stay behind: search checks every candidate against its current
-- words. Search reads a word's rows only through the index, which holds every column: its rows lie
-- together there, while the table's are scattered across the file in insertion order.
CREATE TABLE search_batches (
    batch            BIGINT  PRIMARY KEY,
    conversation_ids VARCHAR NOT NULL
);

CREATE TABLE search_postings (
    workspace_id       VARCHAR(64)  NOT NULL,
    term               VARCHAR(255) NOT NULL,
    batch              BIGINT       NOT NULL,
    conversation_count INTEGER      NOT NULL,
    members            VARCHAR      NOT NULL
);
CREATE INDEX search_postings_by_word ON search_postings (workspace_id, term, batch, conversation_count, members);

CREATE SEQUENCE search_batch_numbers;

-- Conversations stored before this index existed are searched as pending until batches take them in.
INSERT INTO search_pending (conversation_id, workspace_id, token) SELECT id, workspace_id, 0 FROM conversations;
