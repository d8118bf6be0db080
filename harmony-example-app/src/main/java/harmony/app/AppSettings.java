package harmony.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The app's configuration: built-in defaults, overridden by a properties file ({@code harmony.properties}
 * in the working folder, or the file named by {@code HARMONY_CONFIG}), overridden by environment
 * variables ({@code harmony.http.port} ↔ {@code HARMONY_HTTP_PORT}).
 */
public record AppSettings(
        String host,
        int port,
        Path dataDir,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        URI s3Endpoint,
        String s3Bucket,
        String s3Region,
        String s3AccessKey,
        String s3SecretKey,
        int mediaWorkers,
        int textWorkers,
        List<String> urlImportAllowList,
        List<String> corsOrigins,
        double rateLimitPerSecond,
        int rateLimitBurst,
        boolean demoData,
        boolean uiAutoLogin,
        String nodeId,
        URI llmUrl,
        String llmModel,
        String llmKey,
        Duration jobLease) {

    /** Every setting with its default; the README's configuration table lists the same. */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("harmony.http.host", "0.0.0.0"),
            Map.entry("harmony.http.port", "8080"),
            Map.entry("harmony.data.dir", "data"),
            Map.entry("harmony.database.url", ""),
            Map.entry("harmony.database.user", "sa"),
            Map.entry("harmony.database.password", ""),
            Map.entry("harmony.s3.endpoint", ""),
            Map.entry("harmony.s3.bucket", ""),
            Map.entry("harmony.s3.region", "us-east-1"),
            Map.entry("harmony.s3.access.key", ""),
            Map.entry("harmony.s3.secret.key", ""),
            Map.entry("harmony.workers.media", "1"),
            Map.entry("harmony.workers.text", "2"),
            Map.entry("harmony.url.import.allow", ""),
            Map.entry("harmony.cors.origins", ""),
            Map.entry("harmony.ratelimit.per.second", "10"),
            Map.entry("harmony.ratelimit.burst", "20"),
            Map.entry("harmony.demo.data", "true"),
            Map.entry("harmony.ui.auto.login", "true"),
            Map.entry("harmony.node.id", ""),
            Map.entry("harmony.llm.url", ""),
            Map.entry("harmony.llm.model", ""),
            Map.entry("harmony.llm.key", ""),
            // How long a job stays with a node that stopped heartbeating (crashed, partitioned) before another
            // node takes it over; nodes heartbeat every sixth of it. Shorter recovers faster, costs more writes.
            Map.entry("harmony.jobs.lease.seconds", "120"));

    public static AppSettings load(Map<String, String> env) throws IOException {
        Properties p = new Properties();
        DEFAULTS.forEach(p::setProperty);
        Path file = Path.of(env.getOrDefault("HARMONY_CONFIG", "harmony.properties"));
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        for (String key : DEFAULTS.keySet()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                p.setProperty(key, fromEnv);
            }
        }
        return from(p);
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    static AppSettings from(Properties p) {
        Path data = Path.of(p.getProperty("harmony.data.dir")).toAbsolutePath();
        String db = p.getProperty("harmony.database.url");
        if (db.isBlank()) {
            db = "jdbc:h2:file:" + data.resolve("harmony") + ";AUTO_SERVER=FALSE";
        }
        String endpoint = p.getProperty("harmony.s3.endpoint");
        return new AppSettings(
                p.getProperty("harmony.http.host"),
                Integer.parseInt(p.getProperty("harmony.http.port").trim()),
                data,
                db,
                p.getProperty("harmony.database.user"),
                p.getProperty("harmony.database.password"),
                endpoint.isBlank() ? null : URI.create(endpoint),
                p.getProperty("harmony.s3.bucket"),
                p.getProperty("harmony.s3.region"),
                p.getProperty("harmony.s3.access.key"),
                p.getProperty("harmony.s3.secret.key"),
                Integer.parseInt(p.getProperty("harmony.workers.media").trim()),
                Integer.parseInt(p.getProperty("harmony.workers.text").trim()),
                list(p.getProperty("harmony.url.import.allow")),
                list(p.getProperty("harmony.cors.origins")),
                Double.parseDouble(p.getProperty("harmony.ratelimit.per.second").trim()),
                Integer.parseInt(p.getProperty("harmony.ratelimit.burst").trim()),
                Boolean.parseBoolean(p.getProperty("harmony.demo.data").trim()),
                Boolean.parseBoolean(p.getProperty("harmony.ui.auto.login").trim()),
                p.getProperty("harmony.node.id"),
                p.getProperty("harmony.llm.url").isBlank() ? null : URI.create(p.getProperty("harmony.llm.url").trim()),
                p.getProperty("harmony.llm.model"),
                p.getProperty("harmony.llm.key"),
                seconds(p, "harmony.jobs.lease.seconds"));
    }

    /** Heartbeats renew a lease six times per lease, so a few slow ones in a row never lose it. */
    public Duration heartbeatInterval() {
        return jobLease.dividedBy(6);
    }

    private static Duration seconds(Properties p, String key) {
        long s = Long.parseLong(p.getProperty(key).trim());
        if (s < 1) {
            throw new IllegalArgumentException(key + " must be at least 1 second: " + s);
        }
        return Duration.ofSeconds(s);
    }

    /** True when recordings go to S3 rather than the data folder. */
    public boolean usesS3() {
        return !s3Bucket.isBlank();
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
