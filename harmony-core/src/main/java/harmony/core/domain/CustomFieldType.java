package harmony.core.domain;

import java.util.Locale;
import java.util.Optional;

/** The kinds of value a workspace's custom field can hold. */
public enum CustomFieldType {
    TEXT, NUMBER, DATE, BOOLEAN, SINGLE_SELECT, MULTI_SELECT;

    public boolean hasOptions() {
        return this == SINGLE_SELECT || this == MULTI_SELECT;
    }

    /** {@code text}, {@code number}, {@code date}, {@code boolean}, {@code single-select}, {@code multi-select}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CustomFieldType> fromWireName(String value) {
        for (CustomFieldType t : values()) {
            if (t.wireName().equalsIgnoreCase(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
