-- Harmony's schema, written once for H2 (2.x) and PostgreSQL (14+). Vendor folders add only what
-- differs (full-text search). Identifiers are application-minted strings; times are UTC instants.
-- JSON documents are stored as text: the application reads and writes them whole.

CREATE TABLE workspaces (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL
);

CREATE TABLE teams (
    id           VARCHAR(64)  PRIMARY KEY,
    workspace_id VARCHAR(64)  NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         VARCHAR(200) NOT NULL
);
CREATE INDEX teams_by_workspace ON teams (workspace_id, name);

CREATE TABLE users (
    id           VARCHAR(64)  PRIMARY KEY,
    workspace_id VARCHAR(64)  NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         VARCHAR(200) NOT NULL,
    email        VARCHAR(320)
);
CREATE INDEX users_by_workspace ON users (workspace_id, name);

CREATE TABLE user_teams (
    user_id VARCHAR(64) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    team_id VARCHAR(64) NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, team_id)
);

-- search_words: ' ' + the lower-cased words of name and email + ' ', for "a word starts with" lookups.
CREATE TABLE contacts (
    id           VARCHAR(64)  PRIMARY KEY,
    workspace_id VARCHAR(64)  NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         VARCHAR(200) NOT NULL,
    email        VARCHAR(320),
    company      VARCHAR(200),
    search_words VARCHAR(1200) NOT NULL
);
CREATE INDEX contacts_by_workspace ON contacts (workspace_id, name);

CREATE TABLE custom_field_definitions (
    workspace_id VARCHAR(64)  NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    field_key    VARCHAR(100) NOT NULL,
    label        VARCHAR(200) NOT NULL,
    field_type   VARCHAR(20)  NOT NULL,
    options_json VARCHAR      NOT NULL,
    required     BOOLEAN      NOT NULL,
    PRIMARY KEY (workspace_id, field_key)
);

-- No foreign keys from conversations to the directory: a removed team or contact must not take
-- recorded conversations with it. title_words and transcript_words hold the normalised,
-- de-duplicated words (' w1 w2 … ') that search matches; each vendor indexes them its own way.
CREATE TABLE conversations (
    id                    VARCHAR(64)  PRIMARY KEY,
    workspace_id          VARCHAR(64)  NOT NULL,
    reference             VARCHAR(32)  NOT NULL,
    title                 VARCHAR(1000) NOT NULL,
    source                VARCHAR(32)  NOT NULL,
    medium                VARCHAR(16)  NOT NULL,
    team_id               VARCHAR(64)  NOT NULL,
    contact_id            VARCHAR(64)  NOT NULL,
    owner_id              VARCHAR(64)  NOT NULL,
    tags_json             VARCHAR      NOT NULL,
    custom_fields_json    VARCHAR      NOT NULL,
    status                VARCHAR(32)  NOT NULL,
    processing_stage      VARCHAR(64),
    processing_progress   DOUBLE PRECISION NOT NULL,
    processing_started_at TIMESTAMP(6) WITH TIME ZONE,
    processing_attempts   INTEGER      NOT NULL,
    processing_error      VARCHAR(4000),
    source_url            VARCHAR(4000),
    occurred_at           TIMESTAMP(6) WITH TIME ZONE,
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    title_words           VARCHAR      NOT NULL,
    transcript_words      VARCHAR      NOT NULL
);
CREATE UNIQUE INDEX conversations_by_reference ON conversations (reference);
CREATE INDEX conversations_newest_first ON conversations (workspace_id, created_at DESC, id DESC);
CREATE INDEX conversations_by_status ON conversations (workspace_id, status, created_at);
CREATE INDEX conversations_by_team ON conversations (workspace_id, team_id, created_at);
CREATE INDEX conversations_by_owner ON conversations (workspace_id, owner_id, created_at);
CREATE INDEX conversations_by_contact ON conversations (workspace_id, contact_id, created_at);

