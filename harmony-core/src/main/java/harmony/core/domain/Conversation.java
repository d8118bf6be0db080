package harmony.core.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A conversation record: how it was organised (team, contact, owner, medium, tags, custom fields),
 * where it came from, its recording if any, and where processing stands.
 *
 * <p>Custom-field values are normalised by the form rules: text, dates (ISO-8601) and single
 * selects as {@link String}, numbers as {@link java.math.BigDecimal}, booleans as {@link Boolean},
 * multi selects as a {@link List} of strings.
 */
public record Conversation(
        String id,
        String workspaceId,
        String reference,
        String title,
        Source source,
        Medium medium,
        String teamId,
        String contactId,
        String ownerId,
        List<String> tags,
        Map<String, Object> customFields,
        ProcessingStatus status,
        Processing processing,
        Recording recording,
        String sourceUrl,
        Instant occurredAt,
        Instant createdAt,
        Instant updatedAt) {

    public Conversation {
        requireNonNull(id, "id");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(reference, "reference");
        requireNonNull(title, "title");
        requireNonNull(source, "source");
        requireNonNull(medium, "medium");
        requireNonNull(teamId, "teamId");
        requireNonNull(contactId, "contactId");
        requireNonNull(ownerId, "ownerId");
        requireNonNull(status, "status");
        requireNonNull(processing, "processing");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
        tags = List.copyOf(tags);
        customFields = Map.copyOf(customFields);
        if (source.isMedia() && recording == null && !source.isRemote()) {
            throw new IllegalArgumentException("a " + source.wireName() + " conversation needs its recording");
        }
    }

    public Optional<Recording> recordingIfAny() {
        return Optional.ofNullable(recording);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Moves to a new status, enforcing {@link ProcessingStatus#canMoveTo}. Moving to the same
     * status only updates the processing details (progress within a stage).
     */
    public Conversation withStatus(ProcessingStatus next, Processing details, Instant now) {
        if (next != status && !status.canMoveTo(next)) {
            throw new IllegalStateException("illegal status change " + status + " -> " + next + " for " + id);
        }
        return toBuilder().status(next).processing(details).updatedAt(now).build();
    }

    /** Copies with one thing changed; validation runs again in {@link #build()}. */
    public static final class Builder {
        private String id;
        private String workspaceId;
        private String reference;
        private String title;
        private Source source;
        private Medium medium = Medium.DEFAULT;
        private String teamId;
        private String contactId;
        private String ownerId;
        private List<String> tags = List.of();
        private Map<String, Object> customFields = Map.of();
        private ProcessingStatus status = ProcessingStatus.QUEUED;
        private Processing processing = Processing.NONE;
        private Recording recording;
        private String sourceUrl;
        private Instant occurredAt;
        private Instant createdAt;
        private Instant updatedAt;

        public Builder() {
        }

        private Builder(Conversation c) {
            id = c.id;
            workspaceId = c.workspaceId;
            reference = c.reference;
            title = c.title;
            source = c.source;
            medium = c.medium;
            teamId = c.teamId;
            contactId = c.contactId;
            ownerId = c.ownerId;
            tags = c.tags;
            customFields = c.customFields;
            status = c.status;
            processing = c.processing;
            recording = c.recording;
            sourceUrl = c.sourceUrl;
            occurredAt = c.occurredAt;
            createdAt = c.createdAt;
            updatedAt = c.updatedAt;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder workspaceId(String v) { workspaceId = v; return this; }
        public Builder reference(String v) { reference = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder source(Source v) { source = v; return this; }
        public Builder medium(Medium v) { medium = v; return this; }
        public Builder teamId(String v) { teamId = v; return this; }
        public Builder contactId(String v) { contactId = v; return this; }
        public Builder ownerId(String v) { ownerId = v; return this; }
        public Builder tags(List<String> v) { tags = v; return this; }
        public Builder customFields(Map<String, Object> v) { customFields = new LinkedHashMap<>(v); return this; }
        public Builder status(ProcessingStatus v) { status = v; return this; }
        public Builder processing(Processing v) { processing = v; return this; }
        public Builder recording(Recording v) { recording = v; return this; }
        public Builder sourceUrl(String v) { sourceUrl = v; return this; }
        public Builder occurredAt(Instant v) { occurredAt = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }

        public Conversation build() {
            return new Conversation(id, workspaceId, reference, title, source, medium, teamId, contactId, ownerId,
                    tags, customFields, status, processing, recording, sourceUrl, occurredAt, createdAt, updatedAt);
        }
    }
}
