package harmony.core.intelligence;

import static java.util.Objects.requireNonNull;

/**
 * Someone a conversation can name: a transcript speaker (with its label) or a workspace user or
 * contact who did not speak (label null).
 */
public record Person(String label, String name, Side side) {
    public Person {
        requireNonNull(name, "name");
        requireNonNull(side, "side");
    }
}
