-- A digest of the request that first used the conversation's Idempotency-Key: the same key sent with
-- another request is told from a retry (409), even after the key's stored answer has expired.
ALTER TABLE conversations ADD COLUMN idempotency_fingerprint VARCHAR(64);
