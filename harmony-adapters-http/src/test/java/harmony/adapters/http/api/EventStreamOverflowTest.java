package harmony.adapters.http.api;

import harmony.core.domain.Processing;
import harmony.core.domain.ProcessingStatus;
import harmony.core.port.in.WatchConversations;
import harmony.core.port.out.ConversationEvent;
import harmony.testkit.InMemoryIdempotencyRecords;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that resumes far behind gets more events replayed than a stream queues: the stream ends (the
 * client resumes from the last id it read) and lets go of its subscription, even when the replay
 * overflowed it before the subscription was handed back.
 */
class EventStreamOverflowTest {

    @Test
    void aReplayTooLargeToQueueEndsTheStreamAndClosesTheSubscription() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        WatchConversations replaysTooMuch = (actor, conversationId, afterEventId, listener) -> {
            for (long id = afterEventId + 1; id <= afterEventId + 10_001; id++) {
                listener.accept(new ConversationEvent(id, actor.workspaceId(), "c-" + id, ProcessingStatus.QUEUED,
                        Processing.NONE, Instant.EPOCH));
            }
            return closed::incrementAndGet;
        };
        try (ApiHarness api = new ApiHarness()) {
            ApiUseCases u = api.useCases;
            ApiUseCases stubbed = new ApiUseCases(u.authenticate(), u.directory(), u.uploadRecording(), u.importFromUrl(),
                    u.checkUrl(), u.find(), u.update(), u.matchSpeaker(), u.delete(), u.streamRecording(), u.submitTranscript(),
                    u.uploadTranscriptFile(), u.importStructured(), u.reprocess(), replaysTooMuch, u.uploadInParts(), u.webhooks());
            try (ApiServer server = new ApiServer("127.0.0.1", 0, Duration.ofSeconds(30),
                    new HarmonyApi(stubbed, new InMemoryIdempotencyRecords(), ApiSettings.DEFAULTS, Clock.systemUTC())).start()) {
                HttpResponse<String> r = api.http.send(HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + server.port() + "/v1/events"))
                        .header("Authorization", "Bearer " + api.adaKey).header("Last-Event-ID", "0")
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());

                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).startsWith(": connected").contains("id: 1\n");
                assertThat(closed).as("subscription closes").hasValue(1);
            }
        }
    }
}
