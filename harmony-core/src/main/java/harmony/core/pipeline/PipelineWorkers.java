package harmony.core.pipeline;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.JobLane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static java.util.Objects.requireNonNull;

/**
 * Runs a {@link Pipeline} on threads of this process: {@code mediaWorkers} threads take media jobs (and
 * text jobs when there are no media jobs to take), {@code textWorkers} threads take only text jobs, so
 * pasted transcripts never wait behind long recordings. A scheduler extends the leases of running jobs
 * and fails stuck conversations. Many processes may run workers on one shared job queue.
 */
public final class PipelineWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PipelineWorkers.class);
    private static final Duration DEFAULT_DRAIN = Duration.ofSeconds(30);

    private final Pipeline pipeline;
    private final String nodeId;
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    /** @param nodeId names this process in worker ids, so a job's holder can be traced */
    public PipelineWorkers(Pipeline pipeline, String nodeId) {
        this.pipeline = requireNonNull(pipeline, "pipeline");
        this.nodeId = requireNonNull(nodeId, "nodeId");
        pipeline.onWakeUp(this::wakeUp);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        PipelineSettings s = pipeline.settings();
        for (int i = 1; i <= s.mediaWorkers(); i++) {
            threads.add(worker("media-" + i, EnumSet.of(JobLane.MEDIA, JobLane.TEXT)));
        }
        for (int i = 1; i <= s.textWorkers(); i++) {
            threads.add(worker("text-" + i, EnumSet.of(JobLane.TEXT)));
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "harmony-pipeline-" + nodeId + "-scheduler");
            t.setDaemon(true);
            return t;
        });
        long beat = s.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(guarded("heartbeat", pipeline::heartbeat), beat, beat, TimeUnit.MILLISECONDS);
        long check = s.stuckCheckInterval().toMillis();
        scheduler.scheduleWithFixedDelay(guarded("stuck check", pipeline::failStuck), check, check, TimeUnit.MILLISECONDS);
        threads.forEach(Thread::start);
    }

    private Thread worker(String name, Set<JobLane> lanes) {
        String workerId = nodeId + "/" + name;
        Thread t = new Thread(() -> loop(workerId, lanes), "harmony-pipeline-" + workerId);
        t.setDaemon(true);
        return t;
    }

    private void loop(String workerId, Set<JobLane> lanes) {
        long idleNanos = pipeline.settings().pollInterval().toNanos();
        while (running) {
            boolean worked = false;
            try {
                worked = pipeline.runNext(workerId, lanes);
            } catch (RuntimeException | Error e) {
                // The store is away or broke in an unexpected way; the job's lease expires and it is retried.
                logFailure("worker " + workerId, e);
            }
            if (!worked && running) {
                LockSupport.parkNanos(this, idleNanos);
            }
            Thread.interrupted();
        }
    }

    private Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                logFailure("pipeline " + what, e);
            }
        };
    }

    /**
     * A dependency that is away (a database restarting) is expected now and then and says so itself: one
     * line, no stack trace. Anything else is a bug, logged in full.
     */
    private static void logFailure(String what, Throwable e) {
        if (e instanceof HarmonyException h && h.kind() == ErrorKind.UNAVAILABLE) {
            log.warn("{} failed: {} ({})", what, h.getMessage(), String.valueOf(h.getCause()));
        } else {
            log.error("{} failed", what, e);
        }
    }

    private void wakeUp() {
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Stops taking jobs and lets running ones finish for up to {@code drain}; jobs still running then
     * are handed back to the queue to resume anywhere. True when every worker finished in time.
     */
    public synchronized boolean stop(Duration drain) {
        if (!running) {
            return true;
        }
        running = false;
        wakeUp();
        long deadline = System.nanoTime() + drain.toNanos();
        boolean drained = joinUntil(deadline);
        if (!drained) {
            log.warn("pipeline workers did not drain within {}; handing their jobs back", drain);
            pipeline.releaseAll();
            joinUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        }
        scheduler.shutdownNow();
        threads.clear();
        return drained;
    }

    private boolean joinUntil(long deadlineNanos) {
        for (Thread t : threads) {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        stop(DEFAULT_DRAIN);
    }
}
