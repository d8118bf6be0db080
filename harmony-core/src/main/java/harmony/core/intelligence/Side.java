package harmony.core.intelligence;

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
}
