package harmony.adapters.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import harmony.core.port.out.IdempotencyRecords;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;

/**
 * First answers to create requests, per workspace and key, kept for a day. The primary key makes
 * {@link #saveIfAbsent} safe across instances: the first insert wins, later ones read it.
 */
public final class JdbcIdempotencyRecords implements IdempotencyRecords {
    static final Duration KEPT_FOR = Duration.ofHours(24);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Database db;

    JdbcIdempotencyRecords(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Entry> find(String workspaceId, String key) {
        return db.run("Reading an idempotency key", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request_hash, response_status, response_json, created_at"
                    + " FROM idempotency_keys WHERE workspace_id = ? AND idempotency_key = ? AND expires_at > ?")) {
                ps.setString(1, workspaceId);
                ps.setString(2, key);
                Sql.setInstant(ps, 3, java.time.Instant.now());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    ObjectNode stored = parse(rs.getString("response_json"));
                    return Optional.of(new Entry(rs.getString("request_hash"), rs.getInt("response_status"),
                            stored.hasNonNull("location") ? stored.get("location").asText() : null,
                            stored.get("body").asText(), Sql.getInstant(rs, "created_at")));
                }
            }
        });
    }

    @Override
    public Entry saveIfAbsent(String workspaceId, String key, Entry entry) {
        try {
            db.run("Saving an idempotency key", c -> {
                ObjectNode stored = MAPPER.createObjectNode();
                stored.put("location", entry.location());
                stored.put("body", entry.body());
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_keys (workspace_id, idempotency_key,"
                        + " request_hash, response_status, response_json, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, workspaceId);
                    ps.setString(2, key);
                    ps.setString(3, entry.requestHash());
                    ps.setInt(4, entry.status());
                    ps.setString(5, stored.toString());
                    Sql.setInstant(ps, 6, entry.createdAt());
                    Sql.setInstant(ps, 7, entry.createdAt().plus(KEPT_FOR));
                    ps.executeUpdate();
                }
                return null;
            });
            return entry;
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            return find(workspaceId, key).orElseThrow(() -> e);
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
