package harmony.testkit;

import harmony.core.intelligence.metrics.Metric;
import harmony.core.intelligence.projects.Goal;
import harmony.core.intelligence.projects.InsightDefinition;
import harmony.core.intelligence.projects.Project;
import harmony.core.intelligence.projects.ProjectScope;
import harmony.core.intelligence.projects.ScoreRule;
import harmony.core.intelligence.projects.Scorecard;
import harmony.core.intelligence.rules.MetricCondition;
import harmony.core.intelligence.rules.NextMeetingBooked;
import harmony.core.port.out.ProjectCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ProjectCatalog} must do. An adapter's test extends this class and supplies a
 * fresh, empty catalog.
 */
public abstract class ProjectCatalogContract {

    /** A new, empty catalog. */
    protected abstract ProjectCatalog catalog();

    protected static Project project(String workspaceId, String id, String name) {
        return Project.builder(id, workspaceId, name)
                .scope(ProjectScope.EVERYTHING.withTeams("sales").withTags("demo"))
                .insight(InsightDefinition.tracker("pricing", "Pricing", "price", "discount*"))
                .insight(InsightDefinition.when("monologue", "Long monologue", MetricCondition.atLeast(Metric.LONGEST_MONOLOGUE_SECONDS, 90)))
                .goal(new Goal("booked", "Next meeting booked", new NextMeetingBooked()))
                .scorecard(new Scorecard("card", "Quality", List.of(new ScoreRule("r", "Booked", 1, new NextMeetingBooked()))))
                .build();
    }

    @Test
    void savesAndFindsAProjectWithAllItsDefinitions() {
        ProjectCatalog c = catalog();
        Project p = project("ws1", "p1", "Sales");
        c.save(p);
        assertThat(c.find("ws1", "p1")).contains(p);
        assertThat(c.list("ws1")).containsExactly(p);
    }

    @Test
    void listsInTheOrderFirstSavedAndSavingAgainReplaces() {
        ProjectCatalog c = catalog();
        c.save(project("ws1", "b", "B"));
        c.save(project("ws1", "a", "A"));
        Project renamed = project("ws1", "b", "B renamed");
        c.save(renamed);
        assertThat(c.list("ws1")).extracting(Project::id).containsExactly("b", "a");
        assertThat(c.find("ws1", "b")).contains(renamed);
    }

    @Test
    void workspacesAreIsolated() {
        ProjectCatalog c = catalog();
        c.save(project("ws1", "p", "One"));
        c.save(project("ws2", "p", "Two"));
        assertThat(c.find("ws1", "p")).get().extracting(Project::name).isEqualTo("One");
        assertThat(c.find("ws2", "p")).get().extracting(Project::name).isEqualTo("Two");
        assertThat(c.list("ws3")).isEmpty();
        assertThat(c.delete("ws3", "p")).isFalse();
        assertThat(c.delete("ws1", "p")).isTrue();
        assertThat(c.find("ws1", "p")).isEmpty();
        assertThat(c.find("ws2", "p")).isPresent();
    }

    @Test
    void deletingWhatIsNotThereSaysSo() {
        ProjectCatalog c = catalog();
        assertThat(c.delete("ws1", "nothing")).isFalse();
        assertThat(c.find("ws1", "nothing")).isEmpty();
    }
}
