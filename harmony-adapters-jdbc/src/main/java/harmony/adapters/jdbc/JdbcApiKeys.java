package harmony.adapters.jdbc;

import harmony.core.domain.ApiKey;
import harmony.core.port.out.ApiKeys;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** API keys: their public id and the hash of their secret, never the secret. */
public final class JdbcApiKeys implements ApiKeys {
    private final Database db;

    JdbcApiKeys(Database db) {
        this.db = db;
    }

    @Override
    public void save(ApiKey key) {
        db.run("Saving an API key", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_keys (id, workspace_id, user_id, name, key_prefix, key_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, key.id());
                ps.setString(2, key.workspaceId());
                ps.setString(3, key.userId());
                ps.setString(4, key.name() == null ? "" : key.name());
                ps.setString(5, ("hmy_" + key.id()).substring(0, Math.min(16, 4 + key.id().length())));
                ps.setString(6, key.secretSha256());
                Sql.setInstant(ps, 7, key.createdAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<ApiKey> find(String keyId) {
        return db.run("Reading an API key", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, workspace_id, user_id, name, key_hash, created_at FROM api_keys WHERE id = ? AND revoked_at IS NULL")) {
                ps.setString(1, keyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ApiKey(rs.getString("id"), rs.getString("workspace_id"), rs.getString("user_id"),
                            rs.getString("name"), rs.getString("key_hash"), Sql.getInstant(rs, "created_at")));
                }
            }
        });
    }
}
