package harmony.core;

import harmony.core.application.ApiKeyAccess;
import harmony.core.application.BrowserUploads;
import harmony.core.application.ConversationCatalog;
import harmony.core.application.ConversationIngestion;
import harmony.core.application.ConversationProcessing;
import harmony.core.application.WebhookDispatch;
import harmony.core.application.WorkspaceDirectory;
import harmony.core.intelligence.ConversationAnalyzer;
import harmony.core.pipeline.DownloadStage;
import harmony.core.pipeline.IntelligenceStages;
import harmony.core.pipeline.MediaCheck;
import harmony.core.pipeline.Pipeline;
import harmony.core.pipeline.PipelineScheduler;
import harmony.core.pipeline.PipelineSettings;
import harmony.core.pipeline.PipelineWorkers;
import harmony.core.pipeline.Stage;
import harmony.core.pipeline.TranscriptionStage;
import harmony.core.port.out.ApiKeys;
import harmony.core.port.out.ConversationAnalyses;
import harmony.core.port.out.ConversationEvents;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Directory;
import harmony.core.port.out.Ids;
import harmony.core.port.out.JobQueue;
import harmony.core.port.out.ProjectCatalog;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.RemoteFiles;
import harmony.core.port.out.Transactions;
import harmony.core.port.out.Transcriber;
import harmony.core.port.out.UploadSessions;
import harmony.core.port.out.WebhookDeliveries;
import harmony.core.port.out.WebhookSubscriptions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Harmony assembled from a host's adapters: the one place a host (or the example app) goes to get
 * every use case. Build it with {@link #builder()}, call {@link #startWorkers()} to process.
 */
public final class Harmony implements AutoCloseable {
    private final ConversationIngestion ingestion;
    private final ConversationCatalog catalog;
    private final ConversationProcessing processing;
    private final WorkspaceDirectory directory;
    private final ApiKeyAccess apiKeys;
    private final BrowserUploads browserUploads;
    private final WebhookDispatch webhooks;
    private final Pipeline pipeline;
    private final PipelineWorkers workers;

    private Harmony(Builder b) {
        List<Stage> stages = new ArrayList<>();
        stages.add(new DownloadStage(b.remoteFiles, b.recordings, b.conversations, b.transactions, MediaCheck.uploadRules()));
        stages.add(new TranscriptionStage(b.transcriber, b.recordings, b.conversations, b.transactions));
        stages.addAll(new IntelligenceStages(b.analyzer, b.conversations, b.analyses, b.projects, b.directory).stages());
        pipeline = new Pipeline(stages, b.conversations, b.jobs, b.events, b.transactions, b.clock, b.pipelineSettings);
        PipelineScheduler scheduler = new PipelineScheduler(pipeline);
        ingestion = new ConversationIngestion(b.directory, b.conversations, b.recordings, b.remoteFiles, scheduler,
                b.transactions, b.ids, b.clock);
        catalog = new ConversationCatalog(b.directory, b.conversations, b.recordings, b.analyses, scheduler, b.transactions, b.clock);
        processing = new ConversationProcessing(pipeline, b.events, b.conversations);
        directory = new WorkspaceDirectory(b.directory);
        apiKeys = new ApiKeyAccess(b.apiKeys, b.directory, b.clock);
        workers = new PipelineWorkers(pipeline, b.nodeId);
        webhooks = new WebhookDispatch(b.webhooks, b.webhookSender, b.events, b.ids, b.clock);
        browserUploads = new BrowserUploads(b.uploadSessions, b.recordings, ingestion, b.directory, b.ids);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Uploads, URL imports and URL checks, pasted transcripts, transcript files, structured imports. */
    public ConversationIngestion ingestion() {
        return ingestion;
    }

    /** Get, list, search, update, match speakers, delete, stream recordings. */
    public ConversationCatalog catalog() {
        return catalog;
    }

    /** Reprocess and watch live. */
    public ConversationProcessing processing() {
        return processing;
    }

    /** Large files from a browser, in resumable parts. */
    public BrowserUploads browserUploads() {
        return browserUploads;
    }

    /** Webhook subscriptions and their delivery log. */
    public WebhookDispatch webhooks() {
        return webhooks;
    }

    public WorkspaceDirectory directory() {
        return directory;
    }

    public ApiKeyAccess apiKeys() {
        return apiKeys;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** Starts processing and webhook delivery in this process. */
    public void startWorkers() {
        workers.start();
        webhooks.start();
    }

    @Override
    public void close() {
        workers.close();
        webhooks.close();
    }

    /** Every out-port is required; ids, clock, settings and analysis stages have defaults. */
    public static final class Builder {
        private Directory directory;
        private ConversationRepository conversations;
        private RecordingStore recordings;
        private JobQueue jobs;
        private ConversationEvents events;
        private Transactions transactions;
        private ApiKeys apiKeys;
        private Transcriber transcriber;
        private RemoteFiles remoteFiles;
        private UploadSessions uploadSessions;
        private WebhookSubscriptions webhooks;
        private WebhookDeliveries webhookSender;
        private Ids ids = Ids.random();
        private Clock clock = Clock.systemUTC();
        private PipelineSettings pipelineSettings = PipelineSettings.DEFAULT;
        private ConversationAnalyses analyses;
        private ProjectCatalog projects;
        private ConversationAnalyzer analyzer = ConversationAnalyzer.defaults();
        private String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);

        public Builder directory(Directory v) { directory = v; return this; }
        public Builder conversations(ConversationRepository v) { conversations = v; return this; }
        public Builder recordings(RecordingStore v) { recordings = v; return this; }
        public Builder jobs(JobQueue v) { jobs = v; return this; }
        public Builder events(ConversationEvents v) { events = v; return this; }
        public Builder transactions(Transactions v) { transactions = v; return this; }
        public Builder apiKeys(ApiKeys v) { apiKeys = v; return this; }
        public Builder transcriber(Transcriber v) { transcriber = v; return this; }
        public Builder remoteFiles(RemoteFiles v) { remoteFiles = v; return this; }
        /** Browser multipart uploads; must share storage with {@link #recordings}. */
        public Builder uploadSessions(UploadSessions v) { uploadSessions = v; return this; }
        public Builder ids(Ids v) { ids = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder pipelineSettings(PipelineSettings v) { pipelineSettings = v; return this; }
        public Builder analyses(ConversationAnalyses v) { analyses = v; return this; }
        public Builder webhooks(WebhookSubscriptions v) { webhooks = v; return this; }
        /** Sends signed webhook deliveries (never to private addresses). */
        public Builder webhookSender(WebhookDeliveries v) { webhookSender = v; return this; }
        /** Projects with their Insight Definitions, goals and scorecards. */
        public Builder projects(ProjectCatalog v) { projects = v; return this; }
        /** Replace any intelligence stage's logic (e.g. an LLM extractor); rule-based defaults otherwise. */
        public Builder analyzer(ConversationAnalyzer v) { analyzer = v; return this; }
        /** Names this process's workers in job leases (for operators reading the jobs table). */
        public Builder nodeId(String v) { nodeId = v; return this; }

        public Harmony build() {
            requireNonNull(directory, "directory");
            requireNonNull(conversations, "conversations");
            requireNonNull(recordings, "recordings");
            requireNonNull(jobs, "jobs");
            requireNonNull(events, "events");
            requireNonNull(transactions, "transactions");
            requireNonNull(apiKeys, "apiKeys");
            requireNonNull(transcriber, "transcriber");
            requireNonNull(remoteFiles, "remoteFiles");
            requireNonNull(uploadSessions, "uploadSessions");
            requireNonNull(analyses, "analyses");
            requireNonNull(projects, "projects");
            requireNonNull(webhooks, "webhooks");
            requireNonNull(webhookSender, "webhookSender");
            return new Harmony(this);
        }
    }
}
