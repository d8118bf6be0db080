package harmony.adapters.jdbc;

import harmony.core.domain.Conversation;
import harmony.core.domain.Medium;
import harmony.core.domain.Processing;
import harmony.core.domain.ProcessingStatus;
import harmony.core.domain.Recording;
import harmony.core.domain.Source;
import harmony.core.domain.Transcript;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.ConversationRepository.Claimed;
import harmony.core.port.out.ConversationRepository.IdempotencyClaim;
import harmony.core.port.out.Page;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Conversations with their tags, recording and transcript. A transcript is one row (speakers and
 * turns as JSON); its de-duplicated words are kept on the conversation for search, which both
 * databases answer the same way: every word of the query must be a word of the title or transcript.
 */
public final class JdbcConversationRepository implements ConversationRepository {
    private static final String COLUMNS = "c.id, c.workspace_id, c.reference, c.title, c.source, c.medium, c.team_id,"
            + " c.contact_id, c.owner_id, c.tags_json, c.custom_fields_json, c.status, c.processing_stage,"
            + " c.processing_progress, c.processing_started_at, c.processing_attempts, c.processing_error, c.source_url,"
            + " c.occurred_at, c.created_at, c.updated_at, r.storage_key, r.filename, r.size_bytes, r.mime_type,"
            + " r.duration_ms, r.sha256";
    private static final String SELECT = "SELECT " + COLUMNS
            + " FROM conversations c LEFT JOIN recordings r ON r.conversation_id = c.id";
    private static final String INSERT = "INSERT INTO conversations (id, workspace_id, reference, title, source, medium,"
            + " team_id, contact_id, owner_id, tags_json, custom_fields_json, status, processing_stage, processing_progress,"
            + " processing_started_at, processing_attempts, processing_error, source_url, occurred_at, created_at,"
            + " updated_at, idempotency_key, idempotency_fingerprint, title_words, transcript_words) VALUES (?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE conversations SET workspace_id = ?, reference = ?, title = ?, source = ?,"
            + " medium = ?, team_id = ?, contact_id = ?, owner_id = ?, tags_json = ?, custom_fields_json = ?, status = ?,"
            + " processing_stage = ?, processing_progress = ?, processing_started_at = ?, processing_attempts = ?,"
            + " processing_error = ?, source_url = ?, occurred_at = ?, created_at = ?, updated_at = ?, title_words = ?"
            + " WHERE id = ?";

    /**
     * PostgreSQL's tsvector of two stored word columns: the words are already lexemes (lower-cased,
     * letters and digits only), so no text-search parser runs (see V2__search.sql).
     */
    static String pgVector(String titleWords, String transcriptWords) {
        return "array_to_tsvector(array_remove(string_to_array(" + titleWords + " || " + transcriptWords + ", ' '), ''))";
    }

    private static final String PG_INSERT = INSERT.replace(", transcript_words)", ", transcript_words, search_vector)")
            .replace("?, ?)", "?, ?, " + pgVector("?", "?") + ")")
            + " ON CONFLICT DO NOTHING";
    private static final String PG_UPDATE = UPDATE.replace(" WHERE id = ?", ", search_vector = CASE WHEN title_words = ?"
            + " THEN search_vector ELSE " + pgVector("?", "transcript_words") + " END WHERE id = ?");
    private static final String PG_SAVE_TRANSCRIPT_WORDS = "UPDATE conversations SET transcript_words = ?, search_vector = "
            + pgVector("title_words", "?") + " WHERE id = ?";

    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final boolean postgres;
    /** H2's word index; null on PostgreSQL, which has its GIN index. */
    private final SearchPostings postings;

    JdbcConversationRepository(Database db) {
        this(db, SearchPostings.DEFAULT_BATCH);
    }

