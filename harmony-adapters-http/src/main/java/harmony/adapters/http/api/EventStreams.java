package harmony.adapters.http.api;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.in.WatchConversations;
import harmony.core.port.out.ConversationEvent;
import org.eclipse.jetty.http.HttpHeader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Live status as Server-Sent Events. {@code Last-Event-ID} resumes after a gap; without it a stream
 * starts with what happens from now on. Idle streams send a comment now and then, which is also how a
 * closed client is noticed.
 */
final class EventStreams {
    private static final int MAX_QUEUED = 10_000;

    private final WatchConversations watch;
    private final Duration heartbeat;

    EventStreams(WatchConversations watch, Duration heartbeat) {
        this.watch = watch;
        this.heartbeat = heartbeat;
    }

    void register(Routes routes) {
        routes.get("/v1/events", x -> stream(x, null));
        routes.get("/v1/conversations/{id}/events", x -> stream(x, x.path("id")));
    }

    private Reply stream(Exchange x, String conversationId) throws Exception {
        long after = lastEventId(x.header("Last-Event-ID"));
        BlockingQueue<ConversationEvent> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
        AtomicBoolean overflowed = new AtomicBoolean();
        // The listener runs on the publisher's thread: never block it. A client too slow to keep up is
        // disconnected and resumes with Last-Event-ID.
        try (AutoCloseable subscription = watch.watch(x.actor, conversationId, after, e -> {
            if (!queue.offer(e)) {
                overflowed.set(true);
            }
        })) {
            x.response.setStatus(200);
            x.response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
            x.response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            x.response.getHeaders().put("X-Accel-Buffering", "no");
            OutputStream out = HarmonyApi.stream(x.response);
            write(out, ": connected\nretry: 2000\n\n");
            while (!overflowed.get()) {
                ConversationEvent e = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                write(out, e == null ? ": keep-alive\n\n" : format(e));
            }
            out.close();
            return Reply.WRITTEN;
        } catch (IOException closedByClient) {
            return Reply.WRITTEN;
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
            return Reply.WRITTEN;
        }
    }

    static String format(ConversationEvent e) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", e.conversationId());
        data.put("status", e.status().wireName());
        data.put("processing", Resources.processing(e.processing()));
        data.put("occurredAt", e.occurredAt());
        return "id: " + e.id() + "\nevent: conversation.status\ndata: " + Json.MAPPER.writeValueAsString(data) + "\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        try {
            long id = Long.parseLong(header.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new HarmonyException(ErrorKind.MALFORMED, "Last-Event-ID must be an event id from this stream.");
        }
    }
}
