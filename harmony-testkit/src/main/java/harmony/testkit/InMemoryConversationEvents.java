package harmony.testkit;

import harmony.core.domain.Processing;
import harmony.core.domain.ProcessingStatus;
import harmony.core.port.out.ConversationEvent;
import harmony.core.port.out.ConversationEvents;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Each workspace's latest events in a bounded log. Publishing and subscribing take the workspace's
 * lock, so ids, the log and deliveries share one order and a new subscriber misses nothing between
 * its replay and live delivery. Listeners run on the publisher's thread.
 */
public final class InMemoryConversationEvents implements ConversationEvents {
    public static final int DEFAULT_RETENTION = 10_000;

    private final Clock clock;
    private final int retention;
    private final Map<String, Log> logs = new ConcurrentHashMap<>();

    public InMemoryConversationEvents(Clock clock) {
        this(clock, DEFAULT_RETENTION);
    }

    /** Keeps the latest {@code retention} events of each workspace. */
    public InMemoryConversationEvents(Clock clock, int retention) {
        if (retention < 1) {
            throw new IllegalArgumentException("retention must be positive");
        }
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public ConversationEvent publish(String workspaceId, String conversationId, ProcessingStatus status,
                                     Processing processing) {
        Log log = log(workspaceId);
        synchronized (log) {
            ConversationEvent event = new ConversationEvent(++log.lastId, workspaceId, conversationId, status,
                    processing, clock.instant());
            log.kept.addLast(event);
            if (log.kept.size() > retention) {
                log.kept.removeFirst();
            }
            for (Sub sub : log.subscribers) {
                sub.deliver(event);
            }
            return event;
        }
    }

    @Override
    public long latestId(String workspaceId) {
        Log log = log(workspaceId);
        synchronized (log) {
            return log.lastId;
        }
    }

    @Override
    public List<ConversationEvent> since(String workspaceId, long afterId, int limit) {
        Log log = log(workspaceId);
        synchronized (log) {
            List<ConversationEvent> out = new ArrayList<>(Math.min(limit, log.kept.size()));
            for (ConversationEvent e : log.kept) {
                if (out.size() >= limit) {
                    break;
                }
                if (e.id() > afterId) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    @Override
    public Subscription subscribe(String workspaceId, long afterId, Consumer<ConversationEvent> listener) {
        Log log = log(workspaceId);
        Sub sub = new Sub(log, listener);
        synchronized (log) {
            for (ConversationEvent e : log.kept) {
                if (e.id() > afterId) {
                    sub.deliver(e);
                }
            }
            if (!sub.closed) {
                log.subscribers.add(sub);
            }
        }
        return sub;
    }

    private Log log(String workspaceId) {
        return logs.computeIfAbsent(workspaceId, id -> new Log());
    }

    private static final class Log {
        long lastId;
        final ArrayDeque<ConversationEvent> kept = new ArrayDeque<>();
        final List<Sub> subscribers = new CopyOnWriteArrayList<>();
    }

    private static final class Sub implements Subscription {
        private final Log log;
        private final Consumer<ConversationEvent> listener;
        private volatile boolean closed;

        Sub(Log log, Consumer<ConversationEvent> listener) {
            this.log = log;
            this.listener = listener;
        }

        /** A listener that throws is unsubscribed: one broken subscriber must not stop the pipeline. */
        void deliver(ConversationEvent event) {
            if (closed) {
                return;
            }
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                close();
            }
        }

        @Override
        public void close() {
            closed = true;
            log.subscribers.remove(this);
        }
    }
}
