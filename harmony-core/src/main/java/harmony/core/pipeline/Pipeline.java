package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.Processing;
import harmony.core.domain.ProcessingStatus;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.ConversationEvents;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Job;
import harmony.core.port.out.JobLane;
import harmony.core.port.out.JobQueue;
import harmony.core.port.out.LeasedJob;
import harmony.core.port.out.ProgressListener;
import harmony.core.port.out.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * The processing engine: runs a conversation's stages in order over a leased job.
 *
 * <p>Before and after each stage it stores the conversation's status and processing details and
 * publishes an event (in one transaction, so an event exists exactly when its state was stored).
 * Stages that do not apply are skipped. After each stage the job records it as completed, so a
 * worker that takes over a dead worker's job resumes after the last completed stage. Transient
 * failures are retried with backoff through the queue; permanent ones, and transient ones out of
 * attempts, end in {@code failed} with a reason the user can read. Every write is fenced: a worker
 * that lost its job (lease expired, conversation deleted or failed as stuck) stops and writes nothing.
 */
public final class Pipeline {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final int STUCK_BATCH = 100;

    private final List<Stage> stages;
    private final ConversationRepository conversations;
    private final JobQueue jobs;
    private final ConversationEvents events;
    private final Transactions transactions;
    private final Clock clock;
    private final PipelineSettings settings;
    private final RandomGenerator random;
    private final Map<String, ActiveJob> active = new ConcurrentHashMap<>();
    /** Jobs whose processing the store cut short (it went away mid-job), to hand back once it answers again. */
    private final Queue<LeasedJob> cutShort = new ConcurrentLinkedQueue<>();
    private final List<Runnable> wakeUps = new CopyOnWriteArrayList<>();

    public Pipeline(List<Stage> stages, ConversationRepository conversations, JobQueue jobs, ConversationEvents events,
                    Transactions transactions, Clock clock, PipelineSettings settings) {
        this(stages, conversations, jobs, events, transactions, clock, settings, RandomGenerator.getDefault());
    }

    public Pipeline(List<Stage> stages, ConversationRepository conversations, JobQueue jobs, ConversationEvents events,
                    Transactions transactions, Clock clock, PipelineSettings settings, RandomGenerator random) {
        this.stages = List.copyOf(stages);
        this.conversations = requireNonNull(conversations, "conversations");
        this.jobs = requireNonNull(jobs, "jobs");
        this.events = requireNonNull(events, "events");
        this.transactions = requireNonNull(transactions, "transactions");
        this.clock = requireNonNull(clock, "clock");
        this.settings = requireNonNull(settings, "settings");
        this.random = requireNonNull(random, "random");
        checkOrder(this.stages);
    }

