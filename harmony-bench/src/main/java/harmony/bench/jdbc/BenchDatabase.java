package harmony.bench.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A database for one benchmark trial under {@code target/bench-data/<name>}: {@code h2} (a file;
 * H2 writes commits to disk within half a second, not at each commit), {@code postgresql} (embedded
 * PostgreSQL 14 with {@code synchronous_commit=off}: the same durability as H2's, a commit does not
 * wait for its WAL flush) or {@code postgresql-durable} (defaults: every commit waits for fsync). Data is kept between runs so that a 100,000
 * conversation data set is loaded once, not once per fork.
 */
final class BenchDatabase implements AutoCloseable {
    private static final Path ROOT = Path.of("target", "bench-data").toAbsolutePath();

    final String url;
    final String user;
    private final EmbeddedPostgres postgres;

    private BenchDatabase(String url, String user, EmbeddedPostgres postgres) {
        this.url = url;
        this.user = user;
        this.postgres = postgres;
    }

    static BenchDatabase open(String kind, String name) {
        try {
            Files.createDirectories(ROOT);
            if (kind.equals("h2")) {
                return new BenchDatabase("jdbc:h2:file:" + ROOT.resolve("h2-" + name), "sa", null);
            }
            if (!kind.startsWith("postgresql")) {
                throw new IllegalArgumentException("h2, postgresql or postgresql-durable, not " + kind);
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(ROOT.resolve(kind + "-" + name))
                    .setCleanDataDirectory(false)
                    .setPort(port);
            if (kind.equals("postgresql")) {
                builder.setServerConfig("synchronous_commit", "off");
            }
            EmbeddedPostgres pg = builder.start();
            return new BenchDatabase("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", pg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the stored data, for benchmarks that must start empty. */
    static void delete(String kind, String name) throws IOException {
        Path data = kind.equals("h2") ? ROOT.resolve("h2-" + name + ".mv.db") : ROOT.resolve(kind + "-" + name);
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
