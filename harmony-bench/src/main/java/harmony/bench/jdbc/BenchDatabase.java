package harmony.bench.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A database for one benchmark trial: an H2 file or an embedded PostgreSQL 14 (default settings,
 * fsync on) under {@code target/bench-data/<name>}. Data is kept between runs so that a 100,000
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
            if (!kind.equals("postgresql")) {
                throw new IllegalArgumentException("h2 or postgresql, not " + kind);
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(ROOT.resolve("pg-" + name))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            return new BenchDatabase("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", pg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the stored data, for benchmarks that must start empty. */
    static void delete(String kind, String name) throws IOException {
        Path data = kind.equals("h2") ? ROOT.resolve("h2-" + name + ".mv.db") : ROOT.resolve("pg-" + name);
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
