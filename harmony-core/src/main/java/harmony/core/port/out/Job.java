package harmony.core.port.out;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A live job in a {@link JobQueue}: the pipeline still owes this conversation some work.
 *
 * @param id             the queue's id for the job
 * @param lane           which workers may take it
 * @param attempts       attempts at the current step: leases taken since the job was enqueued, or 1 plus
 *                       those taken since its last checkpoint (a lease that expired because its worker died counts)
 * @param runAt          not leased before this instant
 * @param completedStage the last stage that finished, null before the first; a new lease resumes after it
 * @param stepStartedAt  when the job was enqueued or last checkpointed: how long it has been in its current step
 * @param workerId       the worker holding the lease, null when not leased
 * @param leasedUntil    when the lease expires, null when not leased
 */
public record Job(String id, String conversationId, String workspaceId, JobLane lane, int attempts, Instant runAt,
                  String completedStage, Instant stepStartedAt, String workerId, Instant leasedUntil) {
    public Job {
        requireNonNull(id, "id");
        requireNonNull(conversationId, "conversationId");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(lane, "lane");
        requireNonNull(runAt, "runAt");
        requireNonNull(stepStartedAt, "stepStartedAt");
    }
}
