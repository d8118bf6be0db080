package harmony.adapters.jdbc;

import java.util.Locale;

/** The two databases Harmony runs on; only search (and the migrations for it) differ between them. */
enum Dialect {
    H2("common", "h2"),
    POSTGRESQL("common", "postgresql");

    private final String[] migrationFolders;

    Dialect(String... migrationFolders) {
        this.migrationFolders = migrationFolders;
    }

    static Dialect ofUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Harmony stores records on H2 or PostgreSQL, not " + jdbcUrl);
    }

    /** Flyway locations: the shared schema first, then this vendor's additions. */
    String[] migrationLocations() {
        String[] locations = new String[migrationFolders.length];
        for (int i = 0; i < locations.length; i++) {
            locations[i] = "classpath:harmony/jdbc/migration/" + migrationFolders[i];
        }
        return locations;
    }
}
