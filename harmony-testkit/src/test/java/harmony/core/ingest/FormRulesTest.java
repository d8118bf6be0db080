package harmony.core.ingest;

import harmony.core.domain.Medium;
import harmony.core.error.FieldError;
import harmony.core.error.HarmonyException;
import harmony.testkit.Fixtures;
import harmony.testkit.InMemoryDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static harmony.testkit.Fixtures.ADA;
import static harmony.testkit.Fixtures.DANA;
import static harmony.testkit.Fixtures.GRACE;
import static harmony.testkit.Fixtures.LINUS;
import static harmony.testkit.Fixtures.SALES;
import static harmony.testkit.Fixtures.SUPPORT;
import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FormRulesTest {
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final FormRules rules = new FormRules(directory);
    private final ConversationForm minimal = ConversationForm.EMPTY.withContact(DANA)
            .withCustomFields(Map.of("projectCode", "P-7"));

    @BeforeEach
    void seed() {
        Fixtures.seed(directory);
    }

    @Test
    void defaultsOwnerToTheActingUserTeamToTheirOnlyTeamAndMediumToChat() {
        ResolvedForm form = rules.resolve(WS, ADA, minimal);
        assertThat(form.ownerId()).isEqualTo(ADA);
        assertThat(form.teamId()).isEqualTo(SALES);
        assertThat(form.medium()).isEqualTo(Medium.CHAT);
        assertThat(form.contactId()).isEqualTo(DANA);
    }

    @Test
    void noTeamDefaultWhenTheOwnerHasSeveralTeamsOrNone() {
        for (String user : List.of(GRACE, LINUS)) {
            HarmonyException e = catchThrowableOfType(HarmonyException.class, () -> rules.resolve(WS, user, minimal));
            assertThat(e).hasMessage("Please fill in all required fields.");
            assertThat(e.fieldErrors()).containsExactly(new FieldError("team", "This field is required."));
        }
        assertThat(rules.resolve(WS, GRACE, minimal.withTeam(SUPPORT)).teamId()).isEqualTo(SUPPORT);
    }

    @Test
    void theTeamDefaultFollowsAChosenOwner() {
        ResolvedForm form = rules.resolve(WS, GRACE, minimal.withOwner(ADA));
        assertThat(form.ownerId()).isEqualTo(ADA);
        assertThat(form.teamId()).isEqualTo(SALES);
    }

    @Test
    void listsEveryMissingRequiredFieldInOneError() {
        HarmonyException e = catchThrowableOfType(HarmonyException.class,
                () -> rules.resolve(WS, LINUS, ConversationForm.EMPTY.withMedium(" ")));
        assertThat(e).hasMessage("Please fill in all required fields.");
        assertThat(e.fieldErrors()).extracting(FieldError::field)
                .containsExactly("team", "contact", "customFields.projectCode");
    }

    @Test
    void unknownIdsAndBadValuesAreNamedWithTheirField() {
        ConversationForm form = ConversationForm.EMPTY
                .withTeam("team-nope").withContact(Fixtures.OTHER_CONTACT).withOwner(Fixtures.OTHER_USER)
                .withMedium("fax").withOccurredAt("yesterday")
                .withCustomFields(Map.of("projectCode", "P-1", "region", "Mars", "seats", "many", "renewal", "31/01/2027",
                        "champion", "maybe", "products", List.of("Voice", "Telepathy"), "color", "blue"));
        HarmonyException e = catchThrowableOfType(HarmonyException.class, () -> rules.resolve(WS, ADA, form));

        assertThat(e).hasMessage("Please correct the highlighted fields.");
        assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "owner", "team", "contact", "medium", "occurredAt", "customFields.color", "customFields.region",
                "customFields.seats", "customFields.renewal", "customFields.champion", "customFields.products");
        assertThat(e.fieldErrors()).contains(new FieldError("customFields.region", "Choose one of: EMEA, AMER, APAC."));
    }

    @Test
    void aMissingRequiredFieldWinsTheSummaryEvenBesideOtherProblems() {
        HarmonyException e = catchThrowableOfType(HarmonyException.class,
                () -> rules.resolve(WS, ADA, ConversationForm.EMPTY.withMedium("fax")));
        assertThat(e).hasMessage("Please fill in all required fields.");
        assertThat(e.fieldErrors()).extracting(FieldError::field).contains("contact", "medium", "customFields.projectCode");
    }

    @Test
    void normalisesCustomFieldValuesTagsAndTimes() {
        ResolvedForm form = rules.resolve(WS, ADA, minimal
                .withMedium("VIDEO").withTitle("  Kickoff  ").withOccurredAt("2026-11-28T16:00:00Z")
                .withTags(List.of("demo, discovery", " demo ", ""))
                .withCustomFields(Map.of("projectCode", " P-7 ", "region", "emea", "seats", 25, "renewal", "2027-01-31",
                        "champion", "yes", "products", "chat,Voice")));
        assertThat(form.medium()).isEqualTo(Medium.VIDEO);
        assertThat(form.title()).isEqualTo("Kickoff");
        assertThat(form.occurredAt()).isEqualTo(Instant.parse("2026-11-28T16:00:00Z"));
        assertThat(form.tags()).containsExactly("demo", "discovery");
        assertThat(form.customFields()).containsExactlyInAnyOrderEntriesOf(Map.of("projectCode", "P-7", "region", "EMEA",
                "seats", new BigDecimal("25"), "renewal", "2027-01-31", "champion", true, "products", List.of("Chat", "Voice")));
    }
}
