package harmony.app;

import harmony.core.domain.Contact;
import harmony.core.domain.CustomFieldDefinition;
import harmony.core.domain.CustomFieldType;
import harmony.core.domain.Team;
import harmony.core.domain.User;
import harmony.core.domain.Workspace;
import harmony.core.intelligence.metrics.Metric;
import harmony.core.intelligence.projects.Goal;
import harmony.core.intelligence.projects.InsightDefinition;
import harmony.core.intelligence.projects.Project;
import harmony.core.intelligence.projects.ProjectScope;
import harmony.core.intelligence.projects.ScoreRule;
import harmony.core.intelligence.projects.Scorecard;
import harmony.core.intelligence.rules.ActionItemsAgreed;
import harmony.core.intelligence.rules.GoalMet;
import harmony.core.intelligence.rules.InsightHits;
import harmony.core.intelligence.rules.MetricCondition;
import harmony.core.intelligence.rules.NextMeetingBooked;
import harmony.core.port.in.IssueApiKey;
import harmony.core.port.out.Directory;
import harmony.core.port.out.ProjectCatalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Two demo workspaces, to show that they never see each other: teams, users (the key's user in
 * exactly one team), contacts, custom fields (one required, one select) and projects with Insight
 * Definitions, goals and a scorecard. Seeding is idempotent, and safe when the nodes of a cluster seed one
 * empty database at once.
 */
public final class DemoWorkspaces {
    private static final Logger log = LoggerFactory.getLogger(DemoWorkspaces.class);
    private static final int ATTEMPTS = 10;

    /** A fresh API key, issued at each start (only hashes are stored, so old ones cannot be shown again). */
    public record DemoKey(String workspace, String user, String key) {
    }

    /**
     * Saves the demo data and issues a key for each workspace. Directory saves are single insert-or-update
     * statements, but other writes (a project's definitions) can still collide with another node's; seeding is
     * idempotent, so the node that lost seeds again, and then finds the rows there.
     */
    public static List<DemoKey> seed(Directory directory, ProjectCatalog projects, IssueApiKey keys) {
        for (int attempt = 1; ; attempt++) {
            try {
                saveAll(directory, projects);
                break;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Seeding the demo workspaces collided with another node ({}); seeding again", e.getMessage());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(20, 200)));
            }
        }
        return List.of(
                new DemoKey("Acme Corp", "Ada Lovelace", keys.issueApiKey("acme", "acme-ada", "demo").key()),
                new DemoKey("Globex Support", "Hank Scorpio", keys.issueApiKey("globex", "globex-hank", "demo").key()));
    }

    private static void saveAll(Directory directory, ProjectCatalog projects) {
        directory.save(new Workspace("acme", "Acme Corp"));
        directory.save(new Team("acme-sales", "acme", "Sales"));
        directory.save(new Team("acme-success", "acme", "Customer Success"));
        directory.save(new User("acme-ada", "acme", "Ada Lovelace", "ada@acme.example", Set.of("acme-sales")));
        directory.save(new User("acme-grace", "acme", "Grace Hopper", "grace@acme.example", Set.of("acme-sales", "acme-success")));
        directory.save(new User("acme-alan", "acme", "Alan Turing", "alan@acme.example", Set.of("acme-success")));
        directory.save(new Contact("acme-dana", "acme", "Dana Reyes", "dana@initech.example", "Initech"));
        directory.save(new Contact("acme-omar", "acme", "Omar Little", "omar@bmore.example", "Baltimore Shipping"));
        directory.save(new Contact("acme-priya", "acme", "Priya Natarajan", "priya@umbrella.example", "Umbrella Health"));
        directory.save(new Contact("acme-li", "acme", "Li Wei", "li.wei@globex.example", "Globex"));
        directory.save(new CustomFieldDefinition("dealStage", "acme", "Deal stage", CustomFieldType.SINGLE_SELECT,
                List.of("Discovery", "Demo", "Proposal", "Negotiation", "Closed"), true));
        directory.save(new CustomFieldDefinition("region", "acme", "Account region", CustomFieldType.SINGLE_SELECT,
                List.of("EMEA", "AMER", "APAC"), false));
        directory.save(new CustomFieldDefinition("projectCode", "acme", "Project code", CustomFieldType.TEXT, List.of(), false));

        directory.save(new Workspace("globex", "Globex Support"));
        directory.save(new Team("globex-tier1", "globex", "Tier 1"));
        directory.save(new Team("globex-tier2", "globex", "Tier 2"));
        directory.save(new User("globex-hank", "globex", "Hank Scorpio", "hank@globex.example", Set.of("globex-tier1")));
        directory.save(new User("globex-marge", "globex", "Marge Bouvier", "marge@globex.example", Set.of("globex-tier2")));
        directory.save(new Contact("globex-homer", "globex", "Homer Simpson", "homer@springfield.example", "Springfield Nuclear"));
        directory.save(new Contact("globex-lisa", "globex", "Lisa Simpson", "lisa@springfield.example", "Springfield Elementary"));
        directory.save(new CustomFieldDefinition("ticket", "globex", "Ticket number", CustomFieldType.TEXT, List.of(), true));
        directory.save(new CustomFieldDefinition("priority", "globex", "Priority", CustomFieldType.SINGLE_SELECT,
                List.of("Low", "Normal", "High", "Urgent"), false));

        projects.save(Project.builder("acme-sales-calls", "acme", "Sales calls")
                .description("Every Sales team conversation: what customers raise and whether the call moved the deal on.")
                .scope(new ProjectScope(List.of("acme-sales"), List.of(), List.of(), java.util.Map.of()))
                .insight(InsightDefinition.tracker("pricing", "Pricing discussed", "price", "pricing", "discount", "budget", "cost*"))
                .insight(InsightDefinition.tracker("competitors", "Competitors mentioned", "Globex", "Initrode", "competitor*"))
                .insight(InsightDefinition.tracker("security", "Security questions", "security", "SOC 2", "GDPR", "encryption"))
                .insight(InsightDefinition.when("long-monologue", "Long monologue", MetricCondition.atLeast(Metric.LONGEST_MONOLOGUE_SECONDS, 120)))
                .goal(new Goal("next-meeting", "Next meeting booked", new NextMeetingBooked()))
                .goal(new Goal("pricing-covered", "Pricing covered", InsightHits.atLeast("pricing", 1)))
                .scorecard(new Scorecard("discovery", "Discovery call", List.of(
                        new ScoreRule("asks-questions", "Asks questions", 2, MetricCondition.atLeast(Metric.QUESTIONS_INTERNAL, 3)),
                        new ScoreRule("listens", "Lets the customer talk", 2, MetricCondition.atMost(Metric.TALK_RATIO_INTERNAL, 0.65)),
                        new ScoreRule("next-step", "Books the next step", 3, new GoalMet("next-meeting")),
                        new ScoreRule("agrees-actions", "Agrees action items", 1, new ActionItemsAgreed(1)))))
                .build());
        projects.save(Project.builder("globex-support", "globex", "Support quality")
                .insight(InsightDefinition.tracker("refund", "Refund requested", "refund", "money back", "chargeback"))
                .insight(InsightDefinition.tracker("escalation", "Escalation", "escalate", "manager", "supervisor"))
                .goal(new Goal("resolved", "Follow-up agreed", new ActionItemsAgreed(1)))
                .build());
    }

    private DemoWorkspaces() {
    }
}
