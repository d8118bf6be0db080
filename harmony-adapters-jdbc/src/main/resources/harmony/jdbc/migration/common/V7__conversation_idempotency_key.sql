-- The client's Idempotency-Key is stored with the conversation it created, in the same transaction,
-- so a retry after a crash finds the conversation instead of creating a second one; with it, a digest
-- of the request that first used the key, so the key sent with another request is told from a retry
-- (409), even after the key's stored answer has expired. Both are set together or not at all.
ALTER TABLE conversations ADD COLUMN idempotency_key VARCHAR(255);
ALTER TABLE conversations ADD COLUMN idempotency_fingerprint VARCHAR(64);
CREATE UNIQUE INDEX conversations_idempotency_key ON conversations (workspace_id, idempotency_key);
