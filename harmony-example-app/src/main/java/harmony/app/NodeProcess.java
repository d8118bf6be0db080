package harmony.app;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example app as a child process, one node of a local cluster: a JVM of its own running {@link HarmonyApp}
 * on the given classpath, configured only by {@code HARMONY_*} environment variables (as a deployment would
 * be), listening on a free loopback port, its output in a log file. Used by the cluster scenario tests and by
 * the soak runner in harmony-bench. {@link #close()} kills it if it is still alive, so a try-with-resources or
 * an {@code @AfterAll} never leaves a process behind.
 */
public final class NodeProcess implements AutoCloseable {
    private static final Pattern RUNNING = Pattern.compile("Harmony is running: http://localhost:(\\d+)/");
    private static final Pattern KEY = Pattern.compile("API key for (.+?) \\((.+?)\\): (\\S+)");
    private static final String BANNER_END = "Try: curl";

    private final String nodeId;
    private final Process process;
    private final Path log;
    private final int port;
    private final List<DemoWorkspaces.DemoKey> keys;

    private NodeProcess(String nodeId, Process process, Path log, int port, List<DemoWorkspaces.DemoKey> keys) {
        this.nodeId = nodeId;
        this.process = process;
        this.log = log;
        this.port = port;
        this.keys = keys;
    }

    /**
     * Starts a node and waits until it serves (its banner printed).
     *
     * @param nodeId    {@code HARMONY_NODE_ID}: names the node's workers in job leases
     * @param folder    its working folder (data dir, log file); created if missing
     * @param settings  settings as property names ({@code harmony.database.url} …), passed as environment
     *                  variables; host and port default to loopback and a free port
     * @param jvmArgs   e.g. {@code -Xmx256m}
     * @param classpath where {@link HarmonyApp} and its dependencies are, e.g. this JVM's {@code java.class.path}
     * @param timeout   how long start-up may take
     */
    public static NodeProcess start(String nodeId, Path folder, Map<String, String> settings, List<String> jvmArgs,
                                    String classpath, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("harmony.http.host", "127.0.0.1");
        config.put("harmony.http.port", "0");
        config.put("harmony.data.dir", folder.resolve("data").toString());
        config.put("harmony.node.id", nodeId);
        config.putAll(settings);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:ErrorFile=" + folder.resolve("hs_err_%p.log"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classpath, HarmonyApp.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        Path log = folder.resolve(nodeId + ".log");
        pb.redirectOutput(log.toFile());
        // Only what is given here: a developer's own HARMONY_* variables must not leak into the node.
        pb.environment().keySet().removeIf(k -> k.startsWith("HARMONY_") && !k.equals("HARMONY_MODELS_DIR"));
        pb.environment().put("HARMONY_CONFIG", folder.resolve("harmony.properties").toString());
        config.forEach((k, v) -> pb.environment().put(AppSettings.envName(k), v));

        Process process = pb.start();
        try {
            return awaitBanner(nodeId, process, log, timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static NodeProcess awaitBanner(String nodeId, Process process, Path log, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (out.contains(BANNER_END)) {
                Matcher running = RUNNING.matcher(out);
                if (!running.find()) {
                    throw new IllegalStateException(nodeId + " printed no port:\n" + out);
                }
                List<DemoWorkspaces.DemoKey> keys = new ArrayList<>();
                Matcher key = KEY.matcher(out);
                while (key.find()) {
                    keys.add(new DemoWorkspaces.DemoKey(key.group(1), key.group(2), key.group(3)));
                }
                return new NodeProcess(nodeId, process, log, Integer.parseInt(running.group(1)), List.copyOf(keys));
            }
            if (!process.isAlive()) {
                Path crash = log.resolveSibling("hs_err_" + process.pid() + ".log");
                String report = Files.exists(crash) ? "\n" + Files.readString(crash).lines().limit(40).collect(java.util.stream.Collectors.joining("\n")) : "";
                throw new IllegalStateException(nodeId + " exited with " + process.exitValue() + " while starting:\n" + tail(out) + report);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(nodeId + " did not start within " + timeout + ":\n" + tail(out));
            }
            Thread.sleep(50);
        }
    }

    public String nodeId() {
        return nodeId;
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    /** The demo keys this node issued at start (every node issues its own; any key works on every node). */
    public List<DemoWorkspaces.DemoKey> demoKeys() {
        return keys;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the node dies at once, mid-job, without releasing anything. */
    public void kill() {
        process.destroyForcibly();
    }

    /** SIGTERM: the node drains and exits. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code, or empty when it is still running after {@code timeout}. */
    public Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** Everything the node printed so far. */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    public Path logFile() {
        return log;
    }

    private static String tail(String out) {
        return out.length() <= 8000 ? out : out.substring(out.length() - 8000);
    }

    /** Kills the node if it still runs, and waits for it to be gone. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
