package harmony.testkit;

import harmony.core.domain.Webhook;
import harmony.core.domain.WebhookDelivery;
import harmony.core.port.out.WebhookSubscriptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link WebhookSubscriptions} must do. The directory behind it holds {@link Fixtures#seed}. */
public abstract class WebhookSubscriptionsContract {

    protected abstract WebhookSubscriptions newSubscriptions();

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private Webhook hook(String id, String ws) {
        return new Webhook(id, ws, URI.create("https://hooks.example.com/" + id), Set.of(Webhook.COMPLETED, Webhook.FAILED),
                "whsec_c2VjcmV0", now);
    }

    @Test
    void storesListsAndDeletesPerWorkspace() {
        WebhookSubscriptions s = newSubscriptions();
        s.save(hook("h1", Fixtures.WS));
        s.save(hook("h2", Fixtures.OTHER_WS));
        assertThat(s.list(Fixtures.WS)).containsExactly(hook("h1", Fixtures.WS));
        assertThat(s.workspacesWithWebhooks()).containsExactlyInAnyOrder(Fixtures.WS, Fixtures.OTHER_WS);
        assertThat(s.find(Fixtures.OTHER_WS, "h1")).isEmpty();
        assertThat(s.delete(Fixtures.OTHER_WS, "h1")).isFalse();
        assertThat(s.delete(Fixtures.WS, "h1")).isTrue();
        assertThat(s.list(Fixtures.WS)).isEmpty();
    }

    @Test
    void anEventIsClaimedOnceAndItsDeliveryLogged() {
        WebhookSubscriptions s = newSubscriptions();
        Webhook h = hook("h1", Fixtures.WS);
        s.save(h);
        assertThat(s.claim(h, 7, Webhook.COMPLETED)).isTrue();
        assertThat(s.claim(h, 7, Webhook.COMPLETED)).isFalse();
        assertThat(s.claim(h, 8, Webhook.FAILED)).isTrue();
        s.record(new WebhookDelivery("h1", 7, Webhook.COMPLETED, 2, true, 200, null, now));
        s.record(new WebhookDelivery("h1", 8, Webhook.FAILED, 5, false, 503, "HTTP 503", now));
        assertThat(s.deliveries("h1", 10)).containsExactly(
                new WebhookDelivery("h1", 8, Webhook.FAILED, 5, false, 503, "HTTP 503", now),
                new WebhookDelivery("h1", 7, Webhook.COMPLETED, 2, true, 200, null, now));
        assertThat(s.deliveries("h1", 1)).hasSize(1);
    }
}
