package harmony.core.port.out;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A job a worker holds for a while. {@code leaseId} is new for every lease: once a lease has expired and
 * another worker took the job, or the job was cancelled, every call with the old lease answers false,
 * so a worker that lost its lease can never write over the new holder's work.
 *
 * @param attempts       this lease's attempt at the job's current step, from 1
 * @param completedStage the last stage that finished, null before the first: resume after it
 */
public record LeasedJob(String jobId, String leaseId, String conversationId, String workspaceId, JobLane lane,
                        int attempts, String completedStage, String workerId, Instant leasedUntil) {
    public LeasedJob {
        requireNonNull(jobId, "jobId");
        requireNonNull(leaseId, "leaseId");
        requireNonNull(conversationId, "conversationId");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(lane, "lane");
        requireNonNull(workerId, "workerId");
        requireNonNull(leasedUntil, "leasedUntil");
        if (attempts < 1) {
            throw new IllegalArgumentException("a leased job has at least one attempt");
        }
    }
}
