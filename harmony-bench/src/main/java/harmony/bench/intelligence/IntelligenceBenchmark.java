package harmony.bench.intelligence;

import harmony.core.domain.Conversation;
import harmony.core.domain.Transcript;
import harmony.core.intelligence.ConversationAnalysis;
import harmony.core.intelligence.ConversationAnalyzer;
import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.projects.Project;
import harmony.core.intelligence.text.Tokens;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * All intelligence stages (extraction with metrics, insights, goals, scoring) on one 10,000-word
 * transcript, beside tokenising the same text as the baseline; the target is a median of at most
 * 20 ms for all stages. Run: {@code java -cp … harmony.bench.intelligence.IntelligenceBenchmark [JMH options]};
 * prints both medians and their ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IntelligenceBenchmark {
    @Param("10000")
    public int words;

    private Conversation conversation;
    private Transcript transcript;
    private String text;
    private List<Project> projects;
    private final ConversationAnalyzer analyzer = ConversationAnalyzer.defaults();

    @Setup
    public void setUp() {
        conversation = BenchmarkMeeting.conversation();
        transcript = BenchmarkMeeting.transcript(words, 42);
        text = transcript.fullText();
        projects = Project.applicableTo(conversation, BenchmarkMeeting.projects());
        ConversationAnalysis check = allStages();
        if (check.extraction().actionItems().isEmpty() || check.scores().isEmpty()) {
            throw new IllegalStateException("the benchmark meeting must exercise every stage");
        }
    }

    /** The baseline: splitting the same text into tokens once. */
    @Benchmark
    public Tokens tokenise() {
        return Tokens.of(text);
    }

    /** Every stage, from a fresh context (so sentence splitting and tokenising are included). */
    @Benchmark
    public ConversationAnalysis allStages() {
        ConversationContext ctx = ConversationContext.of(conversation, transcript);
        return analyzer.analyze(ctx, projects);
    }

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(IntelligenceBenchmark.class.getName()).build();
        Collection<RunResult> results = new Runner(options).run();
        double all = median(results, "allStages");
        double tokens = median(results, "tokenise");
        System.out.printf(Locale.ROOT, "%nINTELLIGENCE 10k words: all stages median %.3f ms, tokenise median %.3f ms, ratio %.1fx (target: all stages <= 20 ms)%n",
                all, tokens, all / tokens);
    }

    private static double median(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .map(r -> r.getPrimaryResult().getStatistics().getPercentile(50)).orElse(Double.NaN);
    }
}
