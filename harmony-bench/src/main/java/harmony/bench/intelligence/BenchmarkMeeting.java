package harmony.bench.intelligence;

import harmony.core.domain.Conversation;
import harmony.core.domain.Medium;
import harmony.core.domain.Source;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;
import harmony.core.intelligence.goals.Criteria;
import harmony.core.intelligence.metrics.Metric;
import harmony.core.intelligence.projects.Goal;
import harmony.core.intelligence.projects.InsightDefinition;
import harmony.core.intelligence.projects.Project;
import harmony.core.intelligence.projects.ScoreRule;
import harmony.core.intelligence.projects.Scorecard;
import harmony.core.intelligence.rules.InsightHits;
import harmony.core.intelligence.rules.MetricCondition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A long, realistic meeting built from varied sales, support and planning speech (commitments,
 * requests, dates, numbers, questions, back-channels), four speakers, timed turns; and a project with
 * trackers, a metric insight, goals and a scorecard — the work one conversation gives every stage.
 */
final class BenchmarkMeeting {
    private static final String[] NAMES = {"Dana Reyes", "Marcus Lee", "Priya Nair", "Tom Becker"};
    private static final String[] SENTENCES = {
            "Thanks for joining, everyone, let's go through the rollout plan for the {n} new seats.",
            "I'll send the revised quote with the {n} percent discount by Friday.",
            "Can you check whether the onboarding sessions can be bundled at no extra cost?",
            "Yes, I'll ask the services team and get back to you by Tuesday.",
            "Our current vendor charges around {n} thousand dollars a year, which is over budget.",
            "Honestly, the export keeps failing with a timeout error every night.",
            "Okay.",
            "Right, that makes sense.",
            "What does the migration timeline look like for the warehouse team?",
            "We looked at Gong last year but the pricing was too high for us.",
            "Let's schedule a follow-up call next Thursday at two to review the pilot results.",
            "Priya, could you share the security whitepaper and the SOC 2 report before the end of the week?",
            "Sure, I'll attach both to the same email this afternoon.",
            "The pilot had {n} active users out of eighty licences in the first month.",
            "I need to present this to our CFO on the twentieth, so the quote has to be final by then.",
            "Tom will update the CRM with the new contacts tomorrow morning.",
            "Did anything change on your identity provider side recently?",
            "Um, I think they rotated the signing certificate, you know, last night.",
            "I'll file a bug with engineering so expiring certificates trigger an alert.",
            "We decided to go with the annual plan and revisit the seat count in spring.",
            "Could you walk me through how the reports are shared with managers today?",
            "Managers get a weekly email with the top calls, and they basically never open it.",
            "Let me run the numbers with finance and send you a summary early next week.",
            "How many people would join the training sessions in Berlin?",
            "About {n} people, mostly from the support team and two from sales operations.",
            "Marcus, please loop in Karen from procurement so the contract is ready on time.",
            "Will do, I'll email her right after this call.",
            "If the certificate slips again, we can delay the first shipment by a week."};

    static Transcript transcript(int words, long seed) {
        Random rnd = new Random(seed);
        List<Speaker> speakers = List.of(
                new Speaker(NAMES[0], NAMES[0], null, "u1"), new Speaker(NAMES[1], NAMES[1], "c1", null),
                new Speaker(NAMES[2], NAMES[2], null, "u2"), new Speaker(NAMES[3], NAMES[3], "c2", null));
        List<Turn> turns = new ArrayList<>();
        long t = 0;
        int count = 0;
        int s = 0;
        while (count < words) {
            String speaker = NAMES[rnd.nextInt(NAMES.length)];
            StringBuilder text = new StringBuilder();
            int sentences = 1 + rnd.nextInt(4);
            for (int i = 0; i < sentences && count < words; i++) {
                String sentence = SENTENCES[s++ % SENTENCES.length].replace("{n}", String.valueOf(10 + rnd.nextInt(80)));
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(sentence);
                count += sentence.split("\\s+").length;
            }
            long duration = text.toString().split("\\s+").length * 400L;
            turns.add(new Turn(speaker, t, t + duration, text.toString()));
            t += duration + 200 + rnd.nextInt(900);
        }
        return new Transcript(speakers, turns);
    }

    static Conversation conversation() {
        Instant at = Instant.parse("2026-03-11T15:00:00Z");
        return new Conversation.Builder().id("bench").workspaceId("ws1").reference("HMY-BENCH1").title("Benchmark")
                .source(Source.TRANSCRIPT_PASTE).medium(Medium.VIDEO).teamId("sales").contactId("c1").ownerId("u1")
                .tags(List.of("demo")).occurredAt(at).createdAt(at).updatedAt(at).build();
    }

    static List<Project> projects() {
        return List.of(Project.builder("sales", "ws1", "Sales calls")
                .insight(InsightDefinition.tracker("pricing", "Pricing", "price", "pricing", "discount*", "budget", "dollar*", "quote"))
                .insight(InsightDefinition.tracker("competitors", "Competitors", "Gong", "Chorus", "Zendesk", "Salesforce"))
                .insight(InsightDefinition.tracker("issues", "Product issues", "bug", "error*", "failing", "timeout", "outage"))
                .insight(InsightDefinition.tracker("next-steps", "Next steps", "next step*", "follow up", "follow-up call"))
                .insight(InsightDefinition.when("monologue", "Long monologue", MetricCondition.atLeast(Metric.LONGEST_MONOLOGUE_SECONDS, 120)))
                .goal(new Goal("booked", "Next meeting booked", Criteria.nextMeetingBooked()))
                .goal(new Goal("pricing", "Pricing discussed", Criteria.pricingDiscussed()))
                .goal(new Goal("items", "Action items agreed", Criteria.actionItems(3)))
                .scorecard(new Scorecard("quality", "Call quality", List.of(
                        new ScoreRule("booked", "Next meeting booked", 3, Criteria.goal("booked")),
                        new ScoreRule("listening", "Customer talks 40%+", 2, Criteria.atLeast(Metric.TALK_RATIO_EXTERNAL, 0.4)),
                        new ScoreRule("questions", "Rep asks 10+ questions", 1, Criteria.atLeast(Metric.QUESTIONS_INTERNAL, 10)),
                        new ScoreRule("no-competitors", "No competitor talk", 1, InsightHits.none("competitors")))))
                .build());
    }

    private BenchmarkMeeting() {
    }
}
