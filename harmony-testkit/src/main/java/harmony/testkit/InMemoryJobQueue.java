package harmony.testkit;

import harmony.core.port.out.Job;
import harmony.core.port.out.JobLane;
import harmony.core.port.out.JobQueue;
import harmony.core.port.out.LeasedJob;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The job queue in memory, for one process: one lock, a runnable set per lane ordered by
 * {@code (runAt, enqueue order)} and the held jobs ordered by lease expiry, so leasing is O(log n).
 */
public final class InMemoryJobQueue implements JobQueue {
    private static final Comparator<Entry> BY_RUN_AT =
            Comparator.comparing((Entry e) -> e.runAt).thenComparingLong(e -> e.seq);
    private static final Comparator<Entry> BY_LEASE_EXPIRY =
            Comparator.comparing((Entry e) -> e.leasedUntil).thenComparingLong(e -> e.seq);

    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, Entry> byConversation = new HashMap<>();
    private final Map<JobLane, TreeSet<Entry>> waiting = new EnumMap<>(JobLane.class);
    private final TreeSet<Entry> held = new TreeSet<>(BY_LEASE_EXPIRY);
    private long sequence;
    private long leases;

    public InMemoryJobQueue(Clock clock) {
        this.clock = clock;
        for (JobLane lane : JobLane.values()) {
            waiting.put(lane, new TreeSet<>(BY_RUN_AT));
        }
    }

    @Override
    public boolean enqueue(String conversationId, String workspaceId, JobLane lane) {
        synchronized (lock) {
            if (byConversation.containsKey(conversationId)) {
                return false;
            }
            Instant now = clock.instant();
            long seq = ++sequence;
            Entry e = new Entry("job-" + seq, seq, conversationId, workspaceId, lane, now);
            byConversation.put(conversationId, e);
            waiting.get(lane).add(e);
            return true;
        }
    }

    @Override
    public Optional<LeasedJob> lease(String workerId, Set<JobLane> lanes, Duration leaseDuration) {
        synchronized (lock) {
            Instant now = clock.instant();
            releaseExpired(now);
            Entry next = null;
            for (JobLane lane : lanes) {
                TreeSet<Entry> ready = waiting.get(lane);
                if (!ready.isEmpty() && !ready.first().runAt.isAfter(now)
                        && (next == null || BY_RUN_AT.compare(ready.first(), next) < 0)) {
                    next = ready.first();
                }
            }
            if (next == null) {
                return Optional.empty();
            }
            waiting.get(next.lane).remove(next);
            next.attempts++;
            next.leaseId = "lease-" + (++leases);
            next.workerId = workerId;
            next.leasedUntil = now.plus(leaseDuration);
            held.add(next);
            return Optional.of(new LeasedJob(next.id, next.leaseId, next.conversationId, next.workspaceId, next.lane,
                    next.attempts, next.completedStage, workerId, next.leasedUntil));
        }
    }

    /** Expired leases are lost: their jobs become runnable again, first in line (their runAt is old). */
    private void releaseExpired(Instant now) {
        while (!held.isEmpty() && !held.first().leasedUntil.isAfter(now)) {
            Entry e = held.pollFirst();
            e.release();
            waiting.get(e.lane).add(e);
        }
    }

    @Override
    public boolean heartbeat(LeasedJob lease, Duration leaseDuration) {
        synchronized (lock) {
            Instant now = clock.instant();
            Entry e = live(lease, now);
            if (e == null) {
                return false;
            }
            extend(e, now.plus(leaseDuration));
            return true;
        }
    }

    @Override
    public boolean checkpoint(LeasedJob lease, String completedStage, Duration leaseDuration) {
        synchronized (lock) {
            Instant now = clock.instant();
            Entry e = live(lease, now);
            if (e == null) {
                return false;
            }
            e.completedStage = completedStage;
            e.attempts = 1;
            e.stepStartedAt = now;
            extend(e, now.plus(leaseDuration));
            return true;
        }
    }

    @Override
    public boolean complete(LeasedJob lease) {
        return finish(lease);
    }

    @Override
    public boolean fail(LeasedJob lease, String reason) {
        return finish(lease);
    }

    private boolean finish(LeasedJob lease) {
        synchronized (lock) {
            Entry e = live(lease, clock.instant());
            if (e == null) {
                return false;
            }
            held.remove(e);
            byConversation.remove(e.conversationId);
            return true;
        }
    }

    @Override
    public boolean retryAt(LeasedJob lease, Instant runAt) {
        synchronized (lock) {
            Entry e = live(lease, clock.instant());
            if (e == null) {
                return false;
            }
            held.remove(e);
            e.release();
            e.runAt = runAt;
            waiting.get(e.lane).add(e);
            return true;
        }
    }

    @Override
    public boolean cancel(String conversationId) {
        synchronized (lock) {
            Entry e = byConversation.remove(conversationId);
            if (e == null) {
                return false;
            }
            if (e.leaseId != null) {
                held.remove(e);
            } else {
                waiting.get(e.lane).remove(e);
            }
            e.release();
            return true;
        }
    }

    @Override
    public Optional<Job> find(String conversationId) {
        synchronized (lock) {
            return Optional.ofNullable(byConversation.get(conversationId)).map(e -> e.snapshot(clock.instant()));
        }
    }

    @Override
    public List<Job> stalled(Instant stepStartedBefore, int limit) {
        synchronized (lock) {
            Instant now = clock.instant();
            return byConversation.values().stream()
                    .filter(e -> e.stepStartedAt.isBefore(stepStartedBefore))
                    .sorted(Comparator.comparing((Entry e) -> e.stepStartedAt).thenComparingLong(e -> e.seq))
                    .limit(limit)
                    .map(e -> e.snapshot(now))
                    .toList();
        }
    }

    /** The entry this lease still holds, or null when the lease is lost. */
    private Entry live(LeasedJob lease, Instant now) {
        Entry e = byConversation.get(lease.conversationId());
        if (e == null || !lease.leaseId().equals(e.leaseId) || !e.leasedUntil.isAfter(now)) {
            return null;
        }
        return e;
    }

    private void extend(Entry e, Instant until) {
        held.remove(e);
        e.leasedUntil = until;
        held.add(e);
    }

    /** Mutable, and only touched under the lock; removed from its sorted set before a key changes. */
    private static final class Entry {
        final String id;
        final long seq;
        final String conversationId;
        final String workspaceId;
        final JobLane lane;
        int attempts;
        Instant runAt;
        String completedStage;
        Instant stepStartedAt;
        String leaseId;
        String workerId;
        Instant leasedUntil;

        Entry(String id, long seq, String conversationId, String workspaceId, JobLane lane, Instant now) {
            this.id = id;
            this.seq = seq;
            this.conversationId = conversationId;
            this.workspaceId = workspaceId;
            this.lane = lane;
            this.runAt = now;
            this.stepStartedAt = now;
        }

        void release() {
            leaseId = null;
            workerId = null;
            leasedUntil = null;
        }

        Job snapshot(Instant now) {
            boolean leased = leaseId != null && leasedUntil.isAfter(now);
            return new Job(id, conversationId, workspaceId, lane, attempts, runAt, completedStage, stepStartedAt,
                    leased ? workerId : null, leased ? leasedUntil : null);
        }
    }
}
