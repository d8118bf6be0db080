package harmony.core.intelligence.projects;

import harmony.core.domain.Conversation;
import harmony.core.domain.Medium;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which conversations belong to a project. Every rule that is set must hold; within a rule any
 * listed value will do; an empty scope takes every conversation of the workspace.
 *
 * @param teamIds      the conversation's team is one of these
 * @param tags         the conversation has at least one of these tags (case-insensitive)
 * @param media        the conversation's medium is one of these
 * @param customFields for each key, the conversation's value (or one of its values) is one of those listed
 */
public record ProjectScope(List<String> teamIds, List<String> tags, List<Medium> media, Map<String, List<String>> customFields) {
    public static final ProjectScope EVERYTHING = new ProjectScope(List.of(), List.of(), List.of(), Map.of());

    public ProjectScope {
        teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        media = media == null ? List.of() : List.copyOf(media);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    public boolean matches(Conversation c) {
        if (!teamIds.isEmpty() && !teamIds.contains(c.teamId())) {
            return false;
        }
        if (!tags.isEmpty() && c.tags().stream().noneMatch(t -> tags.stream().anyMatch(w -> w.equalsIgnoreCase(t)))) {
            return false;
        }
        if (!media.isEmpty() && !media.contains(c.medium())) {
            return false;
        }
        for (Map.Entry<String, List<String>> rule : customFields.entrySet()) {
            Object value = c.customFields().get(rule.getKey());
            if (value == null || !anyEquals(value, rule.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyEquals(Object value, List<String> wanted) {
        if (value instanceof Collection<?> many) {
            return many.stream().anyMatch(v -> anyEquals(v, wanted));
        }
        for (String w : wanted) {
            if (value instanceof BigDecimal n) {
                try {
                    if (n.compareTo(new BigDecimal(w.strip())) == 0) {
                        return true;
                    }
                } catch (NumberFormatException e) {
                    // not a number: cannot equal a number
                }
            } else if (String.valueOf(value).strip().toLowerCase(Locale.ROOT).equals(w.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    public ProjectScope withTeams(String... ids) {
        return new ProjectScope(List.of(ids), tags, media, customFields);
    }

    public ProjectScope withTags(String... anyOf) {
        return new ProjectScope(teamIds, List.of(anyOf), media, customFields);
    }

    public ProjectScope withMedia(Medium... anyOf) {
        return new ProjectScope(teamIds, tags, List.of(anyOf), customFields);
    }

    public ProjectScope withCustomField(String key, String... anyOf) {
        Map<String, List<String>> m = new java.util.LinkedHashMap<>(customFields);
        m.put(key, List.of(anyOf));
        return new ProjectScope(teamIds, tags, media, m);
    }
}
