package harmony.core.ingest;

import harmony.core.domain.CustomFieldDefinition;
import harmony.core.domain.Medium;
import harmony.core.domain.User;
import harmony.core.error.FieldError;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import harmony.core.port.out.Directory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The upload form's rules, shared by every way in: Team, Contact, Owner and Medium are required;
 * Owner defaults to the acting user, Team to the owner's only team, Medium to chat; custom fields are
 * checked against the workspace's definitions. All problems are reported together, each with its field.
 */
public final class FormRules {
    public static final int MAX_TITLE = 300;
    public static final int MAX_TAG = 64;
    public static final int MAX_TAGS = 50;

    private final Directory directory;

    public FormRules(Directory directory) {
        this.directory = directory;
    }

    /** Applies defaults and checks everything, or throws one error listing every problem. */
    public ResolvedForm resolve(String workspaceId, String actingUserId, ConversationForm form) {
        Problems problems = new Problems();

        String ownerId = blankToNull(form.ownerId()) != null ? form.ownerId().trim() : actingUserId;
        Optional<User> owner = ownerId == null ? Optional.empty() : directory.user(workspaceId, ownerId);
        if (ownerId == null) {
            problems.missing("owner");
        } else if (owner.isEmpty()) {
            problems.invalid("owner", "No such user in this workspace.");
        }

        String teamId = blankToNull(form.teamId());
        if (teamId == null && owner.isPresent() && owner.get().teamIds().size() == 1) {
            teamId = owner.get().teamIds().iterator().next();
        }
        if (teamId == null) {
            problems.missing("team");
        } else if (directory.team(workspaceId, teamId.trim()).isEmpty()) {
            problems.invalid("team", "No such team in this workspace.");
        }

        String contactId = blankToNull(form.contactId());
        if (contactId == null) {
            problems.missing("contact");
        } else if (directory.contact(workspaceId, contactId.trim()).isEmpty()) {
            problems.invalid("contact", "No such contact in this workspace.");
        }

        Medium medium = Medium.DEFAULT;
        if (blankToNull(form.medium()) != null) {
            Optional<Medium> parsed = Medium.fromWireName(form.medium());
            if (parsed.isEmpty()) {
                problems.invalid("medium", "Choose call, video or chat.");
            } else {
                medium = parsed.get();
            }
        }

        String title = blankToNull(form.title());
        if (title != null && title.trim().length() > MAX_TITLE) {
            problems.invalid("title", "Use at most " + MAX_TITLE + " characters.");
        }

        Instant occurredAt = null;
        if (blankToNull(form.occurredAt()) != null) {
            try {
                occurredAt = Instant.parse(form.occurredAt().trim());
            } catch (DateTimeParseException e) {
                problems.invalid("occurredAt", "Use an ISO-8601 date and time such as 2026-11-28T16:00:00Z.");
            }
        }

        List<String> tags = tags(form.tags(), problems);
        Map<String, Object> custom = customFields(workspaceId, form.customFields(), problems);

        problems.throwIfAny();
        return new ResolvedForm(teamId.trim(), contactId.trim(), ownerId, medium, title == null ? null : title.trim(),
                occurredAt, tags, custom);
    }

    private static List<String> tags(List<String> raw, Problems problems) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            for (String part : tag.split(",")) {
                String t = part.trim();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.length() > MAX_TAG) {
                    problems.invalid("tags", "A tag has at most " + MAX_TAG + " characters.");
                    continue;
                }
                tags.add(t);
            }
        }
        if (tags.size() > MAX_TAGS) {
            problems.invalid("tags", "Use at most " + MAX_TAGS + " tags.");
        }
        return List.copyOf(tags);
    }

    private Map<String, Object> customFields(String workspaceId, Map<String, Object> raw, Problems problems) {
        Map<String, CustomFieldDefinition> definitions = new LinkedHashMap<>();
        for (CustomFieldDefinition d : directory.customFields(workspaceId)) {
            definitions.put(d.key(), d);
        }
        for (String key : raw.keySet()) {
            if (!definitions.containsKey(key)) {
                problems.invalid("customFields." + key, "No such custom field in this workspace.");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (CustomFieldDefinition d : definitions.values()) {
            String field = "customFields." + d.key();
            Object value = raw.get(d.key());
            if (isEmpty(value)) {
                if (d.required()) {
                    problems.missing(field);
                }
                continue;
            }
            try {
                values.put(d.key(), CustomFieldValues.normalise(d, value));
            } catch (IllegalArgumentException e) {
                problems.invalid(field, e.getMessage());
            }
        }
        return values;
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Collects problems; missing required fields get the product's summary message. */
    private static final class Problems {
        private final List<FieldError> errors = new ArrayList<>();
        private boolean anyMissing;

        void missing(String field) {
            errors.add(new FieldError(field, UserMessages.REQUIRED));
            anyMissing = true;
        }

        void invalid(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw HarmonyException.invalidForm(errors, anyMissing);
            }
        }
    }

    /** Type and option checks for one custom field; the message says what a valid value looks like. */
    static final class CustomFieldValues {
        static Object normalise(CustomFieldDefinition d, Object value) {
            return switch (d.type()) {
                case TEXT -> text(value);
                case NUMBER -> number(value);
                case DATE -> date(value);
                case BOOLEAN -> bool(value);
                case SINGLE_SELECT -> option(d, text(value));
                case MULTI_SELECT -> options(d, value);
            };
        }

        private static String text(Object value) {
            if (value instanceof String s) {
                return s.trim();
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            throw new IllegalArgumentException("Enter text.");
        }

        private static BigDecimal number(Object value) {
            try {
                return value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(text(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Enter a number.");
            }
        }

        private static String date(Object value) {
            try {
                return LocalDate.parse(text(value)).toString();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Enter a date as YYYY-MM-DD.");
            }
        }

        private static Boolean bool(Object value) {
            if (value instanceof Boolean b) {
                return b;
            }
            String s = text(value).toLowerCase(Locale.ROOT);
            return switch (s) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new IllegalArgumentException("Enter yes or no.");
            };
        }

        private static String option(CustomFieldDefinition d, String value) {
            return d.options().stream().filter(o -> o.equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Choose one of: " + String.join(", ", d.options()) + "."));
        }

        private static List<String> options(CustomFieldDefinition d, Object value) {
            List<String> chosen = new ArrayList<>();
            Collection<?> items = value instanceof Collection<?> c ? c : List.of(text(value).split(","));
            for (Object item : items) {
                String v = text(item);
                if (!v.isEmpty()) {
                    String o = option(d, v);
                    if (!chosen.contains(o)) {
                        chosen.add(o);
                    }
                }
            }
            return List.copyOf(chosen);
        }

        private CustomFieldValues() {
        }
    }
}
