package harmony.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pipeline work waiting for and held by workers, shared by every worker of every process on one store.
 *
 * <p>Rules every implementation keeps (the testkit's {@code JobQueueContract} checks them):
 * <ul>
 *   <li>At most one live job per conversation: {@link #enqueue} of a conversation that has one adds nothing.</li>
 *   <li>A job is held by at most one unexpired lease. A lease that is not extended by {@link #heartbeat}
 *       or {@link #checkpoint} expires, and the job can then be leased again (its attempts go up).</li>
 *   <li>Every call taking a {@link LeasedJob} answers false, changing nothing, once that lease is lost:
 *       it expired (whether or not another worker has taken the job since), or the job finished or was
 *       cancelled, or the lease was released by {@link #retryAt}.</li>
 *   <li>Finished, failed and cancelled jobs leave the queue; the conversation may then be enqueued again.</li>
 *   <li>Time is the implementation's injected {@link java.time.Clock}, so tests control it.</li>
 * </ul>
 */
public interface JobQueue {

    /** Adds a job runnable now, unless the conversation already has a live job; true when added. */
    boolean enqueue(String conversationId, String workspaceId, JobLane lane);

    /**
     * Leases the runnable job ({@code runAt} reached, not leased or its lease expired) in one of
     * {@code lanes} that has waited longest (earliest {@code runAt}, then enqueue order), for
     * {@code leaseDuration}; empty when there is none. Increments its attempts.
     */
    Optional<LeasedJob> lease(String workerId, Set<JobLane> lanes, Duration leaseDuration);

    /** Extends the lease to now + {@code leaseDuration}; false when the lease is lost. */
    boolean heartbeat(LeasedJob lease, Duration leaseDuration);

    /**
     * Records that {@code completedStage} finished, restarts the step clock, sets attempts to 1 (this lease
     * is the next step's first attempt) and extends the lease to now + {@code leaseDuration}; false when
     * the lease is lost.
     */
    boolean checkpoint(LeasedJob lease, String completedStage, Duration leaseDuration);

    /** The conversation's processing finished: the job leaves the queue. False when the lease is lost. */
    boolean complete(LeasedJob lease);

    /** Releases the lease; the job runs again, from its last checkpoint, at {@code runAt}. False when the lease is lost. */
    boolean retryAt(LeasedJob lease, Instant runAt);

    /** The conversation's processing failed for good: the job leaves the queue. False when the lease is lost. */
    boolean fail(LeasedJob lease, String reason);

    /** Removes the conversation's live job, leased or not (its holder's next call answers false); true when there was one. */
    boolean cancel(String conversationId);

    /** The conversation's live job, if any. */
    Optional<Job> find(String conversationId);

    /** Up to {@code limit} live jobs whose current step started before {@code stepStartedBefore}, oldest first. */
    List<Job> stalled(Instant stepStartedBefore, int limit);
}
