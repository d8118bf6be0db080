package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.domain.Transcript;
import harmony.core.intelligence.ConversationAnalysis;
import harmony.core.intelligence.ConversationAnalyzer;
import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.Participants;
import harmony.core.intelligence.projects.Project;
import harmony.core.port.out.ConversationAnalyses;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Directory;
import harmony.core.port.out.ProjectCatalog;

import java.time.ZoneOffset;
import java.util.List;

/**
 * The product's stages 2–5 over {@link ConversationAnalyzer}: extraction, insight generation, goal
 * evaluation and scoring (only when a scorecard applies). Each reads the transcript and the stored
 * analysis, replaces its own part and saves it back, so a rerun never duplicates anything.
 */
public final class IntelligenceStages {
    public static final String EXTRACTION = "extraction";
    public static final String INSIGHTS = "insights";
    public static final String GOALS = "goals";
    public static final String SCORING = "scoring";
    private static final int MAX_CONTACTS = 500;

    private final ConversationAnalyzer analyzer;
    private final ConversationRepository conversations;
    private final ConversationAnalyses analyses;
    private final ProjectCatalog projects;
    private final Directory directory;

    public IntelligenceStages(ConversationAnalyzer analyzer, ConversationRepository conversations,
                              ConversationAnalyses analyses, ProjectCatalog projects, Directory directory) {
        this.analyzer = analyzer;
        this.conversations = conversations;
        this.analyses = analyses;
        this.projects = projects;
        this.directory = directory;
    }

    /** The four stages in pipeline order. */
    public List<Stage> stages() {
        return List.of(
                Stage.of(EXTRACTION, ProcessingStatus.EXTRACTING, c -> true,
                        ctx -> save(ctx, analyzer.extract(context(ctx.conversation())))),
                Stage.of(INSIGHTS, ProcessingStatus.GENERATING_INSIGHTS, c -> true,
                        ctx -> save(ctx, analyzer.generateInsights(context(ctx.conversation()), stored(ctx), projectsOf(ctx.conversation())))),
                Stage.of(GOALS, ProcessingStatus.EVALUATING_GOALS, c -> true,
                        ctx -> save(ctx, analyzer.evaluateGoals(context(ctx.conversation()), stored(ctx), projectsOf(ctx.conversation())))),
                Stage.of(SCORING, ProcessingStatus.SCORING, c -> analyzer.scoringApplies(projectsOf(c)),
                        ctx -> save(ctx, analyzer.score(context(ctx.conversation()), stored(ctx), projectsOf(ctx.conversation())))));
    }

    private ConversationContext context(Conversation c) {
        Transcript transcript = conversations.findTranscript(c.id()).orElse(Transcript.EMPTY);
        Participants people = Participants.of(transcript, directory.users(c.workspaceId()),
                directory.searchContacts(c.workspaceId(), "", MAX_CONTACTS));
        return new ConversationContext(c, transcript, people, ZoneOffset.UTC);
    }

    private List<Project> projectsOf(Conversation c) {
        return Project.applicableTo(c, projects.list(c.workspaceId()));
    }

    private ConversationAnalysis stored(StageContext ctx) {
        return analyses.find(ctx.conversation().id())
                .orElseThrow(() -> new IllegalStateException("extraction has not run for " + ctx.conversation().id()));
    }

    private void save(StageContext ctx, ConversationAnalysis analysis) {
        analyses.save(ctx.conversation().id(), analysis);
    }
}
