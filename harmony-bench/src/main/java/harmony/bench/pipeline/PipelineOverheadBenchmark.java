package harmony.bench.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.pipeline.Pipeline;
import harmony.core.pipeline.PipelineSettings;
import harmony.core.pipeline.PipelineWorkers;
import harmony.core.pipeline.Stage;
import harmony.core.pipeline.StageContext;
import harmony.core.port.out.ConversationEvents;
import harmony.core.port.out.ProgressListener;
import harmony.testkit.Fixtures;
import harmony.testkit.InMemoryConversationEvents;
import harmony.testkit.InMemoryConversationRepository;
import harmony.testkit.InMemoryJobQueue;
import harmony.testkit.InMemoryTransactions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.util.Statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's own cost: conversations per second through the full pipeline (submit, lease, fenced status
 * writes and events before and after each stage, checkpoints, completion) on the in-memory adapters, with
 * stages that do nothing, against calling the same stages directly. Target: at least 20,000 conversations
 * per second on 2 cores.
 *
 * <p>Run: {@code java -XX:ActiveProcessorCount=2 -cp <classpath> harmony.bench.pipeline.PipelineOverheadBenchmark}
 * (JMH options may follow, e.g. {@code -wi 2 -i 5}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=2", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineOverheadBenchmark {
    static final int BATCH = 2_000;

    /** Worker threads in the pipeline (text lane); two contend for the in-memory adapters' locks. */
    @Param({"1", "2"})
    public int workers;

    private final List<Stage> stages = List.of(
            Stage.of("extraction", ProcessingStatus.EXTRACTING, ctx -> { }),
            Stage.of("insights", ProcessingStatus.GENERATING_INSIGHTS, ctx -> { }),
            Stage.of("goals", ProcessingStatus.EVALUATING_GOALS, ctx -> { }),
            Stage.of("scoring", ProcessingStatus.SCORING, c -> c.tags().contains("scored"), ctx -> { }));

    private InMemoryConversationRepository conversations;
    private Pipeline pipeline;
    private PipelineWorkers pipelineWorkers;
    private ConversationEvents.Subscription completions;
    private final AtomicReference<CountDownLatch> done = new AtomicReference<>();
    private final List<Conversation> batch = new ArrayList<>(BATCH);
    private InMemoryTransactions transactions;

    @Setup(Level.Iteration)
    public void startPipeline() {
        Clock clock = Clock.systemUTC();
        conversations = new InMemoryConversationRepository();
        transactions = new InMemoryTransactions();
        InMemoryConversationEvents events = new InMemoryConversationEvents(clock);
        pipeline = new Pipeline(stages, conversations, new InMemoryJobQueue(clock), events, transactions, clock,
                PipelineSettings.DEFAULT.withWorkers(0, workers).withPollInterval(Duration.ofMillis(50)));
        completions = events.subscribe(Fixtures.WS, events.latestId(Fixtures.WS), e -> {
            if (e.status() == ProcessingStatus.COMPLETED) {
                done.get().countDown();
            }
        });
        pipelineWorkers = new PipelineWorkers(pipeline, "bench");
        pipelineWorkers.start();
    }

    @TearDown(Level.Iteration)
    public void stopPipeline() {
        pipelineWorkers.stop(Duration.ofSeconds(10));
        completions.close();
    }

    /** A fresh batch of stored, queued conversations (not yet submitted). */
    @Setup(Level.Invocation)
    public void newBatch() {
        batch.clear();
        Instant now = Instant.now();
        for (int i = 0; i < BATCH; i++) {
            Conversation c = Fixtures.conversation("Bench", now).toBuilder().id(UUID.randomUUID().toString()).build();
            conversations.create(c, Optional.empty());
            batch.add(c);
        }
        done.set(new CountDownLatch(BATCH));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void pipeline() throws InterruptedException {
        for (Conversation c : batch) {
            transactions.inTransaction(() -> pipeline.submit(c));
        }
        if (!done.get().await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the pipeline did not finish the batch");
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void direct(Blackhole bh) throws Exception {
        for (Conversation c : batch) {
            for (Stage s : stages) {
                if (s.appliesTo(c)) {
                    s.run(new StageContext(c, 1, ProgressListener.NONE));
                }
            }
            bh.consume(c);
        }
    }

    /** Runs both benchmarks and prints, per worker count, each one's median iteration and the ratio. */
    public static void main(String[] args) throws Exception {
        Options options = new CommandLineOptions(append(args, PipelineOverheadBenchmark.class.getName()));
        Collection<RunResult> results = new Runner(options).run();
        java.util.Map<String, double[]> byWorkers = new java.util.TreeMap<>();
        for (RunResult r : results) {
            Statistics perIteration = r.getPrimaryResult().getStatistics();
            double[] pair = byWorkers.computeIfAbsent(r.getParams().getParam("workers"), k -> new double[] {Double.NaN, Double.NaN});
            pair[r.getParams().getBenchmark().endsWith(".pipeline") ? 0 : 1] = perIteration.getPercentile(50);
        }
        System.out.printf("%nconversations per second, median of iterations (no-op stages, in-memory adapters):%n");
        byWorkers.forEach((workers, pair) -> System.out.printf(
                "  workers=%s  pipeline %,.0f/s  direct %,.0f/s  direct/pipeline %.1fx  overhead %.1f us/conversation  target 20,000/s %s%n",
                workers, pair[0], pair[1], pair[1] / pair[0], 1e6 / pair[0] - 1e6 / pair[1],
                pair[0] >= 20_000 ? "met" : "NOT met"));
    }

    private static String[] append(String[] args, String include) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = include;
        return out;
    }
}
