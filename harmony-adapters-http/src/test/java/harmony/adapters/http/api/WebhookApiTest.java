package harmony.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import harmony.adapters.http.client.StandardWebhookSignature;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks end to end: subscribe, process a conversation, receive a signed delivery, read the log. */
class WebhookApiTest {
    static ApiHarness api;
    static HttpServer receiver;
    static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    static final AtomicInteger failuresLeft = new AtomicInteger(1);

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (failuresLeft.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                received.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        "signature", exchange.getRequestHeaders().getFirst("webhook-signature"), "body", body));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
        api = new ApiHarness();
        api.harmony.startWorkers();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        receiver.stop(0);
    }

    @Test
    void aCompletedConversationIsDeliveredSignedAfterARetryAndLogged() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        ApiHarness.Response created = api.postJson("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"conversation.completed\"]}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String secret = created.json().get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        String hookId = created.json().get("id").asText();
        assertThat(api.get("/v1/webhooks").json().get("items").findValuesAsText("secret")).isEmpty();

        String id = api.postJson("/v1/conversations", "{\"contact\":\"" + Fixtures.DANA
                + "\",\"customFields\":{\"projectCode\":\"P-1\"},\"transcript\":\"Dana: hello\\nAda: hi\"}").json().get("id").asText();
        for (int i = 0; i < 200 && received.isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(received).hasSize(1);
        Map<String, String> delivery = received.get(0);
        JsonNode body = api.json(delivery.get("body"));
        assertThat(body.get("type").asText()).isEqualTo("conversation.completed");
        assertThat(body.at("/data/id").asText()).isEqualTo(id);
        assertThat(body.at("/data/status").asText()).isEqualTo("completed");
        String expected = StandardWebhookSignature.sign(secret, delivery.get("id"), Long.parseLong(delivery.get("timestamp")),
                delivery.get("body").getBytes(StandardCharsets.UTF_8));
        assertThat(delivery.get("signature")).isEqualTo(expected);

        JsonNode log = api.get("/v1/webhooks/" + hookId + "/deliveries").json().get("items");
        for (int i = 0; i < 50 && (log.isEmpty() || !log.get(0).get("delivered").asBoolean()); i++) {
            Thread.sleep(50);
            log = api.get("/v1/webhooks/" + hookId + "/deliveries").json().get("items");
        }
        assertThat(log.get(0).get("delivered").asBoolean()).isTrue();
        assertThat(log.get(0).get("attempts").asInt()).isEqualTo(2);
        assertThat(log.get(0).get("event").asText()).isEqualTo("conversation.completed");
    }

    @Test
    void privateAddressesAndUnknownEventsAreRefused() throws Exception {
        ApiHarness.Response privateUrl = api.postJson("/v1/webhooks", "{\"url\":\"http://10.1.2.3/hook\",\"events\":[\"conversation.failed\"]}");
        assertThat(privateUrl.status()).isEqualTo(422);
        assertThat(privateUrl.json().get("detail").asText()).isEqualTo("The provided URL is not publicly accessible.");
        ApiHarness.Response metadata = api.postJson("/v1/webhooks", "{\"url\":\"http://169.254.169.254/latest\",\"events\":[\"conversation.failed\"]}");
        assertThat(metadata.status()).isEqualTo(422);
        ApiHarness.Response bad = api.postJson("/v1/webhooks", "{\"url\":\"nope\",\"events\":[\"conversation.failed\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).isEqualTo("Invalid URL format.");
        ApiHarness.Response events = api.postJson("/v1/webhooks", "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"everything\"]}");
        assertThat(events.status()).isEqualTo(422);
        assertThat(events.json().get("errors").findValuesAsText("field")).containsExactly("events");
    }

    @Test
    void anotherWorkspaceCannotSeeOrDeleteAWebhook() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        String hookId = api.postJson("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"conversation.failed\"]}").json().get("id").asText();
        ApiHarness.Response r = api.send(HttpRequest.newBuilder(api.uri("/v1/webhooks/" + hookId)).header("Authorization", "Bearer " + api.hankKey)
                .DELETE().build());
        assertThat(r.status()).isEqualTo(404);
        assertThat(api.send(api.request("/v1/webhooks/" + hookId).DELETE().build()).status()).isEqualTo(204);
    }
}
