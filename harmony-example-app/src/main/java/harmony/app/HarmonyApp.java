package harmony.app;

import harmony.adapters.filesystem.FileSystemRecordingStore;
import harmony.adapters.filesystem.FileSystemUploadSessions;
import harmony.adapters.http.api.ApiServer;
import harmony.adapters.http.api.ApiSettings;
import harmony.adapters.http.api.ApiUseCases;
import harmony.adapters.http.api.HarmonyApi;
import harmony.adapters.http.client.AllowList;
import harmony.adapters.http.client.ChatCompletionsLanguageModel;
import harmony.adapters.http.client.ChatCompletionsSettings;
import harmony.adapters.http.client.HostResolver;
import harmony.adapters.http.client.HttpRemoteFiles;
import harmony.adapters.http.client.PublicAddressGuard;
import harmony.adapters.http.client.RemoteFilesSettings;
import harmony.adapters.http.client.WebhookSender;
import harmony.adapters.http.client.WebhookSettings;
import harmony.adapters.jdbc.JdbcHarmonyStore;
import harmony.adapters.s3.S3RecordingStore;
import harmony.adapters.s3.S3Settings;
import harmony.adapters.s3.S3UploadSessions;
import harmony.adapters.speech.SpeechSettings;
import harmony.adapters.speech.SpeechTranscriber;
import harmony.core.Harmony;
import harmony.core.intelligence.ConversationAnalyzer;
import harmony.core.intelligence.extraction.LanguageModelExtractor;
import harmony.core.pipeline.PipelineSettings;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.UploadSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import sun.misc.Signal;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The example app: {@code main} reads {@link AppSettings}, wires every adapter, seeds the demo
 * workspaces, prints an API key for each and serves the API and web UI.
 */
