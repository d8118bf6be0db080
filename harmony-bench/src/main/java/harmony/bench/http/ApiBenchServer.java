package harmony.bench.http;

import harmony.adapters.filesystem.FileSystemRecordingStore;
import harmony.adapters.filesystem.FileSystemUploadSessions;
import harmony.adapters.http.api.ApiServer;
import harmony.adapters.http.api.ApiSettings;
import harmony.adapters.http.api.ApiUseCases;
import harmony.adapters.http.api.HarmonyApi;
import harmony.adapters.http.client.AllowList;
import harmony.adapters.http.client.HostResolver;
import harmony.adapters.http.client.HttpRemoteFiles;
import harmony.adapters.http.client.PublicAddressGuard;
import harmony.adapters.http.client.RemoteFilesSettings;
import harmony.adapters.http.client.WebhookSender;
import harmony.adapters.http.client.WebhookSettings;
import harmony.adapters.jdbc.JdbcHarmonyStore;
import harmony.core.Harmony;
import harmony.core.port.out.Transcriber;
import harmony.testkit.Fixtures;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The server side of {@link ApiLoadRunner}, in a JVM of its own so that its heap is measured alone.
 * The Public API is wired as the example app wires it on embedded defaults (H2 file database, filesystem
 * recording store, both in the given folder; the same pool size and part size), except that pipeline workers
 * are not started: the benchmark measures the API and persistence, not transcription. Beside it, on another
 * port of an identically configured {@link ApiServer}, two bare Jetty handlers: {@code /echo} answers with the
 * request body, {@code /discard} reads the body and drops it.
 *
 * <p>Prints {@code READY <apiPort> <barePort> <apiKey>}, then answers lines on stdin: {@code RESET} (collect,
 * reset the heap peaks; answers {@code OK}), {@code PEAK} (answers {@code PEAK <poolPeakBytes> <livePeakBytes>}),
 * {@code QUIT} or end of input (stops).
 */
public final class ApiBenchServer {
    /** The example app's pool size on its defaults: max(10, 1 media + 2 text workers + 8). */
    private static final int POOL_SIZE = 11;
    private static final long PART_SIZE = 8L * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args[0]));
        String h2Settings = args.length > 1 ? args[1] : "";
        HeapWatch heap = HeapWatch.start();
        Clock clock = Clock.systemUTC();
        try (JdbcHarmonyStore store = JdbcHarmonyStore.builder("jdbc:h2:file:" + folder.resolve("harmony") + ";AUTO_SERVER=FALSE" + h2Settings)
                .credentials("sa", "").maxPoolSize(POOL_SIZE).clock(clock).open();
             HttpRemoteFiles remoteFiles = new HttpRemoteFiles(
                     new PublicAddressGuard(AllowList.parse(""), HostResolver.SYSTEM), RemoteFilesSettings.defaults());
             WebhookSender webhookSender = new WebhookSender(
                     new PublicAddressGuard(AllowList.parse(""), HostResolver.SYSTEM), WebhookSettings.defaults())) {
            FileSystemRecordingStore files = new FileSystemRecordingStore(folder.resolve("recordings"));
            Harmony harmony = Harmony.builder()
                    .directory(store.directory()).conversations(store.conversations()).jobs(store.jobs())
                    .events(store.events()).transactions(store.transactions()).apiKeys(store.apiKeys())
                    .analyses(store.analyses()).projects(store.projects())
                    .webhooks(store.webhooks()).webhookSender(webhookSender)
                    .recordings(files)
                    .uploadSessions(new FileSystemUploadSessions(files, PART_SIZE, Duration.ofHours(24), clock))
                    .transcriber(new WorkersNotStarted())
                    .remoteFiles(remoteFiles)
                    .clock(clock)
                    .build();
            Fixtures.seed(store.directory());
            String key = harmony.apiKeys().issueApiKey(Fixtures.WS, Fixtures.ADA, "bench").key();
            // The benchmark key must never be throttled: the limiter is measured, not enforced.
            ApiSettings settings = ApiSettings.DEFAULTS.withRateLimit(1_000_000, 1_000_000);
            var in = harmony.ingestion();
            var catalog = harmony.catalog();
            ApiUseCases useCases = new ApiUseCases(harmony.apiKeys(), harmony.directory(), in, in, in, catalog, catalog,
                    catalog, catalog, catalog, in, in, in, harmony.processing(), harmony.processing(), harmony.browserUploads(),
                    harmony.webhooks());
            ApiServer api = new ApiServer("127.0.0.1", 0, Duration.ofSeconds(30),
                    new HarmonyApi(useCases, store.idempotency(), settings, clock)).start();
            ApiServer bare = new ApiServer("127.0.0.1", 0, Duration.ofSeconds(30), new Echo(), new Discard()).start();
            try {
                System.out.println("READY " + api.port() + " " + bare.port() + " " + key);
                System.out.flush();
                BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line;
                while ((line = commands.readLine()) != null && !line.equals("QUIT")) {
                    if (line.equals("RESET")) {
                        heap.reset();
                        System.out.println("OK");
                    } else if (line.equals("PEAK")) {
                        System.out.println("PEAK " + heap.poolPeak() + " " + heap.livePeak());
                    }
                    System.out.flush();
                }
            } finally {
                harmony.close();
                bare.close();
                api.close();
            }
        }
    }

    /** Answers 200 with the request body, streamed back as it arrives. */
    static final class Echo extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!"/echo".equals(Request.getPathInContext(request))) {
                return false;
            }
            response.setStatus(200);
            String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            if (type != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            }
            long length = request.getLength();
            if (length >= 0) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
            }
            Content.copy(request, response, callback);
            return true;
        }
    }

    /** Reads the whole request body, keeps none of it, and answers 201 with a small JSON body. */
    static final class Discard extends Handler.Abstract {
        private static final byte[] ANSWER = "{\"discarded\":true}".getBytes(StandardCharsets.UTF_8);

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!"/discard".equals(Request.getPathInContext(request))) {
                return false;
            }
            Content.Source.consumeAll(request, Callback.from(() -> {
                response.setStatus(201);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(ANSWER), callback);
            }, callback::failed));
            return true;
        }
    }

    /** Workers are not started in this benchmark, so nothing is ever transcribed. */
    static final class WorkersNotStarted implements Transcriber {
        @Override
        public Transcription transcribe(harmony.core.port.out.MediaSource media, harmony.core.port.out.ProgressListener progress) {
            throw new IllegalStateException("pipeline workers are not started in the API benchmark");
        }
    }

    private ApiBenchServer() {
    }
}