    /** Stages must show working statuses in pipeline order, each once, with distinct names. */
    private static void checkOrder(List<Stage> stages) {
        Set<String> names = new HashSet<>();
        ProcessingStatus previous = ProcessingStatus.QUEUED;
        for (Stage s : stages) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two stages named " + s.name());
            }
            if (!previous.canMoveTo(s.status()) || s.status().isTerminal()) {
                throw new IllegalArgumentException("stage " + s.name() + " (" + s.status() + ") cannot follow " + previous);
            }
            previous = s.status();
        }
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Lists the stages that would run for a conversation, for callers that show what lies ahead. */
    public List<Stage> stagesFor(Conversation conversation) {
        List<Stage> out = new ArrayList<>();
        for (Stage s : stages) {
            if (s.appliesTo(conversation)) {
                out.add(s);
            }
        }
        return out;
    }

    public PipelineSettings settings() {
        return settings;
    }

    /**
     * Queues processing of a conversation just stored in status {@code queued}, and announces it. Call it in
     * the transaction that stored the conversation, so the two exist together or not at all. False when the
     * conversation already has a live job.
     */
    public boolean submit(Conversation conversation) {
        if (conversation.status() != ProcessingStatus.QUEUED) {
            throw new IllegalArgumentException("only a queued conversation can be submitted: " + conversation.status());
        }
        if (!jobs.enqueue(conversation.id(), conversation.workspaceId(), JobLane.forSource(conversation.source()))) {
            return false;
        }
        events.publish(conversation);
        wakeUp();
        return true;
    }

    /**
     * Reruns every stage of a completed or failed conversation; each stage replaces its earlier output.
     *
     * @throws HarmonyException NOT_FOUND when the workspace has no such conversation, CONFLICT while it is
     *                          still being processed
     */
    public Conversation reprocess(String workspaceId, String conversationId) {
        Conversation queued = transactions.inTransaction(() -> {
            Conversation c = conversations.find(workspaceId, conversationId)
                    .orElseThrow(() -> HarmonyException.notFound("Conversation"));
            if (!c.status().isTerminal()) {
                throw new HarmonyException(ErrorKind.CONFLICT, PipelineMessages.STILL_PROCESSING);
            }
            // A finished conversation's live job can only be a leftover of a crash right after finishing.
            jobs.cancel(conversationId);
            Conversation q = c.withStatus(ProcessingStatus.QUEUED, Processing.NONE, clock.instant());
            jobs.enqueue(q.id(), q.workspaceId(), JobLane.forSource(q.source()));
            conversations.update(q);
            events.publish(q);
            return q;
        });
        wakeUp();
        return queued;
    }

    /**
     * Stops all work on a conversation, queued or running, here or in another process (that one stops at
     * its next heartbeat or write). Call it when the conversation is deleted. True when it had a job.
     */
    public boolean cancel(String conversationId) {
        boolean had = jobs.cancel(conversationId);
        ActiveJob running = active.get(conversationId);
        if (running != null) {
            running.abandon();
        }
        return had;
    }

    /** Leases one job from {@code lanes} and processes it on this thread; false when none was runnable. */
    public boolean runNext(String workerId, Set<JobLane> lanes) {
        handBackCutShort();
        Optional<LeasedJob> lease = jobs.lease(workerId, lanes, settings.leaseDuration());
        if (lease.isEmpty()) {
            return false;
        }
        process(lease.get());
        return true;
    }

    /** Extends the leases of jobs running here; a job whose lease is lost is abandoned. */
    public void heartbeat() {
        for (ActiveJob run : active.values()) {
            if (!run.abandoned() && !jobs.heartbeat(run.job, settings.leaseDuration())) {
                log.info("lost the job of conversation {}; stopping its work here", run.job.conversationId());
                run.abandon();
            }
        }
    }

    /**
     * Fails every conversation that stayed in one status longer than {@link PipelineSettings#stuckAfter}
     * (waiting in the queue, or in one stage, across retries), with a reason, and ends its job so no
     * worker continues it. Returns how many were failed.
     */
    public int failStuck() {
        Instant now = clock.instant();
        int failed = 0;
        List<Job> stalled = jobs.stalled(now.minus(settings.stuckAfter()), STUCK_BATCH);
        for (Job job : stalled) {
            boolean ended = transactions.inTransaction(() -> {
                jobs.cancel(job.conversationId());
                Conversation c = conversations.findById(job.conversationId()).orElse(null);
                if (c == null || c.status().isTerminal()) {
                    return false;
                }
                Processing p = c.processing();
                String reason = PipelineMessages.stuck(c.status(), settings.stuckAfter());
                Conversation f = c.withStatus(ProcessingStatus.FAILED,
                        new Processing(p.stage(), p.progress(), p.startedAt(), p.attempts(), reason), now);
                conversations.update(f);
                events.publish(f);
                return true;
            });
            ActiveJob running = active.get(job.conversationId());
            if (running != null) {
                running.abandon();
            }
            if (ended) {
                log.warn("conversation {} stuck since {}; failed it", job.conversationId(), job.stepStartedAt());
                failed++;
            }
        }
        return failed;
    }

    /** Abandons the jobs running here and hands them back to the queue, so any worker resumes them now. */
    void releaseAll() {
        Instant now = clock.instant();
        for (ActiveJob run : active.values()) {
            run.abandon();
            jobs.retryAt(run.job, now);
        }
    }

    void onWakeUp(Runnable wakeUp) {
        wakeUps.add(wakeUp);
    }

    private void wakeUp() {
        for (Runnable r : wakeUps) {
            r.run();
        }
    }

    /**
     * Releases jobs cut short by a store failure to run again now, from their last checkpoint. A lease that
     * expired meanwhile is simply not released (the job is already free, or another worker's). Throws while
     * the store is still away; the jobs stay queued here for the next try.
     */
    private void handBackCutShort() {
        for (LeasedJob job = cutShort.peek(); job != null; job = cutShort.peek()) {
            if (jobs.retryAt(job, clock.instant())) {
                log.info("handed back the job of conversation {} after the store failed under it", job.conversationId());
            }
            cutShort.remove(job);
        }
    }

    /** Runs the job's remaining stages on this thread. */
    void process(LeasedJob job) {
        ActiveJob run = new ActiveJob(job, Thread.currentThread());
        active.put(job.conversationId(), run);
        try {
            execute(run);
        } catch (Abandoned a) {
            log.debug("abandoned the job of conversation {}", job.conversationId());
        } catch (RuntimeException e) {
            // The store failed under the job (a database restarting): rather than leave it to its lease
            // running out, hand it back as soon as the store answers again.
            cutShort.add(job);
            throw e;
        } finally {
            active.remove(job.conversationId(), run);
            run.finish();
        }
    }

    private void execute(ActiveJob run) {
        LeasedJob job = run.job;
        Conversation c = conversations.findById(job.conversationId()).orElse(null);
        if (c == null || c.status().isTerminal()) {
            // Deleted, or finished just before a crash kept its job from closing: nothing left to do.
            jobs.complete(job);
            return;
        }
        int attempt = job.attempts();
        for (int i = firstStageAfter(job.completedStage()); i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (!stage.appliesTo(c)) {
                continue;
            }
            if (attempt > settings.retry().maxAttempts()) {
                // Workers died on this stage again and again (each death counts as an attempt).
                fail(run, stage, clock.instant(), 0, attempt - 1, PipelineMessages.gaveUp(stage.status(), attempt - 1));
                return;
            }
            c = runStage(run, stage, attempt);
            if (c == null) {
                return;
            }
            attempt = 1;
        }
        fence(run);
        write(run, ProcessingStatus.COMPLETED, new Processing(null, 1, null, 0, null));
        jobs.complete(job);
    }

    private int firstStageAfter(String completedStage) {
        if (completedStage == null) {
            return 0;
        }
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(completedStage)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("job names an unknown completed stage " + completedStage);
    }

    /** Runs one stage; the conversation after it, or null when it failed or will be retried. */
    private Conversation runStage(ActiveJob run, Stage stage, int attempt) {
        Instant started = clock.instant();
        fence(run);
        Conversation current = write(run, stage.status(), new Processing(stage.name(), 0, started, attempt, null));
        StageProgress progress = new StageProgress(run, stage, started, attempt);
        run.leaseFresh = false;
        try {
            stage.run(new StageContext(current, attempt, progress));
        } catch (Exception e) {
            if (run.abandoned()) {
                throw new Abandoned();
            }
            onFailure(run, stage, started, attempt, progress.last(), e);
            return null;
        }
        if (run.abandoned() || !jobs.checkpoint(run.job, stage.name(), settings.leaseDuration())) {
            throw new Abandoned();
        }
        run.leaseFresh = true;
        return writeWithin(run, stage.status(), new Processing(stage.name(), 1, started, attempt, null));
    }

    private void onFailure(ActiveJob run, Stage stage, Instant started, int attempt, double progress, Exception e) {
        Optional<String> permanent = Failures.permanentReason(e);
        if (permanent.isPresent()) {
            log.info("conversation {} failed at {}: {}", run.job.conversationId(), stage.name(), permanent.get());
            fail(run, stage, started, progress, attempt, permanent.get());
        } else if (settings.retry().allowsAnotherAfter(attempt)) {
            Instant at = clock.instant().plus(settings.retry().delayAfter(attempt, random));
            log.warn("conversation {}: {} attempt {} failed; retrying at {}", run.job.conversationId(), stage.name(),
                    attempt, at, e);
            jobs.retryAt(run.job, at);
        } else {
            log.warn("conversation {}: {} failed {} times; giving up", run.job.conversationId(), stage.name(), attempt, e);
            fail(run, stage, started, progress, attempt, PipelineMessages.gaveUp(stage.status(), attempt));
        }
    }

    private void fail(ActiveJob run, Stage stage, Instant started, double progress, int attempts, String reason) {
        fence(run);
        write(run, ProcessingStatus.FAILED, new Processing(stage.name(), progress, started, attempts, reason));
        jobs.fail(run.job, reason);
    }

    /**
     * Checks, and extends, the lease before a write that starts or ends something, unless the lease was
     * confirmed on this thread with no stage code run since (right after leasing or a checkpoint).
     */
    private void fence(ActiveJob run) {
        if (run.abandoned()) {
            throw new Abandoned();
        }
        if (run.leaseFresh) {
            return;
        }
        if (!jobs.heartbeat(run.job, settings.leaseDuration())) {
            run.abandon();
            throw new Abandoned();
        }
        run.leaseFresh = true;
    }

    /** Moves the conversation to {@code status} (or stays there) with new details. */
    private Conversation write(ActiveJob run, ProcessingStatus status, Processing processing) {
        return write(run, status, processing, false);
    }

    /** A stage's progress and its end are stored only while the conversation still shows that stage. */
    private Conversation writeWithin(ActiveJob run, ProcessingStatus status, Processing processing) {
        return write(run, status, processing, true);
    }

    /**
     * Stores the new status and details and publishes the event, in one transaction. Refuses, abandoning
     * the job, when the conversation is gone or already finished (deleted, or failed as stuck), or moved
     * somewhere this worker cannot follow (a worker that lost its job, writing into the next run).
     */
    private Conversation write(ActiveJob run, ProcessingStatus status, Processing processing, boolean sameStatus) {
        if (run.abandoned()) {
            throw new Abandoned();
        }
        String id = run.job.conversationId();
        Object outcome;
        try {
            outcome = transactions.inTransaction(() -> {
                Conversation current = conversations.findById(id).orElse(null);
                if (current == null || current.status().isTerminal()) {
                    return Refusal.ENDED;
                }
                if (current.status() != status && (sameStatus || !current.status().canMoveTo(status))) {
                    return Refusal.ILLEGAL;
                }
                Conversation next = current.withStatus(status, processing, clock.instant());
                conversations.update(next);
                events.publish(next);
                return next;
            });
        } catch (RuntimeException e) {
            // Deleted between the read and the write: it has ended, like any other deletion.
            if (conversations.findById(id).isPresent()) {
                throw e;
            }
            outcome = Refusal.ENDED;
        }
        if (outcome instanceof Conversation moved) {
            return moved;
        }
        run.abandon();
        if (outcome == Refusal.ENDED) {
            log.info("conversation {} was deleted or ended elsewhere; stopping its work here", id);
            jobs.complete(run.job);
        } else {
            // Someone else moved it; keep the job so it is retried or, at worst, failed as stuck.
            log.error("conversation {} cannot move to {}; leaving its job for another attempt", id, status);
        }
        throw new Abandoned();
    }

    /**
     * Stores and announces a stage's progress below 1, in steps of at least {@link PipelineSettings#progressStep};
     * throws {@link CancellationException} once the job was abandoned.
     */
    private final class StageProgress implements ProgressListener {
        private final ActiveJob run;
        private final Stage stage;
        private final Instant started;
        private final int attempt;
        private double last;

        StageProgress(ActiveJob run, Stage stage, Instant started, int attempt) {
            this.run = run;
            this.stage = stage;
            this.started = started;
            this.attempt = attempt;
        }

        @Override
        public synchronized void progress(double fraction) {
            if (run.abandoned()) {
                throw new CancellationException("processing of conversation " + run.job.conversationId() + " was cancelled");
            }
            if (Double.isNaN(fraction)) {
                return;
            }
            // 1 is announced by the engine once the stage's output is stored, so a stage's own 1 is not news.
            double f = Math.max(0, fraction);
            if (f < 1 && f - last >= settings.progressStep()) {
                last = f;
                writeWithin(run, stage.status(), new Processing(stage.name(), f, started, attempt, null));
            }
        }

        synchronized double last() {
            return last;
        }
    }

    private enum Refusal { ENDED, ILLEGAL }

    /** Unwinds a job this worker must not touch any more. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }

}
