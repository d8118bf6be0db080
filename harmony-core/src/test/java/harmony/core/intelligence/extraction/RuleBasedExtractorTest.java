package harmony.core.intelligence.extraction;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.Conversations;
import harmony.core.intelligence.Side;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleBasedExtractorTest {
    private final RuleBasedExtractor extractor = new RuleBasedExtractor();

    private static List<ActionItem> items(Conversations c) {
        return new RuleBasedExtractor().extract(c.context()).actionItems();
    }

    @Test
    void aCommitmentIsOwnedByTheSpeakerWithItsDueDateAndEvidence() {
        Conversations c = Conversations.at("2026-03-11T15:00:00Z").user("Dana").contact("Marcus")
                .say("Marcus", 0, 4000, "Can you walk me through the pricing?")
                .say("Dana", 5000, 12000, "Sure. I'll send you the pricing sheet by Friday.");
        List<ActionItem> items = items(c);
        assertThat(items).hasSize(1);
        ActionItem a = items.get(0);
        assertThat(a.text()).isEqualTo("Send Marcus the pricing sheet by Friday");
        assertThat(a.ownerLabel()).isEqualTo("Dana");
        assertThat(a.ownerName()).isEqualTo("Dana");
        assertThat(a.dueDate()).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(a.evidence().speaker()).isEqualTo("Dana");
        assertThat(a.evidence().startMs()).isBetween(5000L, 12000L);
        assertThat(a.evidence().quote()).isEqualTo("I'll send you the pricing sheet by Friday.");
    }

    @Test
    void aRequestIsOwnedByThePersonAskedAndMergedWithTheirAnswer() {
        Conversations c = Conversations.at("2026-04-14T09:00:00Z").user("Alex").user("Nina").user("Raj")
                .say("Alex", "Nina, can you reach out to Maria this week?")
                .say("Raj", "Maria is great.")
                .say("Nina", "Yes, I'll email her tomorrow.");
        List<ActionItem> items = items(c);
        assertThat(items).singleElement().satisfies(a -> {
            assertThat(a.ownerName()).isEqualTo("Nina");
            assertThat(a.text()).isEqualTo("Reach out to Maria this week; email her tomorrow");
        });
    }

    @Test
    void anAcceptedRequestTakesTheDateOfTheAnswer() {
        Conversations c = Conversations.at("2026-03-05T17:00:00Z").user("Hannah").user("Carlos")
                .say("Hannah", "Carlos, could you call her second reference by Monday?")
                .say("Carlos", "Yes, I'll call them tomorrow.");
        assertThat(items(c)).singleElement().satisfies(a -> {
            assertThat(a.ownerName()).isEqualTo("Carlos");
            assertThat(a.dueDate()).isEqualTo(LocalDate.of(2026, 3, 6));
        });
    }

    @Test
    void inMeetingRequestsRefusalsAndPastWorkAreNotActionItems() {
        Conversations c = Conversations.at("2026-03-11T15:00:00Z").user("Dana").contact("Hugo")
                .say("Dana", "Can you hear me okay? Could you walk me through your setup?")
                .say("Hugo", "Sure. We sent the invoice yesterday. Can you waive the fee?")
                .say("Dana", "Unfortunately I can't do that. I'll be honest with you, it's policy.");
        assertThat(items(c)).isEmpty();
    }

    @Test
    void delegationIsOwnedByTheNamedPerson() {
        Conversations c = Conversations.at("2026-02-03T10:30:00Z").user("Priya").contact("Tom")
                .say("Priya", "Can you send me the new certificate?")
                .say("Tom", "Sure, I'll ask Ahmed in IT to email it to you within the hour.");
        assertThat(items(c)).singleElement().satisfies(a -> {
            assertThat(a.ownerName()).isEqualTo("Ahmed");
            assertThat(a.ownerLabel()).isNull();
            assertThat(a.dueDate()).isEqualTo(LocalDate.of(2026, 2, 3));
        });
    }

    @Test
    void aNamedPersonsWillIsTheirActionItemAndLetsScheduleIsTheSpeakers() {
        Conversations c = Conversations.at("2026-05-06T14:00:00Z").user("Grace").contact("Jamal")
                .say("Grace", "Next steps: our recruiter Hannah will reach out by Monday to schedule the next round.")
                .say("Jamal", "Great. Let's schedule a follow-up call next Thursday.");
        List<ActionItem> items = items(c);
        assertThat(items).extracting(ActionItem::ownerName).containsExactly("Hannah", "Jamal");
        assertThat(items).extracting(ActionItem::dueDate).containsExactly(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 14));
    }

    @Test
    void anOfferTakenUpBecomesAnItemAndOneLeftOpenDoesNot() {
        Conversations taken = Conversations.at("2026-02-09T10:00:00Z").user("Oliver").user("Zoe")
                .say("Zoe", "I can spend a day on the flaky tests.")
                .say("Oliver", "Please do, that's been painful.");
        assertThat(items(taken)).singleElement().satisfies(a -> assertThat(a.ownerName()).isEqualTo("Zoe"));
        Conversations open = Conversations.at("2026-02-09T10:00:00Z").user("Oliver").user("Zoe")
                .say("Zoe", "I can spend a day on the flaky tests.")
                .say("Oliver", "Let's see how the week goes.");
        assertThat(items(open)).isEmpty();
    }

    @Test
    void questionsCarryTheirSideAndDecisionsAreFound() {
        Conversations c = Conversations.at("2026-03-11T15:00:00Z").user("Dana").contact("Marcus")
                .say("Marcus", "What does the team plan cost per seat?")
                .say("Dana", "Twenty eight dollars. Which plan do you prefer?")
                .say("Marcus", "Okay, let's go with the team plan.");
        Extraction x = extractor.extract(c.context());
        assertThat(x.questions()).extracting(Question::side).containsExactly(Side.EXTERNAL, Side.INTERNAL);
        assertThat(x.decisions()).singleElement().satisfies(d -> assertThat(d.text()).contains("go with the team plan"));
        assertThat(x.method()).isEqualTo(Extraction.RULES);
    }

    @Test
    void theSummaryKeepsKeySentencesInOrderAndGrowsWithTheMeeting() {
        Conversations small = Conversations.at("2026-03-11T15:00:00Z").user("Dana").contact("Marcus");
        for (int i = 0; i < 8; i++) {
            small.say("Dana", "We reviewed the onboarding plan for the Northwind rollout in week " + (i + 1) + " with the support team.")
                    .say("Marcus", "The Northwind rollout needs " + (10 + i) + " more seats for the support team.");
        }
        ConversationContext ctx = small.context();
        Summary s = extractor.extract(ctx).summary();
        assertThat(s.keySentences()).hasSizeBetween(3, 12);
        List<Long> times = s.keySentences().stream().map(e -> e.startMs()).toList();
        assertThat(times).isSorted();
        assertThat(s.text()).startsWith(s.keySentences().get(0).quote());
        assertThat(s.topics()).contains("northwind", "rollout");

        Conversations big = Conversations.at("2026-03-11T15:00:00Z").user("Dana").contact("Marcus");
        for (int i = 0; i < 200; i++) {
            big.say(i % 2 == 0 ? "Dana" : "Marcus", "Topic " + i + " is about the warehouse migration budget and the timeline for region " + i + ".");
        }
        assertThat(extractor.extract(big.context()).summary().keySentences().size()).isGreaterThan(s.keySentences().size());
    }

    @Test
    void anEmptyTranscriptGivesAnEmptyExtraction() {
        Extraction x = extractor.extract(Conversations.at("2026-03-11T15:00:00Z").user("Dana").context());
        assertThat(x.actionItems()).isEmpty();
        assertThat(x.summary()).isEqualTo(Summary.EMPTY);
    }
}
