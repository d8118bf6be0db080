/**
 * Harmony's records on SQL: H2 (file mode, the embedded default, one process) and PostgreSQL 14+
 * (many processes), one Flyway schema ({@code harmony/jdbc/migration/common}, plus
 * {@code postgresql} for its search index), HikariCP pooling.
 *
 * <ul>
 *   <li>{@link harmony.adapters.jdbc.JdbcHarmonyStore} builds everything from a JDBC URL and hands out
 *       every port; all of them share one {@link harmony.adapters.jdbc.JdbcTransactions}, whose
 *       thread-bound connection makes a conversation, its recording row, its first job and its event
 *       one transaction (jobs and events are rows in that transaction: an outbox).</li>
 *   <li>Search: a word is a run of letters or digits, lower-cased; a conversation matches when every
 *       query word is a word of its title or transcript. Both databases store the same normalised,
 *       de-duplicated words; PostgreSQL indexes them as a tsvector (GIN), H2 filters them with
 *       {@code LIKE '% word %'} while walking the newest-first index, stopping at the page's end.</li>
 *   <li>Jobs: {@link harmony.adapters.jdbc.JdbcJobQueue} leases with {@code FOR UPDATE SKIP LOCKED}
 *       (why not db-scheduler: see there).</li>
 *   <li>A database restart costs the calls made while it is away ({@code UNAVAILABLE}) and at most
 *       one call per pooled connection afterwards; nothing needs restarting.</li>
 * </ul>
 */
package harmony.adapters.jdbc;