-- The tag filter's index; tags_json stays the conversation's own copy, in its order.
CREATE TABLE conversation_tags (
    conversation_id VARCHAR(64)  NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    tag             VARCHAR(200) NOT NULL,
    PRIMARY KEY (conversation_id, tag)
);
CREATE INDEX conversation_tags_by_tag ON conversation_tags (tag, conversation_id);

CREATE TABLE recordings (
    conversation_id VARCHAR(64)  PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    storage_key     VARCHAR(1000) NOT NULL,
    filename        VARCHAR(1000),
    size_bytes      BIGINT       NOT NULL,
    mime_type       VARCHAR(200) NOT NULL,
    duration_ms     BIGINT,
    sha256          VARCHAR(64)
);

-- One document per transcript: speakers and turns as JSON (a 5,000-word transcript is one row).
CREATE TABLE transcripts (
    conversation_id VARCHAR(64) PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    speakers_json   VARCHAR     NOT NULL,
    turns_json      VARCHAR     NOT NULL,
    turn_count      INTEGER     NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Extraction, insights, goals, scores: one JSON document per conversation and stage.
CREATE TABLE stage_results (
    conversation_id VARCHAR(64) NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    stage           VARCHAR(64) NOT NULL,
    document_json   VARCHAR     NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, stage)
);

-- Only a hash of each key is kept; the prefix lets people tell their keys apart.
CREATE TABLE api_keys (
    id           VARCHAR(64)  PRIMARY KEY,
    workspace_id VARCHAR(64)  NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id      VARCHAR(64)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         VARCHAR(200) NOT NULL,
    key_prefix   VARCHAR(16)  NOT NULL,
    key_hash     VARCHAR(128) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP(6) WITH TIME ZONE,
    revoked_at   TIMESTAMP(6) WITH TIME ZONE
);
CREATE UNIQUE INDEX api_keys_by_hash ON api_keys (key_hash);

CREATE TABLE idempotency_keys (
    workspace_id    VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(128) NOT NULL,
    response_status INTEGER,
    response_json   VARCHAR,
    resource_id     VARCHAR(64),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, idempotency_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

CREATE TABLE upload_sessions (
    id           VARCHAR(64)   PRIMARY KEY,
    workspace_id VARCHAR(64)   NOT NULL,
    user_id      VARCHAR(64)   NOT NULL,
    filename     VARCHAR(1000) NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    mime_type    VARCHAR(200),
    storage_key  VARCHAR(1000) NOT NULL,
    multipart_id VARCHAR(1000),
    form_json    VARCHAR       NOT NULL,
    status       VARCHAR(32)   NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX upload_sessions_expiry ON upload_sessions (status, expires_at);

CREATE TABLE upload_parts (
    session_id  VARCHAR(64)  NOT NULL REFERENCES upload_sessions (id) ON DELETE CASCADE,
    part_number INTEGER      NOT NULL,
    etag        VARCHAR(200) NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    PRIMARY KEY (session_id, part_number)
);

CREATE TABLE webhooks (
    id           VARCHAR(64)   PRIMARY KEY,
    workspace_id VARCHAR(64)   NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    url          VARCHAR(4000) NOT NULL,
    secret       VARCHAR(200)  NOT NULL,
    event_types_json VARCHAR   NOT NULL,
    active       BOOLEAN       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX webhooks_by_workspace ON webhooks (workspace_id);

CREATE TABLE webhook_deliveries (
    id              VARCHAR(64) PRIMARY KEY,
    webhook_id      VARCHAR(64) NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    workspace_id    VARCHAR(64) NOT NULL,
    event_id        BIGINT      NOT NULL,
    attempts        INTEGER     NOT NULL,
    status          VARCHAR(32) NOT NULL,
    response_status INTEGER,
    error           VARCHAR(4000),
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE,
    delivered_at    TIMESTAMP(6) WITH TIME ZONE,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (webhook_id, event_id);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
