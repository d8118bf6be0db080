package harmony.core.intelligence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Which side of the conversation a speaker is on: the workspace's own people (matched to users) or
 * the outside party (matched to contacts). Unmatched speakers are {@link #UNKNOWN}.
 */
public enum Side {
    INTERNAL, EXTERNAL, UNKNOWN;

    /** True when {@code filter} is null (any side) or equal to this side. */
    public boolean matches(Side filter) {
        return filter == null || filter == this;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Side fromWireName(String value) {
        for (Side s : values()) {
            if (s.wireName().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown side \"" + value + "\"; known: internal, external, unknown");
    }
}