public final class HarmonyApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HarmonyApp.class);
    private static final long PART_SIZE = 8L * 1024 * 1024;
    private static final Duration UPLOAD_SESSION_LIFETIME = Duration.ofHours(24);
    private static final long START_STACK_BYTES = 16L << 20;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Harmony harmony;
    private final ApiServer server;
    private final List<DemoWorkspaces.DemoKey> demoKeys;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HarmonyApp(AppSettings settings) throws Exception {
        Clock clock = Clock.systemUTC();
        Files.createDirectories(settings.dataDir());
        JdbcHarmonyStore store = JdbcHarmonyStore.builder(settings.databaseUrl())
                .credentials(settings.databaseUser(), settings.databasePassword())
                .maxPoolSize(Math.max(10, settings.mediaWorkers() + settings.textWorkers() + 8))
                .clock(clock)
                .open();
        resources.add(store);

        RecordingStore recordings;
        UploadSessions uploads;
        if (settings.usesS3()) {
            S3Settings s3 = settings.s3Endpoint() == null
                    ? S3Settings.aws(settings.s3Bucket(), settings.s3Region())
                    : S3Settings.compatible(settings.s3Endpoint(), settings.s3Bucket(), settings.s3AccessKey(), settings.s3SecretKey());
            S3Client client = s3.clientBuilder().build();
            resources.add(client);
            recordings = new S3RecordingStore(client, s3);
            var presigner = s3.newPresigner();
            resources.add(presigner);
            uploads = new S3UploadSessions(client, presigner, s3, PART_SIZE, UPLOAD_SESSION_LIFETIME, clock);
        } else {
            FileSystemRecordingStore files = new FileSystemRecordingStore(settings.dataDir().resolve("recordings"));
            recordings = files;
            uploads = new FileSystemUploadSessions(files, PART_SIZE, UPLOAD_SESSION_LIFETIME, clock);
        }

        SpeechTranscriber transcriber = new SpeechTranscriber(SpeechSettings.defaults());
        resources.add(transcriber);
        PublicAddressGuard guard = new PublicAddressGuard(AllowList.parse(String.join(",", settings.urlImportAllowList())),
                HostResolver.SYSTEM);
        HttpRemoteFiles remoteFiles = new HttpRemoteFiles(guard, RemoteFilesSettings.defaults());
        resources.add(remoteFiles);
        WebhookSender webhookSender = new WebhookSender(guard, WebhookSettings.defaults());
        resources.add(webhookSender);

        ConversationAnalyzer analyzer = ConversationAnalyzer.defaults();
        if (settings.llmUrl() != null) {
            // Optional: extraction by an OpenAI-compatible model, falling back to the rules on any error.
            ChatCompletionsLanguageModel model = new ChatCompletionsLanguageModel(ChatCompletionsSettings.of(
                    settings.llmUrl(), settings.llmModel(), settings.llmKey().isBlank() ? null : settings.llmKey()));
            resources.add(model);
            analyzer = ConversationAnalyzer.builder().extractor(new LanguageModelExtractor(model)).build();
        }

        harmony = Harmony.builder()
                .analyzer(analyzer)
                .directory(store.directory())
                .conversations(store.conversations())
                .jobs(store.jobs())
                .events(store.events())
                .transactions(store.transactions())
                .apiKeys(store.apiKeys())
                .analyses(store.analyses())
                .projects(store.projects())
                .webhooks(store.webhooks())
                .webhookSender(webhookSender)
                .recordings(recordings)
                .uploadSessions(uploads)
                .transcriber(transcriber)
                .remoteFiles(remoteFiles)
                .clock(clock)
                .pipelineSettings(PipelineSettings.DEFAULT.withWorkers(settings.mediaWorkers(), settings.textWorkers())
                        .withLease(settings.jobLease(), settings.heartbeatInterval()))
                .nodeId(settings.nodeId().isBlank() ? "node-" + UUID.randomUUID().toString().substring(0, 8) : settings.nodeId())
                .build();

        demoKeys = settings.demoData() ? DemoWorkspaces.seed(store.directory(), store.projects(), harmony.apiKeys()) : List.of();
        String uiKey = settings.uiAutoLogin() && !demoKeys.isEmpty() ? demoKeys.get(0).key() : null;

        ApiSettings api = ApiSettings.DEFAULTS.withRateLimit(settings.rateLimitPerSecond(), settings.rateLimitBurst())
                .withCorsOrigins(settings.corsOrigins());
        server = new ApiServer(settings.host(), settings.port(), Duration.ofSeconds(30),
                new HarmonyApi(useCases(harmony), store.idempotency(), api, clock),
                new WebUi(() -> uiKey));
        server.start();
        harmony.startWorkers();
    }

    /** Starts the app; close it to stop workers (draining), the server and the stores. */
    public static HarmonyApp start(AppSettings settings) throws Exception {
        return new HarmonyApp(settings);
    }

    static ApiUseCases useCases(Harmony h) {
        var in = h.ingestion();
        var catalog = h.catalog();
        return new ApiUseCases(h.apiKeys(), h.directory(), in, in, in, catalog, catalog, catalog, catalog, catalog,
                in, in, in, h.processing(), h.processing(), h.browserUploads(), h.webhooks());
    }

    public int port() {
        return server.port();
    }

    public List<DemoWorkspaces.DemoKey> demoKeys() {
        return demoKeys;
    }

    public Harmony harmony() {
        return harmony;
    }

    /**
     * Drains: stops taking jobs and lets running ones finish (handing back any still running after the
     * drain time, so another node resumes them at once instead of after their lease), then stops the
     * server and the stores. Safe to call twice.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping: draining pipeline workers");
        harmony.close();
        try {
            server.close();
        } catch (Exception e) {
            log.warn("Stopping the server failed", e);
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("Closing {} failed", resources.get(i), e);
            }
        }
        log.info("Stopped");
    }

    public static void main(String[] args) throws Exception {
        AppSettings settings = AppSettings.load(System.getenv());
        // ONNX Runtime builds the speech models' sessions on the calling thread and needs more native stack
        // than a JVM thread's default 1 MiB (a plain `java -cp … HarmonyApp` crashed with SIGSEGV here).
        FutureTask<HarmonyApp> starting = new FutureTask<>(() -> start(settings));
        Thread starter = new Thread(null, starting, "harmony-start", START_STACK_BYTES);
        starter.start();
        HarmonyApp app;
        try {
            app = starting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "harmony-shutdown"));
        // SIGTERM (a service manager or orchestrator stopping the node) is a normal stop: drain through the
        // shutdown hook, then exit 0 rather than the JVM's 143, so supervisors do not report a crash.
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        StringBuilder banner = new StringBuilder("\n  Harmony is running: http://localhost:" + app.port() + "/\n");
        banner.append("  Data: ").append(settings.dataDir()).append("  Database: ").append(settings.databaseUrl()).append('\n');
        for (DemoWorkspaces.DemoKey key : app.demoKeys()) {
            banner.append("  API key for ").append(key.workspace()).append(" (").append(key.user()).append("): ")
                    .append(key.key()).append('\n');
        }
        banner.append("  Try: curl -H \"Authorization: Bearer <key>\" http://localhost:").append(app.port()).append("/v1/me\n");
        System.out.println(banner);
        Thread.currentThread().join();
    }
}