    /** {@code searchBatch}: how many re-worded conversations H2 indexes at a time (tests use a few). */
    JdbcConversationRepository(Database db, int searchBatch) {
        this.db = db;
        this.postgres = db.dialect() == Dialect.POSTGRESQL;
        this.postings = postgres ? null : new SearchPostings(db, searchBatch);
        if (postings != null) {
            postings.catchUp(); // e.g. conversations stored before the index existed
        }
    }

    @Override
    public Conversation create(Conversation conversation, Optional<Transcript> transcript, IdempotencyClaim claim) {
        String idempotencyKey = claim == null ? null : claim.key();
        return db.inTransaction(() -> db.run("Creating a conversation", c -> {
            String titleWords = SearchWords.column(conversation.title());
            String transcriptWords = transcript.map(SearchWords::column).orElse(" ");
            try (PreparedStatement ps = c.prepareStatement(postgres ? PG_INSERT : INSERT)) {
                int i = bindConversation(ps, conversation);
                ps.setString(i++, idempotencyKey);
                ps.setString(i++, claim == null ? null : claim.fingerprint());
                ps.setString(i++, titleWords);
                ps.setString(i++, transcriptWords);
                if (postgres) {
                    ps.setString(i++, titleWords);
                    ps.setString(i, transcriptWords);
                }
                Optional<Conversation> holder = insertUnlessKeyUsed(c, ps, conversation.workspaceId(), idempotencyKey);
                if (holder.isPresent()) {
                    return holder.get();
                }
            }
            if (postings != null) {
                postings.touchNew(c, conversation.id(), conversation.workspaceId());
            }
            insertTags(c, conversation);
            insertRecording(c, conversation);
            if (transcript.isPresent()) {
                insertTranscript(c, conversation.id(), transcript.get());
            }
            return conversation;
        }));
    }

    /**
     * Inserts the row, or answers the committed conversation that already holds the key, whether the
     * conflict is on the key's index or, for a twin of the very same conversation (a browser upload
     * completed twice), on the id. PostgreSQL skips the row (ON CONFLICT), which keeps the transaction
     * usable; H2 refuses it with a unique violation, which leaves it usable too. Either waits first for
     * a racing transaction that holds the key to end.
     */
    private static Optional<Conversation> insertUnlessKeyUsed(Connection c, PreparedStatement ps, String workspaceId,
                                                              String idempotencyKey) throws SQLException {
        try {
            if (ps.executeUpdate() > 0) {
                return Optional.empty();
            }
            Optional<Conversation> holder = idempotencyKey == null ? Optional.empty()
                    : findByIdempotencyKey(c, workspaceId, idempotencyKey);
            return Optional.of(holder.orElseThrow(() -> new IllegalStateException("a conversation with this id or reference exists")));
        } catch (SQLException e) {
            if (idempotencyKey != null && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                Optional<Conversation> holder = findByIdempotencyKey(c, workspaceId, idempotencyKey);
                if (holder.isPresent()) {
                    return holder;
                }
            }
            throw e;
        }
    }

