package harmony.adapters.jdbc;

import harmony.core.domain.Webhook;
import harmony.core.domain.WebhookDelivery;
import harmony.core.port.out.WebhookSubscriptions;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Webhooks and deliveries. A delivery row is unique per webhook and event, so the insert that claims
 * it succeeds in exactly one process.
 */
public final class JdbcWebhookSubscriptions implements WebhookSubscriptions {
    private static final String COLUMNS = "id, workspace_id, url, secret, event_types_json, created_at";

    private final Database db;

    JdbcWebhookSubscriptions(Database db) {
        this.db = db;
    }

    @Override
    public void save(Webhook w) {
        db.inTransaction(() -> db.run("Saving a webhook", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM webhooks WHERE id = ?")) {
                delete.setString(1, w.id());
                delete.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhooks (" + COLUMNS + ", active) VALUES (?, ?, ?, ?, ?, ?, TRUE)")) {
                ps.setString(1, w.id());
                ps.setString(2, w.workspaceId());
                ps.setString(3, w.url().toString());
                ps.setString(4, w.secret());
                ps.setString(5, Json.strings(w.events().stream().sorted().toList()));
                Sql.setInstant(ps, 6, w.createdAt());
                ps.executeUpdate();
            }
            return null;
        }));
    }

    @Override
    public List<Webhook> list(String workspaceId) {
        return db.run("Listing webhooks", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks WHERE workspace_id = ? AND active"
                    + " ORDER BY created_at, id")) {
                ps.setString(1, workspaceId);
                return webhooks(ps);
            }
        });
    }

    @Override
    public Set<String> workspacesWithWebhooks() {
        return db.run("Listing workspaces with webhooks", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT workspace_id FROM webhooks WHERE active");
                 ResultSet rs = ps.executeQuery()) {
                Set<String> ids = new HashSet<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        });
    }

    @Override
    public Optional<Webhook> find(String workspaceId, String webhookId) {
        return db.run("Reading a webhook", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks WHERE workspace_id = ? AND id = ? AND active")) {
                ps.setString(1, workspaceId);
                ps.setString(2, webhookId);
                return webhooks(ps).stream().findFirst();
            }
        });
    }

    @Override
    public boolean delete(String workspaceId, String webhookId) {
        return db.run("Deleting a webhook", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhooks WHERE workspace_id = ? AND id = ?")) {
                ps.setString(1, workspaceId);
                ps.setString(2, webhookId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean claim(Webhook webhook, long eventId, String eventType) {
        try {
            db.run("Claiming a webhook delivery", c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_deliveries (id, webhook_id, workspace_id,"
                        + " event_id, event_type, attempts, status, created_at) VALUES (?, ?, ?, ?, ?, 0, 'sending', ?)")) {
                    ps.setString(1, webhook.id() + ":" + eventId);
                    ps.setString(2, webhook.id());
                    ps.setString(3, webhook.workspaceId());
                    ps.setLong(4, eventId);
                    ps.setString(5, eventType);
                    Sql.setInstant(ps, 6, Instant.now());
                    ps.executeUpdate();
                }
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void record(WebhookDelivery d) {
        db.run("Logging a webhook delivery", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET attempts = ?, status = ?, response_status = ?,"
                    + " error = ?, delivered_at = ?, next_attempt_at = ? WHERE webhook_id = ? AND event_id = ?")) {
                ps.setInt(1, d.attempts());
                ps.setString(2, d.delivered() ? "delivered" : "failed");
                if (d.responseStatus() == null) {
                    ps.setNull(3, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(3, d.responseStatus());
                }
                ps.setString(4, d.error());
                Sql.setInstant(ps, 5, d.delivered() ? d.lastAttemptAt() : null);
                Sql.setInstant(ps, 6, d.lastAttemptAt());
                ps.setString(7, d.webhookId());
                ps.setLong(8, d.eventId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<WebhookDelivery> deliveries(String webhookId, int limit) {
        return db.run("Reading webhook deliveries", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT webhook_id, event_id, event_type, attempts, status, response_status, error,"
                    + " next_attempt_at FROM webhook_deliveries WHERE webhook_id = ? ORDER BY event_id DESC")) {
                ps.setString(1, webhookId);
                ps.setMaxRows(limit);
                List<WebhookDelivery> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Long code = Sql.getLong(rs, "response_status");
                        out.add(new WebhookDelivery(rs.getString("webhook_id"), rs.getLong("event_id"), rs.getString("event_type"),
                                rs.getInt("attempts"), "delivered".equals(rs.getString("status")),
                                code == null ? null : code.intValue(), rs.getString("error"), Sql.getInstant(rs, "next_attempt_at")));
                    }
                }
                return out;
            }
        });
    }

    private static List<Webhook> webhooks(PreparedStatement ps) throws SQLException {
        List<Webhook> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Webhook(rs.getString("id"), rs.getString("workspace_id"), URI.create(rs.getString("url")),
                        new LinkedHashSet<>(Json.strings(rs.getString("event_types_json"))), rs.getString("secret"),
                        Sql.getInstant(rs, "created_at")));
            }
        }
        return out;
    }

}
