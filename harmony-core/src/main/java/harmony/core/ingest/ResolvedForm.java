package harmony.core.ingest;

import harmony.core.domain.Medium;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A form that passed every rule, with defaults applied and custom-field values normalised. */
public record ResolvedForm(String teamId, String contactId, String ownerId, Medium medium, String title,
                           Instant occurredAt, List<String> tags, Map<String, Object> customFields) {
    public ResolvedForm {
        tags = List.copyOf(tags);
        customFields = Map.copyOf(customFields);
    }
}
