package harmony.core.ingest.transcript;

import harmony.core.domain.Contact;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;
import harmony.core.domain.User;
import harmony.core.port.out.Directory;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link StructuredImport} into a transcript: one speaker per participant (labelled by its
 * id), matched to the workspace's contact or user of that id or email where its kind says so, and
 * one turn per message in time order, starting at its {@code sentAt} minus the first message's.
 * A participant the directory does not know stays an unmatched speaker with the name it was sent
 * with.
 */
public final class StructuredConversationReader {
    private static final int EMAIL_SEARCH_LIMIT = 20;

    private final Directory directory;

    public StructuredConversationReader(Directory directory) {
        this.directory = directory;
    }

    public Transcript read(String workspaceId, StructuredImport conversation) {
        Map<String, Speaker> speakers = new LinkedHashMap<>();
        List<StructuredImport.Participant> participants = conversation.participants();
        if (participants.isEmpty()) {
            throw TranscriptFormatException.at("participants", "needs at least one participant");
        }
        for (int i = 0; i < participants.size(); i++) {
            String path = "participants[" + i + "]";
            StructuredImport.Participant p = participants.get(i);
            if (p == null) {
                throw TranscriptFormatException.at(path, "is missing");
            }
            String id = required(p.id(), path + ".id");
            String name = required(p.name(), path + ".name");
            String kind = p.kind() == null ? "" : p.kind().strip().toLowerCase(Locale.ROOT);
            if (!kind.equals("contact") && !kind.equals("user") && !kind.equals("external")) {
                throw TranscriptFormatException.at(path + ".kind", "must be contact, user or external");
            }
            if (speakers.containsKey(id)) {
                throw TranscriptFormatException.at(path + ".id", id + " is given twice");
            }
            speakers.put(id, match(workspaceId, Speaker.named(id, name.strip()), kind, id, p.email()));
        }

        List<StructuredImport.Message> messages = conversation.messages();
        if (messages.isEmpty()) {
            throw TranscriptFormatException.at("messages", "needs at least one message");
        }
        List<Timed> timed = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            String path = "messages[" + i + "]";
            StructuredImport.Message m = messages.get(i);
            if (m == null) {
                throw TranscriptFormatException.at(path, "is missing");
            }
            String participant = required(m.participantId(), path + ".participantId");
            if (!speakers.containsKey(participant)) {
                throw TranscriptFormatException.at(path + ".participantId", participant + " is not one of the participants");
            }
            String sentAt = required(m.sentAt(), path + ".sentAt");
            if (m.text() == null) {
                throw TranscriptFormatException.at(path + ".text", "is missing");
            }
            timed.add(new Timed(i, participant, instant(sentAt, path + ".sentAt"), m.text().strip()));
        }
        timed.sort(Comparator.comparing(Timed::sentAt));
        Instant first = timed.get(0).sentAt();
        List<Turn> turns = new ArrayList<>(timed.size());
        for (Timed t : timed) {
            long offset;
            try {
                offset = Duration.between(first, t.sentAt()).toMillis();
            } catch (ArithmeticException e) {
                throw TranscriptFormatException.at("messages[" + t.index() + "].sentAt", "is too far from the first message");
            }
            if (!t.text().isEmpty()) {
                turns.add(new Turn(t.participantId(), offset, offset, t.text()));
            }
        }
        return new Transcript(List.copyOf(speakers.values()), turns);
    }

    private record Timed(int index, String participantId, Instant sentAt, String text) {
    }

    private Speaker match(String workspaceId, Speaker speaker, String kind, String id, String email) {
        boolean hasEmail = email != null && !email.isBlank();
        if (kind.equals("contact")) {
            Optional<Contact> contact = directory.contact(workspaceId, id);
            if (contact.isEmpty() && hasEmail) {
                contact = directory.searchContacts(workspaceId, email.strip(), EMAIL_SEARCH_LIMIT).stream()
                        .filter(c -> email.strip().equalsIgnoreCase(c.email())).findFirst();
            }
            return contact.map(speaker::matchedToContact).orElse(speaker);
        }
        if (kind.equals("user")) {
            Optional<User> user = directory.user(workspaceId, id);
            if (user.isEmpty() && hasEmail) {
                user = directory.users(workspaceId).stream()
                        .filter(u -> email.strip().equalsIgnoreCase(u.email())).findFirst();
            }
            return user.map(speaker::matchedToUser).orElse(speaker);
        }
        return speaker;
    }

    private static String required(String value, String path) {
        if (value == null || value.isBlank()) {
            throw TranscriptFormatException.at(path, "is missing");
        }
        return value.strip();
    }

    private static Instant instant(String value, String path) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw TranscriptFormatException.at(path, "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                    + "\" is not an ISO-8601 time with a zone, such as 2026-11-28T16:00:00Z");
        }
    }
}
