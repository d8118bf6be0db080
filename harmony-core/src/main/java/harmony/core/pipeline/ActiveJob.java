package harmony.core.pipeline;

import harmony.core.port.out.LeasedJob;

/**
 * A job running on a thread of this process. Abandoning it (its lease was lost, the conversation was
 * deleted, the workers are stopping) interrupts the thread and makes every further write refuse.
 */
final class ActiveJob {
    final LeasedJob job;
    private final Thread runner;
    private volatile boolean abandoned;
    private boolean running = true;
    /**
     * The lease was confirmed (leased, heartbeated or checkpointed) by the runner and no stage code has run
     * since: a fence right now would learn nothing new. Touched only by the runner.
     */
    boolean leaseFresh = true;

    ActiveJob(LeasedJob job, Thread runner) {
        this.job = job;
        this.runner = runner;
    }

    boolean abandoned() {
        return abandoned;
    }

    synchronized void abandon() {
        abandoned = true;
        if (running && Thread.currentThread() != runner) {
            runner.interrupt();
        }
    }

    /** Called by the runner when it is done, so a late abandon cannot interrupt its next job. */
    synchronized void finish() {
        running = false;
        if (abandoned) {
            Thread.interrupted();
        }
    }
}
