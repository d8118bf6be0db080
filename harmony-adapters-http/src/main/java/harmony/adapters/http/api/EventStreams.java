package harmony.adapters.http.api;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.in.WatchConversations;
import harmony.core.port.out.ConversationEvent;
import org.eclipse.jetty.http.HttpHeader;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live status as Server-Sent Events. {@code Last-Event-ID} resumes after a gap; without it a stream
 * starts with what happens from now on. Idle streams send a comment now and then, which is also how a
 * closed client is noticed. A stream holds no thread: the publisher queues events and asynchronous
 * writes send them, so open streams, however many, never starve the server's other requests.
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

    private Reply stream(Exchange x, String conversationId) {
        long after = lastEventId(x.header("Last-Event-ID"));
        EventStream stream = new EventStream(x.response, x.callback);
        // Subscribing first: an unknown conversation is a 404 before anything is written.
        stream.start(watch.watch(x.actor, conversationId, after, stream::offer), x.request.getComponents().getScheduler());
        x.request.addFailureListener(stream::end); // the connection broke: let go of the subscription now
        return Reply.ASYNC;
    }

    /**
     * One open stream. Text waits in a queue; at most one write is in flight, and the write that ends
     * starts the next, so the publisher's thread never blocks. A client too slow to keep up is cut
     * off (the response ends) and resumes with Last-Event-ID; a client gone away fails a write.
     */
    private final class EventStream {
        private final Response response;
        private final Callback done;
        private final Queue<String> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicBoolean writing = new AtomicBoolean(true); // until start: events only queue
        private volatile boolean ending;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile AutoCloseable subscription;
        private volatile Scheduler.Task keepAlive;
        private Scheduler scheduler;

        EventStream(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        void start(AutoCloseable subscription, Scheduler scheduler) {
            this.subscription = subscription;
            if (ending) { // overflowed while watch() replayed, before the subscription was known
                close(subscription);
            }
            this.scheduler = scheduler;
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            response.getHeaders().put("X-Accel-Buffering", "no");
            scheduleKeepAlive();
            write(": connected\nretry: 2000\n\n" + drain());
        }

        /** On the publisher's thread: must return at once. */
        void offer(ConversationEvent e) {
            if (ending) {
                return;
            }
            if (queued.incrementAndGet() > MAX_QUEUED) {
                end(null);
                return;
            }
            try {
                queue.add(format(e));
            } catch (IOException impossible) {
                throw new java.io.UncheckedIOException(impossible);
            }
            flush();
        }

        private void scheduleKeepAlive() {
            keepAlive = scheduler.schedule(() -> {
                if (!ending) {
                    queued.incrementAndGet();
                    queue.add(": keep-alive\n\n");
                    flush();
                    scheduleKeepAlive();
                }
            }, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Starts a write of everything queued unless one is in flight; the one in flight calls this when it ends. */
        private void flush() {
            while (!queue.isEmpty() && !ending && writing.compareAndSet(false, true)) {
                String text = drain();
                if (!text.isEmpty()) {
                    write(text);
                    return;
                }
                writing.set(false);
            }
            if (ending) {
                finish();
            }
        }

        private String drain() {
            StringBuilder text = new StringBuilder();
            for (String s; (s = queue.poll()) != null; ) {
                queued.decrementAndGet();
                text.append(s);
            }
            return text.toString();
        }

        private void write(String text) {
            response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), Callback.from(() -> {
                writing.set(false);
                flush();
            }, this::end));
        }

        /** Stops the stream: a failure (client gone) fails it at once, otherwise it ends after the write in flight. */
        private void end(Throwable failure) {
            ending = true;
            close(subscription);
            Scheduler.Task task = keepAlive;
            if (task != null) {
                task.cancel();
            }
            if (failure != null) {
                if (ended.compareAndSet(false, true)) {
                    done.failed(failure);
                }
            } else {
                finish();
            }
        }

        /** Ends the response once no write is in flight. */
        private void finish() {
            if (writing.compareAndSet(false, true) && ended.compareAndSet(false, true)) {
                response.write(true, null, done);
            }
        }

        private void close(AutoCloseable c) {
            if (c == null) {
                return;
            }
            try {
                c.close();
            } catch (Exception e) {
                // the stream is over either way
            }
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
