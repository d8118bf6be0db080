package harmony.core.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The upload form as a client filled it in: raw, unchecked, every field optional. Custom-field
 * values arrive as parsed JSON (strings, numbers, booleans, lists) or as strings from form parts.
 * {@code idempotencyKey}, when the client sent one, makes the create safe to retry: a second create
 * with the key the workspace already used creates nothing and answers the first conversation.
 */
public record ConversationForm(String teamId, String contactId, String ownerId, String medium, String title,
                               String occurredAt, List<String> tags, Map<String, Object> customFields,
                               String idempotencyKey) {
    public static final ConversationForm EMPTY = new ConversationForm(null, null, null, null, null, null, List.of(), Map.of());

    public ConversationForm {
        tags = tags == null ? List.of() : List.copyOf(tags.stream().filter(t -> t != null).toList());
        customFields = customFields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    public ConversationForm(String teamId, String contactId, String ownerId, String medium, String title,
                            String occurredAt, List<String> tags, Map<String, Object> customFields) {
        this(teamId, contactId, ownerId, medium, title, occurredAt, tags, customFields, null);
    }

    public ConversationForm withTeam(String v) { return new ConversationForm(v, contactId, ownerId, medium, title, occurredAt, tags, customFields, idempotencyKey); }
    public ConversationForm withContact(String v) { return new ConversationForm(teamId, v, ownerId, medium, title, occurredAt, tags, customFields, idempotencyKey); }
    public ConversationForm withOwner(String v) { return new ConversationForm(teamId, contactId, v, medium, title, occurredAt, tags, customFields, idempotencyKey); }
    public ConversationForm withMedium(String v) { return new ConversationForm(teamId, contactId, ownerId, v, title, occurredAt, tags, customFields, idempotencyKey); }
    public ConversationForm withTitle(String v) { return new ConversationForm(teamId, contactId, ownerId, medium, v, occurredAt, tags, customFields, idempotencyKey); }
    public ConversationForm withOccurredAt(String v) { return new ConversationForm(teamId, contactId, ownerId, medium, title, v, tags, customFields, idempotencyKey); }
    public ConversationForm withTags(List<String> v) { return new ConversationForm(teamId, contactId, ownerId, medium, title, occurredAt, v, customFields, idempotencyKey); }
    public ConversationForm withIdempotencyKey(String v) { return new ConversationForm(teamId, contactId, ownerId, medium, title, occurredAt, tags, customFields, v); }
    public ConversationForm withCustomFields(Map<String, Object> v) { return new ConversationForm(teamId, contactId, ownerId, medium, title, occurredAt, tags, v, idempotencyKey); }
}
