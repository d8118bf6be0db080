package harmony.adapters.jdbc;

import harmony.core.intelligence.ConversationAnalysis;
import harmony.core.port.out.ConversationAnalyses;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** One JSON document per conversation in {@code stage_results}; saving replaces it in one transaction. */
public final class JdbcConversationAnalyses implements ConversationAnalyses {
    private static final String STAGE = "analysis";

    private final Database db;

    JdbcConversationAnalyses(Database db) {
        this.db = db;
    }

    @Override
    public void save(String conversationId, ConversationAnalysis analysis) {
        String json = analysis.toJson();
        db.inTransaction(() -> db.run("Saving an analysis", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM stage_results WHERE conversation_id = ? AND stage = ?")) {
                delete.setString(1, conversationId);
                delete.setString(2, STAGE);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO stage_results (conversation_id, stage, document_json, updated_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, conversationId);
                insert.setString(2, STAGE);
                insert.setString(3, json);
                Sql.setInstant(insert, 4, Instant.now());
                insert.executeUpdate();
            }
            return null;
        }));
    }

    @Override
    public Optional<ConversationAnalysis> find(String conversationId) {
        return db.run("Reading an analysis", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT document_json FROM stage_results WHERE conversation_id = ? AND stage = ?")) {
                ps.setString(1, conversationId);
                ps.setString(2, STAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(ConversationAnalysis.fromJson(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }
}
