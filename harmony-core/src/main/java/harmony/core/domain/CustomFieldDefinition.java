package harmony.core.domain;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A field a workspace's administrators added to the upload form. */
public record CustomFieldDefinition(String key, String workspaceId, String label, CustomFieldType type,
                                    List<String> options, boolean required) {
    public CustomFieldDefinition {
        requireNonNull(key, "key");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(label, "label");
        requireNonNull(type, "type");
        options = List.copyOf(options);
        if (type.hasOptions() && options.isEmpty()) {
            throw new IllegalArgumentException("a select field needs options: " + key);
        }
        if (!type.hasOptions() && !options.isEmpty()) {
            throw new IllegalArgumentException("only select fields have options: " + key);
        }
    }
}
