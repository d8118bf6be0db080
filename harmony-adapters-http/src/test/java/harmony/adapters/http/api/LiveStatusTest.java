package harmony.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.adapters.http.api.ApiHarness.Multipart;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Processing runs for real (in-memory adapters, a test transcriber) and its statuses stream as SSE. */
class LiveStatusTest {
    static ApiHarness api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        api.harmony.startWorkers();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void aRecordingsStatusesStreamInOrderAndResumeWithLastEventId() throws Exception {
        HttpResponse<InputStream> stream = api.http.send(api.request("/v1/events").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        lines.readLine(); // ": connected" comment

        byte[] mp3;
        try (InputStream in = LiveStatusTest.class.getResourceAsStream("/media/sample.mp3")) {
            mp3 = in.readAllBytes();
        }
        String id = api.postMultipart("/v1/conversations/upload", new Multipart().field("contact", Fixtures.DANA)
                .field("customFields", "{\"projectCode\":\"P-1\"}").file("file", "live.mp3", "audio/mpeg", mp3)).json().get("id").asText();

        List<String> statuses = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("id: ")) {
                        ids.add(Long.parseLong(line.substring(4)));
                    } else if (line.startsWith("data: ")) {
                        JsonNode data = api.json(line.substring(6));
                        if (data.get("id").asText().equals(id)) {
                            statuses.add(data.get("status").asText());
                            if (data.get("status").asText().equals("completed")) {
                                return;
                            }
                        }
                    }
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        reading.get(30, TimeUnit.SECONDS);
        stream.body().close();

        assertThat(statuses.get(0)).isEqualTo("queued");
        assertThat(statuses).contains("transcribing").endsWith("completed");
        assertThat(ids).isSorted();
        JsonNode transcript = api.get("/v1/conversations/" + id + "/transcript").json();
        assertThat(transcript.get("turns")).hasSize(2);

        // Resume after the first event: everything after it comes again, nothing before it.
        HttpResponse<InputStream> resumed = api.http.send(api.request("/v1/conversations/" + id + "/events")
                .header("Last-Event-ID", Long.toString(ids.get(0))).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader again = new BufferedReader(new InputStreamReader(resumed.body(), StandardCharsets.UTF_8));
        List<Long> replayed = new ArrayList<>();
        CompletableFuture.runAsync(() -> {
            try {
                String line;
                while ((line = again.readLine()) != null) {
                    if (line.startsWith("id: ")) {
                        replayed.add(Long.parseLong(line.substring(4)));
                        if (replayed.size() == ids.size() - 1) {
                            return;
                        }
                    }
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }).get(10, TimeUnit.SECONDS);
        resumed.body().close();
        assertThat(replayed).containsExactlyElementsOf(ids.subList(1, ids.size()));
    }

    @Test
    void moreOpenStreamsThanServerThreadsLeaveItFreeToAnswerAndEachStillLive() throws Exception {
        int streams = 250; // the server has 200 threads
        List<CompletableFuture<HttpResponse<InputStream>>> opening = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            opening.add(api.http.sendAsync(api.request("/v1/events").header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (var o : opening) {
                open.add(o.get(30, TimeUnit.SECONDS));
            }
            assertThat(open).allMatch(r -> r.statusCode() == 200);

            long start = System.nanoTime();
            assertThat(api.get("/v1/me").status()).isEqualTo(200);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("ms to answer beside %d streams", streams)
                    .isLessThan(5_000);

            String id = api.postJson("/v1/conversations", "{\"contact\":\"" + Fixtures.DANA + "\",\"customFields\":"
                    + "{\"projectCode\":\"P-1\"},\"transcript\":\"Ada: Many streams.\"}").json().get("id").asText();
            for (HttpResponse<InputStream> r : List.of(open.get(0), open.get(streams - 1))) {
                BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
                CompletableFuture<Boolean> seen = CompletableFuture.supplyAsync(() -> {
                    try {
                        for (String line; (line = lines.readLine()) != null; ) {
                            if (line.startsWith("data: ") && line.contains(id)) {
                                return true;
                            }
                        }
                        return false;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                assertThat(seen.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            for (HttpResponse<InputStream> r : open) {
                r.body().close();
            }
        }
    }

    @Test
    void aFinishedConversationCanBeReprocessedButNotWhileRunning() throws Exception {
        String id = api.postJson("/v1/conversations", "{\"contact\":\"" + Fixtures.DANA
                + "\",\"customFields\":{\"projectCode\":\"P-1\"},\"transcript\":\"Dana: hello\\nAda: hi\"}").json().get("id").asText();
        for (int i = 0; i < 200 && !api.get("/v1/conversations/" + id).json().get("status").asText().equals("completed"); i++) {
            Thread.sleep(50);
        }
        ApiHarness.Response again = api.send(api.request("/v1/conversations/" + id + "/reprocess").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("status").asText()).isEqualTo("queued");
        assertThat(api.send(api.request("/v1/conversations/nope/reprocess").POST(HttpRequest.BodyPublishers.noBody()).build()).status())
                .isEqualTo(404);
    }

    @Test
    void anotherWorkspacesConversationEventsAre404() throws Exception {
        String id = api.postJson("/v1/conversations", "{\"contact\":\"" + Fixtures.DANA
                + "\",\"customFields\":{\"projectCode\":\"P-1\"},\"transcript\":\"hello\"}").json().get("id").asText();
        ApiHarness.Response r = api.send(HttpRequest.newBuilder(api.uri("/v1/conversations/" + id + "/events"))
                .header("Authorization", "Bearer " + api.hankKey).GET().build());
        assertThat(r.status()).isEqualTo(404);
        assertThat(api.send(api.request("/v1/events").header("Last-Event-ID", "abc").GET().build()).status()).isEqualTo(400);
    }

    @Test
    void aProcessedConversationCarriesItsAnalysisAndMatchedNamesFlowIntoIt() throws Exception {
        String id = api.postJson("/v1/conversations", "{\"contact\":\"" + Fixtures.DANA + "\",\"customFields\":{\"projectCode\":\"P-1\"},"
                + "\"occurredAt\":\"2026-11-24T10:00:00Z\",\"transcript\":\"Ada: Thanks for joining. Can you send the signed contract by Friday?\\n"
                + "Dana: Sure, I will send the signed contract by Friday.\\nAda: Great, let us schedule a follow-up next week.\"}")
                .json().get("id").asText();
        JsonNode c = api.get("/v1/conversations/" + id).json();
        for (int i = 0; i < 200 && !c.get("status").asText().equals("completed"); i++) {
            Thread.sleep(50);
            c = api.get("/v1/conversations/" + id).json();
        }
        assertThat(c.get("status").asText()).isEqualTo("completed");
        assertThat(c.at("/summary/text").asText()).isNotBlank();
        assertThat(c.get("actionItems")).isNotEmpty();
        assertThat(c.get("metrics").get("words").asInt()).isPositive();
        JsonNode contractItem = null;
        for (JsonNode item : c.get("actionItems")) {
            if (item.get("text").asText().contains("contract")) {
                contractItem = item;
            }
        }
        assertThat(contractItem).as(c.get("actionItems").toString()).isNotNull();
        assertThat(contractItem.get("dueDate").asText()).isEqualTo("2026-11-27");
        String label = contractItem.get("ownerLabel").asText();

        api.send(api.request("/v1/conversations/" + id + "/speakers/" + label).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"contactId\":\"" + Fixtures.DANA + "\"}")).build());
        JsonNode after = api.get("/v1/conversations/" + id).json();
        boolean renamed = false;
        for (JsonNode item : after.get("actionItems")) {
            if (label.equals(item.get("ownerLabel").asText())) {
                assertThat(item.get("owner").asText()).isEqualTo("Dana Reyes");
                renamed = true;
            }
        }
        assertThat(renamed).isTrue();
        assertThat(after.get("metrics").toString()).contains("Dana Reyes");
    }
}
