-- What each delivery was sent as (conversation.completed, conversation.failed, conversation.status).
ALTER TABLE webhook_deliveries ADD COLUMN event_type VARCHAR(64);
