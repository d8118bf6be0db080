package harmony.adapters.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * H2's word index (V6__search_postings.sql): which conversations have a word, kept in batches so
 * that a create adds one small row ({@code search_pending}) instead of one index entry per word.
 * Every {@link #batchSize} conversations whose words changed, the thread that changed the last one
 * moves the oldest pending ones into {@code search_postings} after its commit: each word of the
 * batch once, listing its conversations.
 *
 * <p>Search looks up a word's conversations here, adds the pending ones and checks each candidate
 * against its current words, so rows left behind by re-worded or deleted conversations do no harm.
 * Words found in too many conversations are better served by walking the newest conversations and
 * matching their words, which stops as soon as a page is full: {@link #candidates} says so by
 * returning empty.
 */
final class SearchPostings {
    static final int DEFAULT_BATCH = 256;
    /** Past this many candidates, a search walks conversations newest first instead of looking each up. */
    static final int MAX_CANDIDATES = 2_000;
    /** A word listed under more conversations than this is not read (it would narrow little). */
    static final int MAX_READ = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(SearchPostings.class);

    private final Database db;
    private final int batchSize;
    private final AtomicInteger touched = new AtomicInteger();
    private final ReentrantLock indexing = new ReentrantLock();

    SearchPostings(Database db, int batchSize) {
        this.db = db;
        this.batchSize = batchSize;
    }

    /**
     * Marks a conversation's words as changed, in the caller's transaction: it is pending (searched
     * directly) until a batch takes in its new words.
     */
    void touch(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO search_pending (conversation_id, workspace_id, token)"
                + " KEY (conversation_id) SELECT id, workspace_id, ? FROM conversations WHERE id = ?")) {
            ps.setLong(1, ThreadLocalRandom.current().nextLong());
            ps.setString(2, conversationId);
            ps.executeUpdate();
        }
        if (touched.incrementAndGet() >= batchSize) {
            db.afterCommit(this::catchUp);
        }
    }

    /** The same for a conversation being created: its workspace is known, so no lookup. */
    void touchNew(Connection c, String conversationId, String workspaceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO search_pending (conversation_id, workspace_id, token) VALUES (?, ?, ?)")) {
            ps.setString(1, conversationId);
            ps.setString(2, workspaceId);
            ps.setLong(3, ThreadLocalRandom.current().nextLong());
            ps.executeUpdate();
        }
        if (touched.incrementAndGet() >= batchSize) {
            db.afterCommit(this::catchUp);
        }
    }

    /**
     * Indexes full batches while there are any; one thread at a time, others carry on. Runs after the
     * commit that filled a batch and when the store opens. A failure leaves conversations pending
     * (still found, only by the slower direct scan) and is retried with the next batch.
     */
    void catchUp() {
        if (!indexing.tryLock()) {
            return;
        }
        try {
            touched.set(0);
            while (indexBatch() == batchSize) {
                touched.set(0);
            }
        } catch (RuntimeException e) {
            LOG.warn("Search batch failed; its conversations stay pending and are searched directly", e);
        } finally {
            indexing.unlock();
        }
    }

    /** Moves up to one batch of pending conversations into the postings; returns how many. */
    int indexBatch() {
        return db.inTransaction(() -> db.run("Indexing words for search", c -> {
            List<String[]> pending = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.conversation_id, p.workspace_id, p.token,"
                    + " c.title_words, c.transcript_words FROM search_pending p"
                    + " JOIN conversations c ON c.id = p.conversation_id FETCH FIRST " + batchSize + " ROWS ONLY")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pending.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)});
                    }
                }
            }
            if (pending.isEmpty()) {
                return 0;
            }
            long batch;
            try (PreparedStatement ps = c.prepareStatement("SELECT NEXT VALUE FOR search_batch_numbers");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                batch = rs.getLong(1);
            }
            // workspace -> word -> which of the batch's conversations (by position) have it
            Map<String, Map<String, Posting>> postings = new LinkedHashMap<>();
            StringBuilder ids = new StringBuilder(" ");
            for (int position = 0; position < pending.size(); position++) {
                String[] p = pending.get(position);
                ids.append(p[0]).append(' ');
                Map<String, Posting> words = postings.computeIfAbsent(p[1], k -> new HashMap<>());
                Set<String> titleWords = new HashSet<>();
                addWords(p[3], position, words, null, titleWords);
                addWords(p[4], position, words, titleWords, null);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO search_batches (batch, conversation_ids) VALUES (?, ?)")) {
                ps.setLong(1, batch);
                ps.setString(2, ids.toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_postings (workspace_id, term, batch,"
                    + " conversation_count, members) VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, Map<String, Posting>> workspace : postings.entrySet()) {
                    for (Map.Entry<String, Posting> word : workspace.getValue().entrySet()) {
                        ps.setString(1, workspace.getKey());
                        ps.setString(2, word.getKey());
                        ps.setLong(3, batch);
                        ps.setInt(4, word.getValue().members.cardinality());
                        ps.setString(5, HEX.formatHex(word.getValue().members.toByteArray()));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            // Only if its words are still the ones read: a conversation re-worded meanwhile stays pending.
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM search_pending WHERE conversation_id = ? AND token = ?")) {
                for (String[] p : pending) {
                    ps.setString(1, p[0]);
                    ps.setLong(2, Long.parseLong(p[2]));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return pending.size();
        }));
    }

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    private static final class Posting {
        final java.util.BitSet members = new java.util.BitSet();
    }

    /** Marks {@code position} under each word of a stored {@code " w1 w2 … "}, skipping those in {@code skip}. */
    private static void addWords(String stored, int position, Map<String, Posting> words, Set<String> skip,
                                 Set<String> seen) {
        for (int from = 1, to; from < stored.length(); from = to + 1) {
            to = stored.indexOf(' ', from);
            String word = stored.substring(from, to);
            if (skip != null && skip.contains(word)) {
                continue;
            }
            if (seen != null) {
                seen.add(word);
            }
            words.computeIfAbsent(word, k -> new Posting()).members.set(position);
        }
    }

    /**
     * The conversations of {@code workspaceId} that may have all of {@code words}: the indexed ones
     * listed under each of the words (those listed under at most {@link #MAX_READ} conversations,
     * rarest first, intersected), and every pending one, each to be checked against its current
     * words; or empty when they are more than {@link #MAX_CANDIDATES}.
     */
    java.util.Optional<Set<String>> candidates(Connection c, String workspaceId, Set<String> words) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        // One word at a time: with "term IN (…)" H2 walks the workspace's whole index range.
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(conversation_count), 0) FROM search_postings"
                + " WHERE workspace_id = ? AND term = ?")) {
            for (String w : words) {
                ps.setString(1, workspaceId);
                ps.setString(2, w);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(w, rs.getLong(1));
                }
            }
        }
        List<String> rarestFirst = new ArrayList<>(words);
        rarestFirst.sort(java.util.Comparator.comparing(w -> counts.getOrDefault(w, 0L)));
        long rarest = counts.getOrDefault(rarestFirst.get(0), 0L);
        if (rarest > MAX_CANDIDATES && (rarestFirst.size() < 2 || counts.get(rarestFirst.get(1)) > MAX_READ)) {
            return java.util.Optional.empty(); // nothing to intersect with: too many candidates either way
        }
        Set<String> ids = null;
        for (String w : rarestFirst) {
            long n = counts.getOrDefault(w, 0L);
            if (n > MAX_READ || (ids != null && ids.isEmpty())) {
                break;
            }
            Set<String> listed = listed(c, workspaceId, w);
            if (ids == null) {
                ids = listed;
            } else {
                ids.retainAll(listed);
            }
        }
        if (ids == null || ids.size() > MAX_CANDIDATES) {
            return java.util.Optional.empty(); // every word is common: walking the newest conversations is faster
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT conversation_id FROM search_pending WHERE workspace_id = ?")) {
            ps.setString(1, workspaceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids.size() > MAX_CANDIDATES ? java.util.Optional.empty() : java.util.Optional.of(ids);
    }

    /** The indexed conversations listed under {@code word}. */
    private static Set<String> listed(Connection c, String workspaceId, String word) throws SQLException {
        Map<Long, java.util.BitSet> byBatch = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT batch, members FROM search_postings WHERE workspace_id = ? AND term = ?")) {
            ps.setString(1, workspaceId);
            ps.setString(2, word);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byBatch.put(rs.getLong(1), java.util.BitSet.valueOf(HEX.parseHex(rs.getString(2))));
                }
            }
        }
        Set<String> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT conversation_ids FROM search_batches WHERE batch = ?")) {
            for (Map.Entry<Long, java.util.BitSet> e : byBatch.entrySet()) {
                ps.setLong(1, e.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    String list = rs.getString(1);
                    java.util.BitSet members = e.getValue();
                    int position = 0;
                    for (int from = 1, to; from < list.length(); from = to + 1, position++) {
                        to = list.indexOf(' ', from);
                        if (members.get(position)) {
                            ids.add(list.substring(from, to));
                        }
                    }
                }
            }
        }
        return ids;
    }
}
