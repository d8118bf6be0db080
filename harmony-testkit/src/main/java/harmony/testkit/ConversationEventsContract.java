package harmony.testkit;

import harmony.core.domain.Processing;
import harmony.core.domain.ProcessingStatus;
import harmony.core.port.out.ConversationEvent;
import harmony.core.port.out.ConversationEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static harmony.testkit.Fixtures.OTHER_WS;
import static harmony.testkit.Fixtures.T0;
import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ConversationEvents} must do. Subclasses supply a fresh, empty log that stamps events
 * with the given clock. Delivery may be asynchronous (an adapter may poll its store), so the tests wait
 * up to {@link #DELIVERY_TIMEOUT} for subscribers.
 */
public abstract class ConversationEventsContract {
    protected static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    private static final Processing TRANSCRIBING_HALF =
            new Processing("transcription", 0.5, T0, 1, null);

    protected MutableClock clock;
    protected ConversationEvents events;

    /** A new, empty event log whose timestamps come from {@code clock}. */
    protected abstract ConversationEvents newEvents(Clock clock);

    @BeforeEach
    void setUpEvents() {
        clock = new MutableClock(T0);
        events = newEvents(clock);
    }

    @Test
    void numbersEventsPerWorkspaceFromOneAndKeepsThePayload() {
        ConversationEvent first = events.publish(WS, "c-1", ProcessingStatus.TRANSCRIBING, TRANSCRIBING_HALF);
        clock.advance(Duration.ofSeconds(3));
        ConversationEvent second = events.publish(WS, "c-2", ProcessingStatus.QUEUED, Processing.NONE);
        ConversationEvent other = events.publish(OTHER_WS, "c-9", ProcessingStatus.QUEUED, Processing.NONE);

        assertThat(first.id()).isEqualTo(1);
        assertThat(second.id()).isEqualTo(2);
        assertThat(other.id()).isEqualTo(1);
        assertThat(events.latestId(WS)).isEqualTo(2);
        assertThat(events.latestId("ws-without-events")).isZero();

        assertThat(events.since(WS, 0, 10)).containsExactly(first, second);
        ConversationEvent stored = events.since(WS, 0, 10).get(0);
        assertThat(stored.workspaceId()).isEqualTo(WS);
        assertThat(stored.conversationId()).isEqualTo("c-1");
        assertThat(stored.status()).isEqualTo(ProcessingStatus.TRANSCRIBING);
        assertThat(stored.processing()).isEqualTo(TRANSCRIBING_HALF);
        assertThat(stored.occurredAt()).isEqualTo(T0);
        assertThat(events.since(WS, 1, 10)).containsExactly(second);
    }

    @Test
    void keepsAFailureReason() {
        Processing failed = new Processing("transcription", 0.25, T0, 3, "The file has no audio track.");
        events.publish(WS, "c-1", ProcessingStatus.FAILED, failed);
        assertThat(events.since(WS, 0, 1).get(0).processing()).isEqualTo(failed);
    }

    @Test
    void sinceResumesAfterAnIdAndPages() {
        for (int i = 0; i < 7; i++) {
            events.publish(WS, "c-" + i, ProcessingStatus.QUEUED, Processing.NONE);
        }
        assertThat(ids(events.since(WS, 2, 3))).containsExactly(3L, 4L, 5L);
        assertThat(ids(events.since(WS, 5, 10))).containsExactly(6L, 7L);
        assertThat(events.since(WS, 7, 10)).isEmpty();
        assertThat(events.since(OTHER_WS, 0, 10)).isEmpty();
    }

    @Test
    void aSubscriberGetsTheBacklogThenLiveEventsOfItsWorkspaceOnly() throws Exception {
        events.publish(WS, "c-1", ProcessingStatus.QUEUED, Processing.NONE);
        events.publish(WS, "c-1", ProcessingStatus.EXTRACTING, Processing.NONE);
        List<ConversationEvent> seen = Collections.synchronizedList(new ArrayList<>());
        ConversationEvents.Subscription subscription = events.subscribe(WS, 1, seen::add);
        try {
            events.publish(OTHER_WS, "c-9", ProcessingStatus.QUEUED, Processing.NONE);
            events.publish(WS, "c-1", ProcessingStatus.COMPLETED, Processing.NONE);
            await(() -> seen.size() >= 2);
            pause();
            assertThat(ids(seen)).containsExactly(2L, 3L);
            assertThat(seen).allMatch(e -> e.workspaceId().equals(WS));
        } finally {
            subscription.close();
        }
    }

    @Test
    void subscribingAtTheLatestIdGetsOnlyNewEvents() throws Exception {
        events.publish(WS, "c-1", ProcessingStatus.QUEUED, Processing.NONE);
        List<ConversationEvent> seen = Collections.synchronizedList(new ArrayList<>());
        ConversationEvents.Subscription subscription = events.subscribe(WS, events.latestId(WS), seen::add);
        try {
            events.publish(WS, "c-2", ProcessingStatus.QUEUED, Processing.NONE);
            await(() -> !seen.isEmpty());
            pause();
            assertThat(seen).extracting(ConversationEvent::conversationId).containsExactly("c-2");
        } finally {
            subscription.close();
        }
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() throws Exception {
        List<ConversationEvent> seen = Collections.synchronizedList(new ArrayList<>());
        ConversationEvents.Subscription subscription = events.subscribe(WS, 0, seen::add);
        events.publish(WS, "c-1", ProcessingStatus.QUEUED, Processing.NONE);
        await(() -> seen.size() == 1);
        subscription.close();
        subscription.close();
        events.publish(WS, "c-1", ProcessingStatus.COMPLETED, Processing.NONE);
        pause();
        assertThat(seen).hasSize(1);
    }

    @Test
    void concurrentPublishersGiveEverySubscriberEveryEventOnceInOrder() throws Exception {
        int publishers = 4;
        int each = 250;
        List<ConversationEvent> early = Collections.synchronizedList(new ArrayList<>());
        List<ConversationEvent> late = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        ConversationEvents.Subscription a = events.subscribe(WS, 0, early::add);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                String conversation = "c-" + p;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        events.publish(WS, conversation, ProcessingStatus.TRANSCRIBING,
                                new Processing("transcription", i / (double) each, T0, 1, null));
                    }
                }));
            }
            // Subscribe mid-stream from an id seen so far: the replay and live delivery must join without a gap.
            ConversationEvents.Subscription b = events.subscribe(WS, 100, late::add);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            int total = publishers * each;
            await(() -> early.size() >= total && late.size() >= total - 100);
            pause();
            b.close();
            assertThat(ids(early)).containsExactlyElementsOf(range(1, total));
            assertThat(ids(late)).containsExactlyElementsOf(range(101, total));
            assertThat(ids(events.since(WS, 0, total + 10))).containsExactlyElementsOf(range(1, total));
        } finally {
            a.close();
            pool.shutdownNow();
        }
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }

    private static List<Long> ids(List<ConversationEvent> list) {
        synchronized (list) {
            return list.stream().map(ConversationEvent::id).toList();
        }
    }

    /** Waits for asynchronous delivery; fails when it does not come in time. */
    protected static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not delivered within " + DELIVERY_TIMEOUT);
            }
            Thread.sleep(5);
        }
    }

    /** Gives an asynchronous adapter the chance to deliver something it should not. */
    private static void pause() throws InterruptedException {
        Thread.sleep(50);
    }
}
