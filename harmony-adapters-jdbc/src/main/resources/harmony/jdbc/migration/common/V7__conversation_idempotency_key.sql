-- The client's Idempotency-Key is stored with the conversation it created, in the same transaction,
-- so a retry after a crash finds the conversation instead of creating a second one.
ALTER TABLE conversations ADD COLUMN idempotency_key VARCHAR(255);
CREATE UNIQUE INDEX conversations_idempotency_key ON conversations (workspace_id, idempotency_key);
