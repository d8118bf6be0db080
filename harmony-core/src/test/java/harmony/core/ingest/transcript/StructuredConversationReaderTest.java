package harmony.core.ingest.transcript;

import harmony.core.domain.Contact;
import harmony.core.domain.CustomFieldDefinition;
import harmony.core.domain.Speaker;
import harmony.core.domain.Team;
import harmony.core.domain.Transcript;
import harmony.core.domain.User;
import harmony.core.domain.Workspace;
import harmony.core.ingest.transcript.StructuredImport.Message;
import harmony.core.ingest.transcript.StructuredImport.Participant;
import harmony.core.port.out.Directory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static harmony.core.ingest.transcript.Samples.turns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StructuredConversationReaderTest {
    private static final String WS = "ws1";
    private final TwoPeopleDirectory directory = new TwoPeopleDirectory();
    private final StructuredConversationReader reader = new StructuredConversationReader(directory);

    @Test
    void messagesBecomeTurnsInTimeOrderWithOffsetsFromTheFirstAndParticipantsMatchedByIdOrEmail() {
        StructuredImport chat = new StructuredImport(
                List.of(new Participant("c-1", "Marco", null, "contact"),
                        new Participant("u-x", "Dana", "DANA@harmony.test", "user"),
                        new Participant("guest", "Visitor", "visitor@else.test", "external"),
                        new Participant("c-404", "Unknown Contact", "nobody@nowhere.test", "contact")),
                List.of(new Message("u-x", "2026-11-28T16:00:05Z", "Second, though listed first."),
                        new Message("c-1", "2026-11-28T17:00:00+01:00", " Hello! "),
                        new Message("guest", "2026-11-28T16:01:00.250Z", "Late question"),
                        new Message("c-404", "2026-11-28T16:00:05Z", "Same second as Dana.")));
        Transcript t = reader.read(WS, chat);
        assertThat(t.speakers()).containsExactly(
                new Speaker("c-1", "Marco Bianchi", "c-1", null),
                new Speaker("u-x", "Dana Reyes", null, "u-1"),
                Speaker.named("guest", "Visitor"),
                Speaker.named("c-404", "Unknown Contact"));
        assertThat(turns(t)).containsExactly(
                "c-1|0|0|Hello!",
                "u-x|5000|5000|Second, though listed first.",
                "c-404|5000|5000|Same second as Dana.",
                "guest|60250|60250|Late question");
    }

    @Test
    void aContactIsFoundByEmailWhenItsIdIsNotADirectoryId() {
        Transcript t = reader.read(WS, new StructuredImport(
                List.of(new Participant("p1", "M.", "marco@acme.test", "contact")),
                List.of(new Message("p1", "2026-11-28T16:00:00Z", "hi"))));
        assertThat(t.speakers()).containsExactly(new Speaker("p1", "Marco Bianchi", "c-1", null));
    }

    @Test
    void theApiBodyBindsToTheRecordsAsIs() throws Exception {
        String body = "{\"participants\":[{\"id\":\"p1\",\"name\":\"Dana Reyes\",\"email\":\"dana@harmony.test\",\"kind\":\"user\"},"
                + "{\"id\":\"p2\",\"name\":\"Marco\",\"kind\":\"contact\"}],"
                + "\"messages\":[{\"participantId\":\"p2\",\"sentAt\":\"2026-11-28T16:00:00Z\",\"text\":\"Hi!\"},"
                + "{\"participantId\":\"p1\",\"sentAt\":\"2026-11-28T16:00:02.5Z\",\"text\":\"Hello Marco.\"}]}";
        StructuredImport bound = new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, StructuredImport.class);
        Transcript t = reader.read(WS, bound);
        assertThat(t.speakers()).containsExactly(new Speaker("p1", "Dana Reyes", null, "u-1"), Speaker.named("p2", "Marco"));
        assertThat(turns(t)).containsExactly("p2|0|0|Hi!", "p1|2500|2500|Hello Marco.");
    }

    @Test
    void everyMistakeNamesItsPlace() {
        Participant dana = new Participant("p1", "Dana", null, "user");
        Message ok = new Message("p1", "2026-11-28T16:00:00Z", "hi");
        expect(new StructuredImport(List.of(), List.of(ok)), "participants: needs at least one participant");
        expect(new StructuredImport(List.of(dana), List.of()), "messages: needs at least one message");
        expect(new StructuredImport(List.of(new Participant(" ", "X", null, "user")), List.of(ok)), "participants[0].id: is missing");
        expect(new StructuredImport(List.of(new Participant("p1", null, null, "user")), List.of(ok)), "participants[0].name: is missing");
        expect(new StructuredImport(List.of(new Participant("p1", "D", null, "bot")), List.of(ok)),
                "participants[0].kind: must be contact, user or external");
        expect(new StructuredImport(List.of(dana, dana), List.of(ok)), "participants[1].id: p1 is given twice");
        expect(new StructuredImport(List.of(dana), List.of(ok, new Message("p2", "2026-11-28T16:00:00Z", "x"))),
                "messages[1].participantId: p2 is not one of the participants");
        expect(new StructuredImport(List.of(dana), List.of(new Message("p1", "2026-11-28 16:00", "x"))),
                "messages[0].sentAt: \"2026-11-28 16:00\" is not an ISO-8601 time with a zone, such as 2026-11-28T16:00:00Z");
        expect(new StructuredImport(List.of(dana), List.of(new Message("p1", null, "x"))), "messages[0].sentAt: is missing");
        expect(new StructuredImport(List.of(dana), List.of(new Message("p1", "2026-11-28T16:00:00Z", null))),
                "messages[0].text: is missing");
        expect(new StructuredImport(java.util.Arrays.asList(dana, null), List.of(ok)), "participants[1]: is missing");
        expect(new StructuredImport(List.of(dana), java.util.Arrays.asList(ok, null)), "messages[1]: is missing");
        expect(new StructuredImport(List.of(dana), List.of(ok, new Message("p1", "+999999999-12-31T23:59:59Z", "x"))),
                "messages[1].sentAt: is too far from the first message");
    }

    private void expect(StructuredImport in, String message) {
        assertThatThrownBy(() -> reader.read(WS, in)).isInstanceOf(TranscriptFormatException.class).hasMessage(message);
    }

    /** A directory with one contact and one user in ws1, and a same-email contact in another workspace. */
    private static final class TwoPeopleDirectory implements Directory {
        private final List<Contact> contacts = new ArrayList<>(List.of(
                new Contact("c-1", WS, "Marco Bianchi", "marco@acme.test", "Acme"),
                new Contact("c-9", "ws2", "Other Marco", "marco@acme.test", "Acme")));
        private final List<User> users = List.of(new User("u-1", WS, "Dana Reyes", "dana@harmony.test", Set.of()));

        @Override
        public Optional<Workspace> workspace(String workspaceId) {
            return Optional.empty();
        }

        @Override
        public List<Team> teams(String workspaceId) {
            return List.of();
        }

        @Override
        public List<User> users(String workspaceId) {
            return users.stream().filter(u -> u.workspaceId().equals(workspaceId)).toList();
        }

        @Override
        public List<Contact> searchContacts(String workspaceId, String query, int limit) {
            return contacts.stream().filter(c -> c.workspaceId().equals(workspaceId))
                    .filter(c -> c.name().startsWith(query) || (c.email() != null && c.email().startsWith(query)))
                    .limit(limit).toList();
        }

        @Override
        public List<CustomFieldDefinition> customFields(String workspaceId) {
            return List.of();
        }

        @Override
        public Optional<Contact> contact(String workspaceId, String contactId) {
            return contacts.stream().filter(c -> c.workspaceId().equals(workspaceId) && c.id().equals(contactId)).findFirst();
        }

        @Override
        public void save(Workspace workspace) {
        }

        @Override
        public void save(Team team) {
        }

        @Override
        public void save(User user) {
        }

        @Override
        public void save(Contact contact) {
        }

        @Override
        public void save(CustomFieldDefinition definition) {
        }
    }
}
