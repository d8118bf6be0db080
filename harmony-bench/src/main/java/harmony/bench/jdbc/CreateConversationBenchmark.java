package harmony.bench.jdbc;

import harmony.adapters.jdbc.JdbcHarmonyStore;
import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.domain.Transcript;
import harmony.core.port.out.JobLane;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Creating a conversation with a 5,000-word transcript (about 600 turns) and its first job, in one
 * transaction: through {@link JdbcHarmonyStore}, and as the baseline, plain JDBC inserting the very
 * same rows with the same batching (column values copied once from a row the store wrote). The
 * baseline is the floor: it does none of the work of turning a {@code Transcript} into rows (the
 * turns' JSON document, the search words), so the ratio is everything the store adds to raw inserts.
 *
 * <p>On H2 the store also queues each conversation for its word index ({@code search_pending}) and,
 * every 256 of them, writes one {@code search_postings} row per word of the batch; the baseline writes
 * the same rows, from the word list copied once, and (in paired runs) indexes its own leftovers after
 * each of its blocks so that the store never indexes them.
 *
 * <p>The baseline binds a fresh copy of each text value per insert, as any real insert does: H2 hashes
 * every string it is given (its value cache), and a {@code String} reused across inserts would carry
 * its hash from the first one, saving the baseline a pass over the 50 KB turns document per row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CreateConversationBenchmark {
    @Param({"h2", "postgresql", "postgresql-durable"})
    public String database;

    private BenchDatabase db;
    private JdbcHarmonyStore store;
    private Conversation template;
    private Transcript transcript;
    private String[] row;
    private String[] transcriptRow;
    private long next;
    /** The distinct words of title and transcript, as H2's index stores them. */
    private String[] words;
    private final java.util.List<String> plainPending = new java.util.ArrayList<>();

    @Setup
    public void setUp() throws Exception {
        BenchDatabase.delete(database, "create");
        db = BenchDatabase.open(database, "create");
        store = JdbcHarmonyStore.builder(db.url).credentials(db.user, null).open();
        Corpus corpus = new Corpus(7);
        transcript = corpus.transcript(5_000);
        template = Corpus.conversation("template", "Quarterly review with Initech", Corpus.T0, ProcessingStatus.QUEUED,
                "team-1");
        store.conversations().create(template, Optional.of(transcript));
        try (Connection c = store.dataSource().getConnection()) {
            row = first(c, "SELECT tags_json, custom_fields_json, title_words, transcript_words FROM conversations WHERE id = ?");
            transcriptRow = first(c, "SELECT speakers_json, turns_json FROM transcripts WHERE conversation_id = ?");
        }
        java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
        for (String column : new String[] {row[2], row[3]}) {
            for (String w : column.trim().split(" ")) {
                distinct.add(w);
            }
        }
        words = distinct.toArray(String[]::new);
        System.out.printf("%n[%s] transcript: %d turns, %d words, turns JSON %d chars%n", database,
                transcript.turns().size(), transcript.fullText().split("\\s+").length, transcriptRow[1].length());
    }

    private String[] first(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, template.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String[] values = new String[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getString(i + 1);
                }
                return values;
            }
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        store.close();
        db.close();
    }

    private String nextId() {
        return "c" + (next++) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Benchmark
    public void store() {
        String id = nextId();
        Conversation c = template.toBuilder().id(id).reference(id).build();
        store.transactions().inTransaction(() -> {
            store.conversations().create(c, Optional.of(transcript));
            store.jobs().enqueue(c.id(), c.workspaceId(), JobLane.TEXT);
        });
    }

    /** A copy with its own characters and no cached hash ({@code new String(s)} would share both). */
    private static String fresh(String s) {
        return new StringBuilder(s).toString();
    }

    @Benchmark
    public void plainJdbc() throws SQLException {
        String id = nextId();
        OffsetDateTime at = OffsetDateTime.ofInstant(template.createdAt(), ZoneOffset.UTC);
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            boolean postgres = database.startsWith("postgresql");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversations (id, workspace_id, reference, title,"
                    + " source, medium, team_id, contact_id, owner_id, tags_json, custom_fields_json, status,"
                    + " processing_progress, processing_attempts, occurred_at, created_at, updated_at, title_words,"
                    + " transcript_words" + (postgres ? ", search_vector" : "")
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?"
                    + (postgres ? ", array_to_tsvector(array_remove(string_to_array(? || ?, ' '), ''))" : "") + ")")) {
                ps.setString(1, id);
                ps.setString(2, template.workspaceId());
                ps.setString(3, id);
                ps.setString(4, template.title());
                ps.setString(5, template.source().name());
                ps.setString(6, template.medium().name());
                ps.setString(7, template.teamId());
                ps.setString(8, template.contactId());
                ps.setString(9, template.ownerId());
                ps.setString(10, fresh(row[0]));
                ps.setString(11, fresh(row[1]));
                ps.setString(12, template.status().name());
                ps.setObject(13, at);
                ps.setObject(14, at);
                ps.setObject(15, at);
                ps.setString(16, fresh(row[2]));
                ps.setString(17, fresh(row[3]));
                if (postgres) {
                    ps.setString(18, fresh(row[2]));
                    ps.setString(19, fresh(row[3]));
                }
                ps.executeUpdate();
            }
            if (!postgres) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO search_pending (conversation_id, workspace_id, token) VALUES (?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, template.workspaceId());
                    ps.setLong(3, next);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversation_tags (conversation_id, tag) VALUES (?, ?)")) {
                for (String tag : template.tags()) {
                    ps.setString(1, id);
                    ps.setString(2, tag);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcripts (conversation_id, speakers_json,"
                    + " turns_json, turn_count, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, fresh(transcriptRow[0]));
                ps.setString(3, fresh(transcriptRow[1]));
                ps.setInt(4, transcript.turns().size());
                ps.setObject(5, at);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (id, conversation_id, workspace_id, lane,"
                    + " attempts, run_at, step_started_at) VALUES (?, ?, ?, ?, 0, ?, ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, id);
                ps.setString(3, template.workspaceId());
                ps.setString(4, JobLane.TEXT.name());
                ps.setObject(5, at);
                ps.setObject(6, at);
                ps.executeUpdate();
            }
            c.commit();
            if (!postgres) {
                plainPending.add(id);
                if (plainPending.size() == 256) {
                    plainIndex(c);
                }
            }
        }
    }

    /** H2: the baseline's word-index batch, the rows the store's would write for the same conversations. */
    private void plainIndex(Connection c) throws SQLException {
        if (plainPending.isEmpty()) {
            return;
        }
        long batch;
        try (PreparedStatement ps = c.prepareStatement("SELECT NEXT VALUE FOR search_batch_numbers");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            batch = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_batches (batch, conversation_ids) VALUES (?, ?)")) {
            ps.setLong(1, batch);
            ps.setString(2, " " + String.join(" ", plainPending) + " ");
            ps.executeUpdate();
        }
        java.util.BitSet all = new java.util.BitSet();
        all.set(0, plainPending.size()); // every conversation of the batch has every word
        String members = java.util.HexFormat.of().formatHex(all.toByteArray());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_postings (workspace_id, term, batch,"
                + " conversation_count, members) VALUES (?, ?, ?, ?, ?)")) {
            for (String w : words) {
                ps.setString(1, template.workspaceId());
                ps.setString(2, w);
                ps.setLong(3, batch);
                ps.setInt(4, plainPending.size());
                ps.setString(5, fresh(members));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM search_pending WHERE conversation_id = ?")) {
            for (String id : plainPending) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        plainPending.clear();
    }

    /** Paired runs: indexes the baseline's leftover conversations after its block, so the store never does. */
    void settlePlain() throws SQLException {
        if (!plainPending.isEmpty()) {
            try (Connection c = store.dataSource().getConnection()) {
                c.setAutoCommit(false);
                plainIndex(c);
            }
        }
    }
}
