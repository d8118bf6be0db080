-- Projects with their Insight Definitions, goals and scorecards: one JSON document each, in the
-- order they were first saved.
CREATE TABLE projects (
    workspace_id  VARCHAR(64)  NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id            VARCHAR(64)  NOT NULL,
    position      BIGINT       NOT NULL,
    document_json VARCHAR      NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX projects_in_order ON projects (workspace_id, position);
