package harmony.adapters.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh databases for tests: an H2 file per call, and a database per call on ONE embedded
 * PostgreSQL per test JVM (real binaries from Maven, no Docker), started on first use.
 */
final class TestDatabases {
    static final String PG_USER = "postgres";
    private static final Path H2_ROOT = Path.of("target", "h2-test");

    private static EmbeddedPostgres postgres;
    private static Path postgresData;
    private static int postgresPort;

    /** A JDBC URL of a new, empty H2 file database. */
    static String newH2(String name) {
        return "jdbc:h2:file:" + H2_ROOT.toAbsolutePath().resolve(name + "-" + UUID.randomUUID());
    }

    /** A JDBC URL of a new, empty database on the shared PostgreSQL. */
    static synchronized String newPostgres(String name) {
        String database = (name + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    /** Stops the shared PostgreSQL, runs {@code whileDown}, and starts it again on the same port and data. */
    static synchronized void restartPostgres(Runnable whileDown) throws IOException {
        postgres().close();
        postgres = null;
        try {
            whileDown.run();
        } finally {
            postgres = start();
        }
    }

    private static EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgresData = Files.createTempDirectory("harmony-pg");
                try (ServerSocket socket = new ServerSocket(0)) {
                    postgresPort = socket.getLocalPort();
                }
                postgres = start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopAndClean));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    private static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(postgresData)
                .setCleanDataDirectory(false)
                .setPort(postgresPort)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .setRegisterShutdownHook(false)
                .start();
    }

    private static synchronized void stopAndClean() {
        try {
            if (postgres != null) {
                postgres.close();
            }
            try (Stream<Path> files = Files.walk(postgresData)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException ignored) {
            // the JVM is exiting; a leftover temp folder is harmless
        }
    }

    private TestDatabases() {
    }
}
