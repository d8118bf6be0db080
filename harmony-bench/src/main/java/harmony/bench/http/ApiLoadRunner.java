package harmony.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import harmony.testkit.Fixtures;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * End-to-end load runner for the Public API from a loopback client ({@code java.net.http.HttpClient}, HTTP/1.1),
 * each figure beside a bare Jetty handler measured in the same run against the same server configuration:
 * <ol>
 * <li>{@code POST /v1/conversations} with a 1,000-word transcript against a handler that echoes the same body:
 * the most requests per second {@code clients} closed-loop clients get through, then an open-loop run at a fixed
 * rate of half that maximum (at most 32 connections), whose latencies are measured from each request's scheduled start (so a stall delays
 * every request queued behind it, as it would real users). Targets: API throughput ≥ 0.3 of the echo's; API
 * p99 ≤ 50 ms at half its own maximum.</li>
 * <li>A 2 GiB streamed multipart upload (an MP3 head, then zeros) to {@code POST /v1/conversations/upload}
 * against a handler that reads and discards the same body: MiB/s, the server's CPU per GiB and its heap peaks.
 * Target: ≥ 0.7 of the discard's throughput.</li>
 * </ol>
 * The server ({@link ApiBenchServer}) runs in a child JVM with its own heap limit; its H2 database and
 * recordings live in a temporary folder under {@code target/}, deleted at the end. Pipeline workers are not
 * started: this measures the API and persistence, not transcription. Each figure is the median of
 * {@code rounds} rounds, the two sides alternating within each round.
 *
 * <p>Arguments ({@code name=value}, all optional): {@code seconds=8 clients=8 rounds=3 uploadMiB=2048
 * uploadRounds=2 serverHeap=256m warmupSeconds=4 dir=target serverArgs=}; {@code serverArgs} takes extra server JVM
 * options separated by semicolons (e.g. a flight recording); {@code h2Settings} is appended to the H2 URL for
 * experiments (e.g. {@code ;QUERY_CACHE_SIZE=64}), empty by default as in the example app.
 */
