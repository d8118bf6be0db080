package harmony.core.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The upload form as a client filled it in: raw, unchecked, every field optional. Custom-field
 * values arrive as parsed JSON (strings, numbers, booleans, lists) or as strings from form parts.
 */
public record ConversationForm(String teamId, String contactId, String ownerId, String medium, String title,
                               String occurredAt, List<String> tags, Map<String, Object> customFields) {
    public static final ConversationForm EMPTY = new ConversationForm(null, null, null, null, null, null, List.of(), Map.of());

    public ConversationForm {
        tags = tags == null ? List.of() : List.copyOf(tags.stream().filter(t -> t != null).toList());
        customFields = customFields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    public ConversationForm withTeam(String v) { return new ConversationForm(v, contactId, ownerId, medium, title, occurredAt, tags, customFields); }
    public ConversationForm withContact(String v) { return new ConversationForm(teamId, v, ownerId, medium, title, occurredAt, tags, customFields); }
    public ConversationForm withOwner(String v) { return new ConversationForm(teamId, contactId, v, medium, title, occurredAt, tags, customFields); }
    public ConversationForm withMedium(String v) { return new ConversationForm(teamId, contactId, ownerId, v, title, occurredAt, tags, customFields); }
    public ConversationForm withTitle(String v) { return new ConversationForm(teamId, contactId, ownerId, medium, v, occurredAt, tags, customFields); }
    public ConversationForm withOccurredAt(String v) { return new ConversationForm(teamId, contactId, ownerId, medium, title, v, tags, customFields); }
    public ConversationForm withTags(List<String> v) { return new ConversationForm(teamId, contactId, ownerId, medium, title, occurredAt, v, customFields); }
    public ConversationForm withCustomFields(Map<String, Object> v) { return new ConversationForm(teamId, contactId, ownerId, medium, title, occurredAt, tags, v); }
}
