package harmony.testkit;

import harmony.core.domain.Contact;
import harmony.core.domain.Conversation;
import harmony.core.domain.CustomFieldDefinition;
import harmony.core.domain.CustomFieldType;
import harmony.core.domain.Medium;
import harmony.core.domain.ProcessingStatus;
import harmony.core.domain.Recording;
import harmony.core.domain.Source;
import harmony.core.domain.Speaker;
import harmony.core.domain.Team;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;
import harmony.core.domain.User;
import harmony.core.domain.Workspace;
import harmony.core.port.out.Directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A small, realistic workspace for tests: two teams, three users (Ada in exactly one team, Grace in
 * two, Linus in none), three contacts, a required text field and a single-select field; plus a
 * second workspace to prove isolation.
 */
public final class Fixtures {
    public static final String WS = "ws-acme";
    public static final String OTHER_WS = "ws-globex";
    public static final String SALES = "team-sales";
    public static final String SUPPORT = "team-support";
    public static final String ADA = "user-ada";
    public static final String GRACE = "user-grace";
    public static final String LINUS = "user-linus";
    public static final String DANA = "contact-dana";
    public static final String OMAR = "contact-omar";
    public static final String PRIYA = "contact-priya";
    public static final String OTHER_TEAM = "team-globex";
    public static final String OTHER_USER = "user-hank";
    public static final String OTHER_CONTACT = "contact-gina";
    public static final Instant T0 = Instant.parse("2026-11-28T16:00:00Z");

    public static void seed(Directory directory) {
        directory.save(new Workspace(WS, "Acme"));
        directory.save(new Team(SALES, WS, "Sales"));
        directory.save(new Team(SUPPORT, WS, "Support"));
        directory.save(new User(ADA, WS, "Ada Lovelace", "ada@acme.test", Set.of(SALES)));
        directory.save(new User(GRACE, WS, "Grace Hopper", "grace@acme.test", Set.of(SALES, SUPPORT)));
        directory.save(new User(LINUS, WS, "Linus Torvalds", "linus@acme.test", Set.of()));
        directory.save(new Contact(DANA, WS, "Dana Reyes", "dana@initech.test", "Initech"));
        directory.save(new Contact(OMAR, WS, "Omar Little", "omar@bmore.test", "Baltimore Co"));
        directory.save(new Contact(PRIYA, WS, "Priya Natarajan", "priya.n@umbrella.test", "Umbrella"));
        directory.save(new CustomFieldDefinition("projectCode", WS, "Project code", CustomFieldType.TEXT, List.of(), true));
        directory.save(new CustomFieldDefinition("region", WS, "Account region", CustomFieldType.SINGLE_SELECT,
                List.of("EMEA", "AMER", "APAC"), false));
        directory.save(new CustomFieldDefinition("seats", WS, "Seats", CustomFieldType.NUMBER, List.of(), false));
        directory.save(new CustomFieldDefinition("renewal", WS, "Renewal date", CustomFieldType.DATE, List.of(), false));
        directory.save(new CustomFieldDefinition("champion", WS, "Has champion", CustomFieldType.BOOLEAN, List.of(), false));
        directory.save(new CustomFieldDefinition("products", WS, "Products", CustomFieldType.MULTI_SELECT,
                List.of("Voice", "Chat", "Analytics"), false));

        directory.save(new Workspace(OTHER_WS, "Globex"));
        directory.save(new Team(OTHER_TEAM, OTHER_WS, "Globex Sales"));
        directory.save(new User(OTHER_USER, OTHER_WS, "Hank Scorpio", "hank@globex.test", Set.of(OTHER_TEAM)));
        directory.save(new Contact(OTHER_CONTACT, OTHER_WS, "Gina Dana", "gina@globex.test", "Globex"));
    }

    /** A pasted-transcript conversation in {@link #WS}, created at {@code createdAt}. */
    public static Conversation conversation(String title, Instant createdAt) {
        return new Conversation.Builder()
                .id(UUID.randomUUID().toString())
                .workspaceId(WS)
                .reference("HMY-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase())
                .title(title)
                .source(Source.TRANSCRIPT_PASTE)
                .medium(Medium.CALL)
                .teamId(SALES)
                .contactId(DANA)
                .ownerId(ADA)
                .tags(List.of("discovery"))
                .customFields(Map.of("projectCode", "P-7"))
                .status(ProcessingStatus.QUEUED)
                .occurredAt(createdAt)
                .createdAt(createdAt)
                .updatedAt(createdAt)
                .build();
    }

    /** An uploaded-file conversation with its recording. */
    public static Conversation recordingConversation(String title, Instant createdAt) {
        return conversation(title, createdAt).toBuilder()
                .source(Source.FILE_UPLOAD)
                .recording(new Recording("rec/" + UUID.randomUUID(), "call.mp3", 1234, "audio/mpeg", null, null))
                .build();
    }

    public static Transcript transcript(String... lines) {
        Speaker s1 = Speaker.named("S1", "Ada Lovelace");
        Speaker s2 = Speaker.unnamed("S2");
        List<Turn> turns = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            turns.add(new Turn(i % 2 == 0 ? "S1" : "S2", i * 5000L, i * 5000L + 4000, lines[i]));
        }
        return new Transcript(List.of(s1, s2), turns);
    }

    private Fixtures() {
    }
}
