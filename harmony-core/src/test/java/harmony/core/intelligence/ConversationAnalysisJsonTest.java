package harmony.core.intelligence;

import harmony.core.intelligence.projects.Project;
import harmony.core.intelligence.projects.ProjectDefinitionsTestAccess;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationAnalysisJsonTest {

    @Test
    void anAnalysisSurvivesJson() {
        LabelledConversation lc = LabelledConversation.all().get(0);
        ConversationContext ctx = ConversationContext.of(lc.conversation(), lc.transcript());
        List<Project> projects = List.of(ProjectDefinitionsTestAccess.sample());
        ConversationAnalysis a = ConversationAnalyzer.defaults().analyze(ctx, projects);
        assertThat(a.extraction().actionItems()).isNotEmpty();
        assertThat(a.goals()).isNotEmpty();
        assertThat(a.scores()).isNotEmpty();
        String json = a.toJson();
        assertThat(json).contains("\"dueDate\":\"2026-03-13\"", "\"side\":\"internal\"");
        assertThat(ConversationAnalysis.fromJson(json)).isEqualTo(a);
    }
}
