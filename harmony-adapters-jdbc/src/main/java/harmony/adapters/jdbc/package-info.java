/**
 * Harmony's records on SQL: H2 (file mode, the embedded default) and PostgreSQL 14+, one Flyway
 * schema, HikariCP pooling. {@link harmony.adapters.jdbc.JdbcHarmonyStore} builds everything from a
 * JDBC URL; the repositories share one thread-bound connection inside
 * {@link harmony.adapters.jdbc.JdbcTransactions#inTransaction}.
 */
package harmony.adapters.jdbc;
