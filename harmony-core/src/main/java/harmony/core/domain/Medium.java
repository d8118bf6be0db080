package harmony.core.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the conversation took place. Chat is the product's default. */
public enum Medium {
    CALL, VIDEO, CHAT;

    public static final Medium DEFAULT = CHAT;

    /** The lower-case name used on the wire and in the UI ({@code call}, {@code video}, {@code chat}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Medium> fromWireName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.name().equals(v)).findFirst();
    }
}