    @Override
    public Optional<Claimed> findByIdempotencyKey(String workspaceId, String idempotencyKey) {
        return db.run("Reading a conversation", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, idempotency_fingerprint FROM conversations"
                    + " WHERE workspace_id = ? AND idempotency_key = ?")) {
                ps.setString(1, workspaceId);
                ps.setString(2, idempotencyKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Claimed>empty();
                    }
                    String id = rs.getString(1);
                    IdempotencyClaim claim = new IdempotencyClaim(idempotencyKey, rs.getString(2));
                    return find(workspaceId, id).map(conversation -> new Claimed(conversation, claim));
                }
            }
        });
    }

    private static Optional<Conversation> findByIdempotencyKey(Connection c, String workspaceId, String idempotencyKey)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE c.workspace_id = ? AND c.idempotency_key = ?")) {
            ps.setString(1, workspaceId);
            ps.setString(2, idempotencyKey);
            return first(ps);
        }
    }

    @Override
    public void update(Conversation conversation) {
        db.inTransaction(() -> db.run("Updating a conversation", c -> {
            String titleWords = SearchWords.column(conversation.title());
            if (postings != null) {
                // Status and progress updates are frequent; only a new title changes what search finds.
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE conversations SET title_words = ? WHERE id = ? AND title_words <> ?")) {
                    ps.setString(1, titleWords);
                    ps.setString(2, conversation.id());
                    ps.setString(3, titleWords);
                    if (ps.executeUpdate() > 0) {
                        postings.touch(c, conversation.id());
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(postgres ? PG_UPDATE : UPDATE)) {
                int i = bindConversation(ps, conversation, 1);
                ps.setString(i++, titleWords);
                if (postgres) {
                    ps.setString(i++, titleWords);
                    ps.setString(i++, titleWords);
                }
                ps.setString(i, conversation.id());
                if (ps.executeUpdate() == 0) {
                    throw new IllegalStateException("no conversation " + conversation.id());
                }
            }
            delete(c, "DELETE FROM conversation_tags WHERE conversation_id = ?", conversation.id());
            insertTags(c, conversation);
            delete(c, "DELETE FROM recordings WHERE conversation_id = ?", conversation.id());
            insertRecording(c, conversation);
            return null;
        }));
    }

    /** Binds every conversation column from the first parameter; returns the next index. */
    private static int bindConversation(PreparedStatement ps, Conversation c) throws SQLException {
        ps.setString(1, c.id());
        return bindConversation(ps, c, 2);
    }

    /** Binds the columns after id, starting at {@code i}; returns the next index. */
    private static int bindConversation(PreparedStatement ps, Conversation c, int i) throws SQLException {
        ps.setString(i++, c.workspaceId());
        ps.setString(i++, c.reference());
        ps.setString(i++, c.title());
        ps.setString(i++, c.source().name());
        ps.setString(i++, c.medium().name());
        ps.setString(i++, c.teamId());
        ps.setString(i++, c.contactId());
        ps.setString(i++, c.ownerId());
        ps.setString(i++, Json.strings(c.tags()));
        ps.setString(i++, Json.customFields(c.customFields()));
        ps.setString(i++, c.status().name());
        Processing p = c.processing();
        ps.setString(i++, p.stage());
        ps.setDouble(i++, p.progress());
        Sql.setInstant(ps, i++, p.startedAt());
        ps.setInt(i++, p.attempts());
        ps.setString(i++, p.error());
        ps.setString(i++, c.sourceUrl());
        Sql.setInstant(ps, i++, c.occurredAt());
        Sql.setInstant(ps, i++, c.createdAt());
        Sql.setInstant(ps, i++, c.updatedAt());
        return i;
    }

    private static void insertTags(Connection c, Conversation conversation) throws SQLException {
        if (conversation.tags().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversation_tags (conversation_id, tag) VALUES (?, ?)")) {
            for (String tag : Set.copyOf(conversation.tags())) {
                ps.setString(1, conversation.id());
                ps.setString(2, tag);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertRecording(Connection c, Conversation conversation) throws SQLException {
        Recording r = conversation.recording();
        if (r == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO recordings (conversation_id, storage_key, filename,"
                + " size_bytes, mime_type, duration_ms, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, conversation.id());
            ps.setString(2, r.storageKey());
            ps.setString(3, r.filename());
            ps.setLong(4, r.sizeBytes());
            ps.setString(5, r.mimeType());
            Sql.setLong(ps, 6, r.durationMs());
            ps.setString(7, r.sha256());
            ps.executeUpdate();
        }
    }

    private static void insertTranscript(Connection c, String conversationId, Transcript t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcripts (speakers_json, turns_json, turn_count,"
                + " updated_at, conversation_id) VALUES (?, ?, ?, ?, ?)")) {
            bindTranscript(ps, conversationId, t);
            ps.executeUpdate();
        }
    }

    private static void bindTranscript(PreparedStatement ps, String conversationId, Transcript t) throws SQLException {
        ps.setString(1, Json.speakers(t.speakers()));
        ps.setString(2, Json.turns(t.turns()));
        ps.setInt(3, t.turns().size());
        Sql.setInstant(ps, 4, Instant.now());
        ps.setString(5, conversationId);
    }

    @Override
    public Optional<Conversation> find(String workspaceId, String conversationId) {
        return db.run("Reading a conversation", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE c.id = ? AND c.workspace_id = ?")) {
                ps.setString(1, conversationId);
                ps.setString(2, workspaceId);
                return first(ps);
            }
        });
    }

    @Override
    public Optional<Conversation> findById(String conversationId) {
        return db.run("Reading a conversation", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE c.id = ?")) {
                ps.setString(1, conversationId);
                return first(ps);
            }
        });
    }

    private static Optional<Conversation> first(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(conversation(rs)) : Optional.empty();
        }
    }

    @Override
    public Page<Conversation> list(ConversationQuery q) {
        Set<String> words = SearchWords.of(q.text());
        return db.run("Listing conversations", c -> {
            List<Conversation> items;
            Optional<Set<String>> candidates = postings == null || words.isEmpty() ? Optional.empty()
                    : postings.candidates(c, q.workspaceId(), words);
            items = query(c, q, words, candidates.map(ids -> ids.toArray(String[]::new)).orElse(null));
            if (items.size() <= q.limit()) {
                return new Page<>(items, null);
            }
            Conversation last = items.get(q.limit() - 1);
            return new Page<>(items.subList(0, q.limit()), new PageCursor(last.createdAt(), last.id()).encode());
        });
    }

    /**
     * One page plus one of {@code q}'s conversations, newest first, each matching every word; only
     * among {@code candidates} (looked up by key) unless that is null.
     */
    private List<Conversation> query(Connection c, ConversationQuery q, Set<String> words, String[] candidates)
            throws SQLException {
        PageCursor after = q.cursor() == null ? null : PageCursor.decode(q.cursor());
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE c.workspace_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(q.workspaceId());
        if (candidates != null) {
            sql.append(" AND c.id = ANY(?)");
            args.add(candidates);
        }
        filter(sql, args, "c.status = ?", q.status() == null ? null : q.status().name());
        filter(sql, args, "c.team_id = ?", q.teamId());
        filter(sql, args, "c.owner_id = ?", q.ownerId());
        filter(sql, args, "c.contact_id = ?", q.contactId());
        filter(sql, args, "c.medium = ?", q.medium() == null ? null : q.medium().name());
        filter(sql, args, "EXISTS (SELECT 1 FROM conversation_tags t WHERE t.conversation_id = c.id AND t.tag = ?)", q.tag());
        if (!words.isEmpty()) {
            if (postgres) {
                // Quoted lexemes, matched as they are: the words hold only letters and digits.
                filter(sql, args, "c.search_vector @@ CAST(? AS tsquery)",
                        "'" + String.join("' & '", words) + "'");
            } else {
                for (String w : words) {
                    sql.append(" AND (c.title_words LIKE ? OR c.transcript_words LIKE ?)");
                    args.add("% " + w + " %");
                    args.add("% " + w + " %");
                }
            }
        }
        if (after != null) {
            sql.append(" AND (c.created_at < ? OR (c.created_at = ? AND c.id < ?))");
            args.add(after.createdAt());
            args.add(after.createdAt());
            args.add(after.id());
        }
        // workspace_id leads the ORDER BY so that H2, too, walks conversations_newest_first in order and
        // stops at the page's end instead of sorting every match (PostgreSQL does either way). Not for
        // candidates: H2 would walk that index too instead of looking the few candidates up by key.
        sql.append(candidates == null ? " ORDER BY c.workspace_id, " : " ORDER BY ")
                .append("c.created_at DESC, c.id DESC FETCH FIRST ").append(q.limit() + 1).append(" ROWS ONLY");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof Instant instant) {
                    Sql.setInstant(ps, i + 1, instant);
                } else if (arg instanceof String[] array) {
                    ps.setObject(i + 1, array);
                } else {
                    ps.setString(i + 1, (String) arg);
                }
            }
            List<Conversation> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(conversation(rs));
                }
            }
            return items;
        }
    }

    private static void filter(StringBuilder sql, List<Object> args, String condition, String value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }

    @Override
    public void saveTranscript(String conversationId, Transcript transcript) {
        db.inTransaction(() -> db.run("Saving a transcript", c -> {
            String words = SearchWords.column(transcript);
            try (PreparedStatement ps = c.prepareStatement(postgres ? PG_SAVE_TRANSCRIPT_WORDS
                    : "UPDATE conversations SET transcript_words = ? WHERE id = ?")) {
                int i = 1;
                ps.setString(i++, words);
                if (postgres) {
                    ps.setString(i++, words);
                }
                ps.setString(i, conversationId);
                if (ps.executeUpdate() == 0) {
                    throw new IllegalStateException("no conversation " + conversationId);
                }
            }
            if (postings != null) {
                postings.touch(c, conversationId);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE transcripts SET speakers_json = ?, turns_json = ?,"
                    + " turn_count = ?, updated_at = ? WHERE conversation_id = ?")) {
                bindTranscript(ps, conversationId, transcript);
                if (ps.executeUpdate() == 0) {
                    insertTranscript(c, conversationId, transcript);
                }
            }
            return null;
        }));
    }

    @Override
    public Optional<Transcript> findTranscript(String conversationId) {
        return db.run("Reading a transcript", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT speakers_json, turns_json FROM transcripts WHERE conversation_id = ?")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Transcript(Json.speakers(rs.getString(1)), Json.turns(rs.getString(2))));
                }
            }
        });
    }

    @Override
    public boolean delete(String workspaceId, String conversationId) {
        // Tags, recording row, transcript and stage results go with it (ON DELETE CASCADE); a worker may be
        // writing a stage result of it meanwhile, so a deadlock the database breaks by aborting us is retried.
        return db.runRetryingConflicts("Deleting a conversation", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversations WHERE id = ? AND workspace_id = ?")) {
                ps.setString(1, conversationId);
                ps.setString(2, workspaceId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static void delete(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private static Conversation conversation(ResultSet rs) throws SQLException {
        String storageKey = rs.getString("storage_key");
        Recording recording = storageKey == null ? null : new Recording(storageKey, rs.getString("filename"),
                rs.getLong("size_bytes"), rs.getString("mime_type"), Sql.getLong(rs, "duration_ms"), rs.getString("sha256"));
        return new Conversation.Builder()
                .id(rs.getString("id"))
                .workspaceId(rs.getString("workspace_id"))
                .reference(rs.getString("reference"))
                .title(rs.getString("title"))
                .source(Source.valueOf(rs.getString("source")))
                .medium(Medium.valueOf(rs.getString("medium")))
                .teamId(rs.getString("team_id"))
                .contactId(rs.getString("contact_id"))
                .ownerId(rs.getString("owner_id"))
                .tags(Json.strings(rs.getString("tags_json")))
                .customFields(Json.customFields(rs.getString("custom_fields_json")))
                .status(ProcessingStatus.valueOf(rs.getString("status")))
                .processing(new Processing(rs.getString("processing_stage"), rs.getDouble("processing_progress"),
                        Sql.getInstant(rs, "processing_started_at"), rs.getInt("processing_attempts"),
                        rs.getString("processing_error")))
                .recording(recording)
                .sourceUrl(rs.getString("source_url"))
                .occurredAt(Sql.getInstant(rs, "occurred_at"))
                .createdAt(Sql.getInstant(rs, "created_at"))
                .updatedAt(Sql.getInstant(rs, "updated_at"))
                .build();
    }
}
