package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test stages for extraction, insights, goals and scoring (scoring applies to conversations tagged
 * {@code scored}) that keep their output the way real stages must: one entry per stage, replaced on a
 * rerun; they also count runs and catch two runs of one conversation at once.
 */
class RecordingStages {
    static final String SCORED = "scored";

    /** Per conversation: the stages whose output exists, in the order written. */
    final Map<String, List<String>> outputs = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    final Set<String> running = ConcurrentHashMap.newKeySet();
    final AtomicInteger overlaps = new AtomicInteger();

    List<Stage> textStages() {
        return List.of(
                stage("extraction", ProcessingStatus.EXTRACTING, c -> true),
                stage("insights", ProcessingStatus.GENERATING_INSIGHTS, c -> true),
                stage("goals", ProcessingStatus.EVALUATING_GOALS, c -> true),
                stage("scoring", ProcessingStatus.SCORING, c -> c.tags().contains(SCORED)));
    }

    Stage stage(String name, ProcessingStatus status, java.util.function.Predicate<Conversation> applies) {
        return Stage.of(name, status, applies, ctx -> {
            String id = ctx.conversation().id();
            if (!running.add(id)) {
                overlaps.incrementAndGet();
            }
            try {
                before(name, ctx);
                runs.computeIfAbsent(id + "/" + name, k -> new AtomicInteger()).incrementAndGet();
                write(id, name);
            } finally {
                running.remove(id);
            }
        });
    }

    /** Hook for tests: throw or block here. */
    void before(String stage, StageContext ctx) throws Exception {
    }

    /** Replaces this stage's output: remove, then add. */
    void write(String conversationId, String stage) {
        outputs.compute(conversationId, (k, list) -> {
            List<String> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
            next.remove(stage);
            next.add(stage);
            return next;
        });
    }

    int runs(String conversationId, String stage) {
        AtomicInteger n = runs.get(conversationId + "/" + stage);
        return n == null ? 0 : n.get();
    }

    void assertOutputsOnce(String conversationId, List<String> expected) {
        assertThat(outputs.getOrDefault(conversationId, List.of())).containsExactlyInAnyOrderElementsOf(expected);
    }
}