public final class ApiLoadRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TRANSCRIPT_WORDS = 1000;
    private static final int OPEN_LOOP_CONNECTIONS = 32;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "8")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmupSeconds", "4")));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        long uploadBytes = Long.parseLong(options.getOrDefault("uploadMiB", "2048")) << 20;
        int uploadRounds = Integer.parseInt(options.getOrDefault("uploadRounds", "2"));
        String serverHeap = options.getOrDefault("serverHeap", "256m");
        String h2Settings = options.getOrDefault("h2Settings", "");
        List<String> serverArgs = options.containsKey("serverArgs") ? List.of(options.get("serverArgs").split(";")) : List.of();
        Path parent = Files.createDirectories(Paths.get(options.getOrDefault("dir", "target")).toAbsolutePath());
        Path folder = Files.createTempDirectory(parent, "api-bench-");

        System.out.printf(Locale.ROOT, "API load benchmark: %d closed-loop clients, %d s phases, %d rounds; %d MiB uploads x %d; "
                        + "server JVM -Xmx%s; data in %s; %d cores, load %.1f%n", clients, phase.toSeconds(), rounds,
                uploadBytes >> 20, uploadRounds, serverHeap, folder, Runtime.getRuntime().availableProcessors(), load());
        ServerProcess server = ServerProcess.start(folder, h2Settings, serverHeap, serverArgs);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            byte[] body = conversationBody();
            Target echo = new Target("bare Jetty echo", HttpRequest.newBuilder(server.bare("/echo"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), 200);
            Target api = new Target("POST /v1/conversations", HttpRequest.newBuilder(server.api("/v1/conversations"))
                    .header("Authorization", "Bearer " + server.key).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), 201);
            System.out.printf(Locale.ROOT, "Request body: %d bytes of JSON (%d-word transcript)%n", body.length, TRANSCRIPT_WORDS);

            if (rounds > 0) {
                closedLoop(http, server, echo, clients, warmup);
                closedLoop(http, server, api, clients, warmup);
            }
            Map<Target, List<Throughput>> max = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (Target target : List.of(echo, api)) {
                    Throughput t = closedLoop(http, server, target, clients, phase);
                    max.computeIfAbsent(target, x -> new ArrayList<>()).add(t);
                    System.out.printf(Locale.ROOT, "  round %d  %-24s closed loop %8.0f req/s  CPU per request: server %.3f ms, client %.3f ms%n",
                            round, target.name, t.perSecond, t.serverCpuMs, t.clientCpuMs);
                }
            }
            Map<Target, List<Latency>> latencies = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (Target target : List.of(echo, api)) {
                    double rate = median(max.get(target), Throughput::perSecond) / 2;
                    Latency latency = openLoop(http, target, rate, phase);
                    latencies.computeIfAbsent(target, t -> new ArrayList<>()).add(latency);
                    System.out.printf(Locale.ROOT, "  round %d  %-24s open loop at %6.0f req/s: p50 %6.2f ms  p99 %7.2f ms  max %7.1f ms  errors %d%n",
                            round, target.name, rate, latency.p50Ms, latency.p99Ms, latency.maxMs, latency.errors);
                }
            }

            List<Upload> discards = new ArrayList<>();
            List<Upload> uploads = new ArrayList<>();
            for (int round = 1; round <= uploadRounds; round++) {
                discards.add(upload(http, server, server.bare("/discard"), uploadBytes, false));
                System.out.printf(Locale.ROOT, "  round %d  %s%n", round, discards.get(discards.size() - 1));
                uploads.add(upload(http, server, server.api("/v1/conversations/upload"), uploadBytes, true));
                System.out.printf(Locale.ROOT, "  round %d  %s%n", round, uploads.get(uploads.size() - 1));
            }
            report(echo, api, max, latencies, discards, uploads, clients, phase, uploadBytes, serverHeap);
        } finally {
            server.stop();
            deleteTree(folder);
        }
    }

    private record Target(String name, HttpRequest request, int expectedStatus) {
    }

    /** Requests answered per second, and the CPU milliseconds each took in the server JVM and in this (client) JVM. */
    private record Throughput(double perSecond, double serverCpuMs, double clientCpuMs) {
    }

    /** The most requests per second {@code clients} threads, each sending its next request when the last answered, complete. */
    private static Throughput closedLoop(HttpClient http, ServerProcess server, Target target, int clients, Duration duration)
            throws InterruptedException {
        double serverCpu = server.cpuSeconds();
        double clientCpu = cpuSeconds(ProcessHandle.current());
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<String> r = http.send(target.request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == target.expectedStatus) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, r.statusCode() + " " + r.body());
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "client-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            System.out.printf("  %s: %d failed requests, first: %s%n", target.name, failed.get(), firstFailure.get());
        }
        long requests = Math.max(1, ok.get() + failed.get());
        return new Throughput(ok.get() / seconds, (server.cpuSeconds() - serverCpu) * 1000 / requests,
                (cpuSeconds(ProcessHandle.current()) - clientCpu) * 1000 / requests);
    }

    /** Latencies at a fixed request rate, each measured from when the request was due to be sent. */
    private record Latency(double rate, double p50Ms, double p99Ms, double maxMs, long errors) {
    }

    /**
     * {@code OPEN_LOOP_CONNECTIONS} senders take the requests in their scheduled order, each waiting for its due time;
     * when all are busy the next request waits and its wait counts in its latency, as it would for a real user.
     */
    private static Latency openLoop(HttpClient http, Target target, double rate, Duration duration) throws InterruptedException {
        Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
        AtomicLong errors = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        double interval = 1e9 / rate;
        int count = (int) Math.max(1, rate * duration.toSeconds());
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        long giveUp = TimeUnit.SECONDS.toNanos(10);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < OPEN_LOOP_CONNECTIONS; s++) {
            Thread sender = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long due = start + (long) (i * interval);
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    if (System.nanoTime() - due > giveUp) {
                        errors.incrementAndGet(); // hopelessly behind: count it failed rather than send it
                        continue;
                    }
                    try {
                        HttpResponse<String> r = http.send(target.request, HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - due) / 1000;
                        if (r.statusCode() == target.expectedStatus) {
                            histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "open-loop-" + s);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        return new Latency(rate, histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0, errors.get());
    }

    /** One streamed upload: MiB/s, the server's CPU seconds per GiB, and its heap peaks while it ran. */
    private record Upload(String target, double mibPerSecond, double serverCpuPerGib, long poolPeak, long livePeak) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-30s %8.1f MiB/s   server CPU %5.2f s/GiB   heap peak %5.1f MiB (live %5.1f MiB)",
                    target, mibPerSecond, serverCpuPerGib, poolPeak / 1048576.0, livePeak / 1048576.0);
        }
    }

    private static Upload upload(HttpClient http, ServerProcess server, URI uri, long fileBytes, boolean api) throws Exception {
        String boundary = "api-bench-boundary-7MA4YWxkTrZu0gW";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"contact\"\r\n\r\n" + Fixtures.DANA + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"customFields\"\r\n\r\n{\"projectCode\":\"BENCH\"}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"long.mp3\"\r\n"
                + "Content-Type: audio/mpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] mp3;
        try (InputStream in = ApiLoadRunner.class.getResourceAsStream("sample.mp3")) {
            mp3 = in.readAllBytes();
        }
        long length = head.length + fileBytes + tail.length;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofByteArrays(() -> new UploadBody(head, mp3, fileBytes - mp3.length, tail)),
                        length));
        if (api) {
            request.header("Authorization", "Bearer " + server.key);
        }
        server.resetHeap();
        double cpu = server.cpuSeconds();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        double serverCpu = server.cpuSeconds() - cpu;
        long[] peaks = server.heapPeaks();
        if (response.statusCode() != 201) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        if (api) {
            JsonNode conversation = JSON.readTree(response.body());
            if (!response.body().contains("\"sizeBytes\":" + fileBytes)) {
                throw new IllegalStateException("the stored recording is not " + fileBytes + " bytes: " + response.body());
            }
            // Free the disk for the next round.
            HttpResponse<Void> deleted = http.send(HttpRequest.newBuilder(server.api("/v1/conversations/" + conversation.get("id").asText()))
                    .header("Authorization", "Bearer " + server.key).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            if (deleted.statusCode() != 204) {
                throw new IllegalStateException("DELETE answered " + deleted.statusCode());
            }
        }
        return new Upload(api ? "POST /v1/conversations/upload" : "bare Jetty discard", length / seconds / 1048576.0,
                serverCpu / (length / (double) (1L << 30)), peaks[0], peaks[1]);
    }

    /** The multipart body as byte arrays: head, the MP3, one shared block of zeros repeated, tail. Nothing is copied. */
    private static final class UploadBody implements Iterator<byte[]> {
        private static final byte[] ZEROS = new byte[1 << 20];
        private final byte[] head;
        private final byte[] mp3;
        private final byte[] tail;
        private long zerosLeft;
        private int step;

        UploadBody(byte[] head, byte[] mp3, long zeros, byte[] tail) {
            this.head = head;
            this.mp3 = mp3;
            this.zerosLeft = zeros;
            this.tail = tail;
        }

        @Override
        public boolean hasNext() {
            return step < 3;
        }

        @Override
        public byte[] next() {
            switch (step) {
                case 0 -> {
                    step = 1;
                    return head;
                }
                case 1 -> {
                    step = 2;
                    return mp3;
                }
                case 2 -> {
                    if (zerosLeft >= ZEROS.length) {
                        zerosLeft -= ZEROS.length;
                        return ZEROS;
                    }
                    step = 3;
                    byte[] last = new byte[(int) zerosLeft];
                    zerosLeft = 0;
                    return last.length == 0 ? tail : concat(last, tail);
                }
                default -> throw new NoSuchElementException();
            }
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }

    private static void report(Target echo, Target api, Map<Target, List<Throughput>> max, Map<Target, List<Latency>> latencies,
                               List<Upload> discards, List<Upload> uploads, int clients, Duration phase, long uploadBytes,
                               String serverHeap) {
        if (!max.isEmpty()) {
            reportTranscripts(echo, api, max, latencies, clients, phase);
        }
        reportUploads(discards, uploads, uploadBytes, serverHeap);
    }

    private static void reportTranscripts(Target echo, Target api, Map<Target, List<Throughput>> max,
                                          Map<Target, List<Latency>> latencies, int clients, Duration phase) {
        System.out.printf(Locale.ROOT, "%nMedians over %d rounds (%d closed-loop clients for the maximum; open loop at half of each "
                + "side's own maximum; %d s each):%n", max.get(api).size(), clients, phase.toSeconds());
        System.out.printf("%-26s %10s %14s %14s %10s %9s %9s %9s%n", "1,000-word transcript", "max req/s", "server CPU ms",
                "client CPU ms", "at req/s", "p50 ms", "p99 ms", "max ms");
        for (Target t : List.of(echo, api)) {
            List<Latency> l = latencies.get(t);
            List<Throughput> m = max.get(t);
            System.out.printf(Locale.ROOT, "%-26s %10.0f %14.3f %14.3f %10.0f %9.2f %9.2f %9.1f%n", t.name,
                    median(m, Throughput::perSecond), median(m, Throughput::serverCpuMs), median(m, Throughput::clientCpuMs),
                    median(l, Latency::rate), median(l, Latency::p50Ms), median(l, Latency::p99Ms), median(l, Latency::maxMs));
        }
        double throughputRatio = median(max.get(api), Throughput::perSecond) / median(max.get(echo), Throughput::perSecond);
        double p99 = median(latencies.get(api), Latency::p99Ms);
        System.out.printf(Locale.ROOT, "throughput API / echo = %.2f (target >= 0.3: %s); API p99 at half its max = %.1f ms "
                + "(target <= 50 ms: %s)%n", throughputRatio, verdict(throughputRatio >= 0.3), p99, verdict(p99 <= 50));
        System.out.printf(Locale.ROOT, "Load average now: %.1f on %d cores%n", load(), Runtime.getRuntime().availableProcessors());
    }

    private static void reportUploads(List<Upload> discards, List<Upload> uploads, long uploadBytes, String serverHeap) {
        if (uploads.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "%n%d MiB streamed upload, medians over %d rounds (server heap limit -Xmx%s):%n",
                uploadBytes >> 20, uploads.size(), serverHeap);
        System.out.printf("%-30s %10s %16s %15s %15s%n", "target", "MiB/s", "server CPU s/GiB", "heap peak MiB", "live peak MiB");
        for (List<Upload> list : List.of(discards, uploads)) {
            System.out.printf(Locale.ROOT, "%-30s %10.1f %16.2f %15.1f %15.1f%n", list.get(0).target(),
                    median(list, Upload::mibPerSecond), median(list, Upload::serverCpuPerGib),
                    median(list, u -> u.poolPeak() / 1048576.0), median(list, u -> u.livePeak() / 1048576.0));
        }
        double uploadRatio = median(uploads, Upload::mibPerSecond) / median(discards, Upload::mibPerSecond);
        System.out.printf(Locale.ROOT, "upload API / discard = %.2f (target >= 0.7: %s); API heap peak %.1f MiB%n", uploadRatio,
                verdict(uploadRatio >= 0.7), uploads.stream().mapToLong(Upload::poolPeak).max().orElse(0) / 1048576.0);
        System.out.printf(Locale.ROOT, "Load average at the end: %.1f on %d cores%n", load(), Runtime.getRuntime().availableProcessors());
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    /** A JSON create body whose transcript has exactly {@value #TRANSCRIPT_WORDS} spoken words in speaker-labelled lines. */
    static byte[] conversationBody() throws IOException {
        String[] vocabulary = ("we should send the pricing proposal by friday and book a follow up call with the security team "
                + "to review encryption renewal seats budget timeline onboarding dashboard integration contract discount "
                + "question next steps customer support roadmap quarter migration").split(" ");
        String[] speakers = {"Dana Reyes", "Ada Lovelace"};
        Random random = new Random(42);
        StringBuilder transcript = new StringBuilder();
        int words = 0;
        for (int line = 0; words < TRANSCRIPT_WORDS; line++) {
            int n = Math.min(8 + random.nextInt(12), TRANSCRIPT_WORDS - words);
            transcript.append(speakers[line % 2]).append(':');
            for (int i = 0; i < n; i++) {
                transcript.append(' ').append(vocabulary[random.nextInt(vocabulary.length)]);
            }
            transcript.append(".\n");
            words += n;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("contact", Fixtures.DANA);
        body.putObject("customFields").put("projectCode", "BENCH");
        body.put("title", "Load benchmark call");
        body.put("transcript", transcript.toString());
        return JSON.writeValueAsBytes(body);
    }

    /** The child JVM running {@link ApiBenchServer}, and the line protocol to it. */
    private static final class ServerProcess {
        private final Process process;
        private final BufferedReader out;
        private final PrintWriter in;
        private final int apiPort;
        private final int barePort;
        final String key;

        private ServerProcess(Process process) throws IOException {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            String[] ready = expect("READY ").split(" ");
            apiPort = Integer.parseInt(ready[1]);
            barePort = Integer.parseInt(ready[2]);
            key = ready[3];
        }

        static ServerProcess start(Path folder, String h2Settings, String heap, List<String> jvmArgs) throws IOException {
            List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap));
            command.addAll(jvmArgs);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ApiBenchServer.class.getName(), folder.toString(), h2Settings));
            return new ServerProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        URI api(String path) {
            return URI.create("http://127.0.0.1:" + apiPort + path);
        }

        URI bare(String path) {
            return URI.create("http://127.0.0.1:" + barePort + path);
        }

        void resetHeap() throws IOException {
            in.println("RESET");
            expect("OK");
        }

        /** The heap pools' summed peak and the live-set peak since the last reset. */
        long[] heapPeaks() throws IOException {
            in.println("PEAK");
            String[] words = expect("PEAK ").split(" ");
            return new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])};
        }

        double cpuSeconds() {
            return ApiLoadRunner.cpuSeconds(process.toHandle());
        }

        private String expect(String prefix) throws IOException {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                System.out.println("  server: " + line);
            }
            throw new IOException("the server JVM exited (exit code " + waitExit() + ") while " + prefix.trim() + " was awaited");
        }

        private int waitExit() {
            try {
                return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        void stop() throws InterruptedException {
            in.println("QUIT");
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static <T> double median(List<T> list, ToDoubleFunction<T> metric) {
        double[] values = list.stream().mapToDouble(metric).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are name=value, e.g. seconds=8; got " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private ApiLoadRunner() {
    }
}
