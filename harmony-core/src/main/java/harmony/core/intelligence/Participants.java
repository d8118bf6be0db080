package harmony.core.intelligence;

import harmony.core.domain.Contact;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The default {@link SpeakerResolver}: a transcript's speakers (side from their match: contact is
 * external, user internal) plus, optionally, the workspace's users and contacts, so that "our
 * recruiter Hannah" can own an action item without having spoken.
 */
public final class Participants implements SpeakerResolver {
    private final Map<String, Speaker> speakers;
    private final Map<String, String> names = new java.util.HashMap<>();
    private final List<Person> people;

    private Participants(Map<String, Speaker> speakers, List<Person> people) {
        this.speakers = speakers;
        this.people = people;
        speakers.forEach((label, s) -> names.put(label, s.displayName()));
    }

    public static Participants of(Transcript transcript) {
        return of(transcript, List.of(), List.of());
    }

    public static Participants of(Transcript transcript, List<User> users, List<Contact> contacts) {
        Map<String, Speaker> byLabel = transcript.speakers().stream()
                .collect(Collectors.toMap(Speaker::label, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        List<Person> people = new ArrayList<>();
        for (Speaker s : transcript.speakers()) {
            people.add(new Person(s.label(), s.displayName(), sideOf(s)));
        }
        for (User u : users) {
            people.add(new Person(null, u.name(), Side.INTERNAL));
        }
        for (Contact c : contacts) {
            people.add(new Person(null, c.name(), Side.EXTERNAL));
        }
        return new Participants(byLabel, List.copyOf(people));
    }

    private static Side sideOf(Speaker s) {
        if (s.contactId() != null) {
            return Side.EXTERNAL;
        }
        return s.userId() != null ? Side.INTERNAL : Side.UNKNOWN;
    }

    @Override
    public String displayName(String label) {
        return names.getOrDefault(label, label);
    }

    @Override
    public Side side(String label) {
        Speaker s = speakers.get(label);
        return s == null ? Side.UNKNOWN : sideOf(s);
    }

    @Override
    public Optional<Person> find(String spokenName) {
        String wanted = spokenName.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (Person p : people) {
            if (p.name().toLowerCase(Locale.ROOT).equals(wanted) || (p.label() != null && p.label().equalsIgnoreCase(wanted))) {
                return Optional.of(p);
            }
        }
        // A first name (or any single name part) counts when it points at one person only; speakers win.
        List<Person> byPart = people.stream().filter(p -> hasNamePart(p.name(), wanted)).toList();
        List<Person> speaking = byPart.stream().filter(p -> p.label() != null).toList();
        if (speaking.size() == 1) {
            return Optional.of(speaking.get(0));
        }
        return byPart.size() == 1 ? Optional.of(byPart.get(0)) : Optional.empty();
    }

    private static boolean hasNamePart(String name, String part) {
        String n = name.toLowerCase(Locale.ROOT);
        int at = n.indexOf(part);
        while (at >= 0) {
            int end = at + part.length();
            boolean startOk = at == 0 || " .-".indexOf(n.charAt(at - 1)) >= 0;
            boolean endOk = end == n.length() || " .-".indexOf(n.charAt(end)) >= 0;
            if (startOk && endOk) {
                return true;
            }
            at = n.indexOf(part, at + 1);
        }
        return false;
    }
}
