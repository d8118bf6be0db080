package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.port.out.ConversationEvent;
import harmony.core.port.out.ConversationEvents;
import harmony.core.port.out.JobLane;
import harmony.testkit.Fixtures;
import harmony.testkit.InMemoryConversationEvents;
import harmony.testkit.InMemoryConversationRepository;
import harmony.testkit.InMemoryJobQueue;
import harmony.testkit.InMemoryRecordingStore;
import harmony.testkit.InMemoryTransactions;
import harmony.testkit.MutableClock;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** In-memory adapters wired around a pipeline, with every event recorded per conversation. */
final class PipelineHarness {
    static final Set<JobLane> ALL = EnumSet.allOf(JobLane.class);
    static final PipelineSettings SETTINGS = PipelineSettings.DEFAULT
            .withRetry(new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30), 0.5));

    final Clock clock;
    final InMemoryConversationRepository conversations = new InMemoryConversationRepository();
    final InMemoryRecordingStore recordings = new InMemoryRecordingStore();
    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryJobQueue jobs;
    final InMemoryConversationEvents events;
    final Map<String, List<ConversationEvent>> eventsByConversation = new ConcurrentHashMap<>();
    private final ConversationEvents.Subscription subscription;

    PipelineHarness(Clock clock) {
        this.clock = clock;
        jobs = new InMemoryJobQueue(clock);
        events = new InMemoryConversationEvents(clock, 1_000_000);
        subscription = events.subscribe(Fixtures.WS, 0, e ->
                eventsByConversation.computeIfAbsent(e.conversationId(), k -> new CopyOnWriteArrayList<>()).add(e));
    }

    PipelineHarness() {
        this(new MutableClock(Fixtures.T0));
    }

    MutableClock mutableClock() {
        return (MutableClock) clock;
    }

    Pipeline pipeline(List<Stage> stages, PipelineSettings settings) {
        return new Pipeline(stages, conversations, jobs, events, transactions, clock, settings, new SplittableRandom(7));
    }

    Pipeline pipeline(List<Stage> stages) {
        return pipeline(stages, SETTINGS);
    }

    /** Stores a new conversation and submits it, as an ingest use case does. */
    Conversation submit(Pipeline pipeline, Conversation c) {
        transactions.inTransaction(() -> {
            conversations.create(c, Optional.empty());
            pipeline.submit(c);
        });
        return c;
    }

    Conversation stored(String id) {
        return conversations.findById(id).orElseThrow();
    }

    List<ConversationEvent> events(String conversationId) {
        return eventsByConversation.getOrDefault(conversationId, List.of());
    }

    List<ProcessingStatus> statuses(String conversationId) {
        List<ProcessingStatus> out = new ArrayList<>();
        for (ConversationEvent e : events(conversationId)) {
            if (out.isEmpty() || out.get(out.size() - 1) != e.status()) {
                out.add(e.status());
            }
        }
        return out;
    }

    /** Every consecutive pair of events is the same status or a legal move; ids strictly increase. */
    void assertLegalSequence(String conversationId) {
        List<ConversationEvent> list = events(conversationId);
        for (int i = 1; i < list.size(); i++) {
            ConversationEvent a = list.get(i - 1);
            ConversationEvent b = list.get(i);
            assertThat(b.id()).isGreaterThan(a.id());
            assertThat(a.status() == b.status() || a.status().canMoveTo(b.status()))
                    .as("%s -> %s for %s", a.status(), b.status(), conversationId).isTrue();
        }
    }

    /** Leases and runs jobs until none is runnable now; returns how many ran. */
    int drain(Pipeline pipeline) {
        int n = 0;
        while (pipeline.runNext("w", ALL)) {
            n++;
        }
        return n;
    }

    void close() {
        subscription.close();
    }
}
