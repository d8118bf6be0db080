package harmony.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.adapters.http.api.ApiHarness.Multipart;
import harmony.adapters.http.api.ApiHarness.Response;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract, end to end through a real Jetty and a real HTTP client. */
class HarmonyApiTest {
    static ApiHarness api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = HarmonyApiTest.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        }
    }

    static Multipart validForm() {
        return new Multipart().field("contact", Fixtures.DANA).field("medium", "call")
                .field("customFields", "{\"projectCode\":\"P-7\",\"region\":\"EMEA\"}").field("tags", "demo,discovery");
    }

    @Test
    void aPartAfterTheFileIsRefusedBeforeAnythingIsStoredOrCreated() throws Exception {
        byte[] mp3 = sample("sample.mp3");
        int objects = api.store.size();
        int conversations = api.conversations.list(harmony.core.port.out.ConversationQuery.all(Fixtures.WS).withLimit(200)).items().size();

        Response twoFiles = api.postMultipart("/v1/conversations/upload", validForm()
                .file("file", "one.mp3", "audio/mpeg", mp3).file("file", "two.mp3", "audio/mpeg", mp3));
        Response lateField = api.postMultipart("/v1/conversations/upload", validForm()
                .file("file", "one.mp3", "audio/mpeg", mp3).field("title", "late"));

        assertThat(twoFiles.status()).isEqualTo(400);
        assertThat(twoFiles.json().get("detail").asText()).isEqualTo("Send one file per upload.");
        assertThat(lateField.status()).isEqualTo(400);
        assertThat(lateField.json().get("detail").asText()).isEqualTo("Send the form fields before the file part.");
        assertThat(api.store.size()).as("stored objects").isEqualTo(objects);
        assertThat(api.conversations.list(harmony.core.port.out.ConversationQuery.all(Fixtures.WS).withLimit(200)).items())
                .hasSize(conversations);
    }

    @Test
    void withoutAValidKeyEverythingIs401() throws Exception {
        Response none = api.send(HttpRequest.newBuilder(api.uri("/v1/me")).GET().build());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        Response wrong = api.send(HttpRequest.newBuilder(api.uri("/v1/conversations")).header("Authorization", "Bearer hmy_x_y").GET().build());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asText()).isEqualTo("The API key is not valid.");
    }

    @Test
    void meAndTheDirectoryForTheForm() throws Exception {
        JsonNode me = api.get("/v1/me").json();
        assertThat(me.at("/user/id").asText()).isEqualTo(Fixtures.ADA);
        assertThat(me.at("/workspace/name").asText()).isEqualTo("Acme");
        assertThat(me.at("/teams/0/name").asText()).isEqualTo("Sales");
        assertThat(api.get("/v1/teams").json().get("items")).hasSize(2);
        assertThat(api.get("/v1/users").json().get("items")).hasSize(3);
        assertThat(api.get("/v1/contacts?q=nata").json().at("/items/0/name").asText()).isEqualTo("Priya Natarajan");
        assertThat(api.get("/v1/custom-fields").json().findValuesAsText("key")).contains("projectCode", "region");
    }

    @Test
    void uploadingARecordingCreatesAQueuedConversation() throws Exception {
        byte[] mp3 = sample("sample.mp3");
        Response r = api.postMultipart("/v1/conversations/upload", validForm().field("title", "Kickoff")
                .file("file", "kickoff.mp3", "audio/mpeg", mp3));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(r.header("Location")).isEqualTo("/v1/conversations/" + c.get("id").asText());
        assertThat(c.get("status").asText()).isEqualTo("queued");
        assertThat(c.get("source").asText()).isEqualTo("file_upload");
        assertThat(c.get("reference").asText()).matches("HMY-[0-9A-Z]{6}");
        assertThat(c.at("/team/name").asText()).isEqualTo("Sales");
        assertThat(c.at("/contact/name").asText()).isEqualTo("Dana Reyes");
        assertThat(c.at("/owner/name").asText()).isEqualTo("Ada Lovelace");
        assertThat(c.at("/recording/mimeType").asText()).isEqualTo("audio/mpeg");
        assertThat(c.at("/recording/sizeBytes").asLong()).isEqualTo(mp3.length);
        assertThat(c.get("tags").toString()).isEqualTo("[\"demo\",\"discovery\"]");
        assertThat(c.at("/customFields/region").asText()).isEqualTo("EMEA");
        assertThat(api.scheduled(c.get("id").asText())).isTrue();

        HttpResponse<byte[]> media = api.http.send(api.request("/v1/conversations/" + c.get("id").asText() + "/recording")
                .header("Range", "bytes=10-19").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(media.statusCode()).isEqualTo(206);
        assertThat(media.body()).isEqualTo(java.util.Arrays.copyOfRange(mp3, 10, 20));
        assertThat(media.headers().firstValue("Content-Range")).contains("bytes 10-19/" + mp3.length);

        Response outside = api.send(api.request("/v1/conversations/" + c.get("id").asText() + "/recording")
                .header("Range", "bytes=" + mp3.length + "-").GET().build());
        assertThat(outside.status()).isEqualTo(416);
        assertThat(outside.header("Content-Range")).isEqualTo("bytes */" + mp3.length);
        assertThat(outside.json().get("detail").asText()).isEqualTo("The requested range is not satisfiable.");
    }

    @Test
    void aDocumentNamedLikeAudioIs415WithTheProductMessageAndCreatesNothing() throws Exception {
        int before = api.store.size();
        Response r = api.postMultipart("/v1/conversations/upload", validForm().file("file", "call.mp3", "audio/mpeg", sample("sample.pdf")));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("detail").asText()).isEqualTo("Please upload an audio or video file.");
        assertThat(r.json().get("status").asInt()).isEqualTo(415);
        assertThat(api.store.size()).isEqualTo(before);
    }

    @Test
    void missingRequiredFieldsAre422WithOneErrorPerField() throws Exception {
        Response r = api.postMultipart("/v1/conversations/upload", new Multipart().file("file", "a.mp3", "audio/mpeg", sample("sample.mp3")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asText()).isEqualTo("Please fill in all required fields.");
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly("contact", "customFields.projectCode");

        Response noFile = api.postMultipart("/v1/conversations/upload", validForm());
        assertThat(noFile.status()).isEqualTo(422);
        assertThat(noFile.json().get("errors").findValuesAsText("field")).containsExactly("file");
    }

    @Test
    void brokenMultipartIs400NeverA5xx() throws Exception {
        byte[] body = validForm().file("file", "a.mp3", "audio/mpeg", sample("sample.mp3")).build();
        byte[] truncated = java.util.Arrays.copyOf(body, body.length - 60);
        Response r = api.send(api.request("/v1/conversations/upload").header("Content-Type", "multipart/form-data; boundary=harmony-test-boundary-7MA4YWxkTrZu0gW")
                .POST(HttpRequest.BodyPublishers.ofByteArray(truncated)).build());
        assertThat(r.status()).isEqualTo(400);

        Response noBoundary = api.send(api.request("/v1/conversations/upload").header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build());
        assertThat(noBoundary.status()).isEqualTo(400);

        Response wrongBoundary = api.send(api.request("/v1/conversations/upload").header("Content-Type", "multipart/form-data; boundary=nope")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(wrongBoundary.status()).isBetween(400, 499);
    }

    @Test
    void jsonBodiesThatCannotBeParsedAre400AndOthersAre415() throws Exception {
        assertThat(api.postJson("/v1/url-checks", "{\"url\": ").status()).isEqualTo(400);
        assertThat(api.postJson("/v1/url-checks", "[1,2]").status()).isEqualTo(400);
        String deep = "{\"url\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(api.postJson("/v1/url-checks", deep).status()).isEqualTo(400);
        Response text = api.send(api.request("/v1/url-checks").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("https://example.com")).build());
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void urlChecksAnswerWithTheDialogsMessages() throws Exception {
        api.publicUrls.add("https://example.com/recording.mp3");
        JsonNode ok = api.postJson("/v1/url-checks", "{\"url\":\"https://example.com/recording.mp3\"}").json();
        assertThat(ok.get("accessible").asBoolean()).isTrue();
        assertThat(ok.get("message").asText()).isEqualTo("URL is accessible and valid for recording.");
        JsonNode no = api.postJson("/v1/url-checks", "{\"url\":\"https://example.com/private.mp3\"}").json();
        assertThat(no.get("message").asText()).isEqualTo("The provided URL is not publicly accessible.");
        JsonNode bad = api.postJson("/v1/url-checks", "{\"url\":\"example.com\"}").json();
        assertThat(bad.get("accessible").asBoolean()).isFalse();
        assertThat(bad.get("message").asText()).isEqualTo("Invalid URL format.");
    }

    @Test
    void importUrlIsCheckedSynchronously() throws Exception {
        String form = "\"contact\":\"" + Fixtures.DANA + "\",\"customFields\":{\"projectCode\":\"P-1\"}";
        Response bad = api.postJson("/v1/conversations/import-url", "{\"url\":\"ftp://x\"," + form + "}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).isEqualTo("Invalid URL format.");
        Response closed = api.postJson("/v1/conversations/import-url", "{\"url\":\"https://intranet.example.com/a.mp3\"," + form + "}");
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.json().get("detail").asText()).isEqualTo("The provided URL is not publicly accessible.");
        api.publicUrls.add("https://cdn.example.com/all-hands.mp4");
        Response ok = api.postJson("/v1/conversations/import-url", "{\"url\":\"https://cdn.example.com/all-hands.mp4\"," + form + "}");
        assertThat(ok.status()).isEqualTo(202);
        assertThat(ok.json().get("source").asText()).isEqualTo("url_import");
        assertThat(ok.json().get("status").asText()).isEqualTo("queued");
        assertThat(ok.header("Location")).startsWith("/v1/conversations/");
    }

    @Test
    void anotherWorkspacesIdsAre404() throws Exception {
        String id = api.postMultipart("/v1/conversations/upload", validForm().file("file", "a.wav", "audio/wav", sample("sample.wav")))
                .json().get("id").asText();
        Response r = api.send(HttpRequest.newBuilder(api.uri("/v1/conversations/" + id))
                .header("Authorization", "Bearer " + api.hankKey).GET().build());
        assertThat(r.status()).isEqualTo(404);
        Response list = api.send(HttpRequest.newBuilder(api.uri("/v1/conversations"))
                .header("Authorization", "Bearer " + api.hankKey).GET().build());
        assertThat(list.json().get("items")).isEmpty();
    }

    @Test
    void organisingAConversation() throws Exception {
        String id = api.postMultipart("/v1/conversations/upload", validForm().file("file", "a.wav", "audio/wav", sample("sample.wav")))
                .json().get("id").asText();
        Response patched = api.send(api.request("/v1/conversations/" + id).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"team\":\"" + Fixtures.SUPPORT + "\",\"tags\":[\"onboarding\"]}")).build());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().at("/team/name").asText()).isEqualTo("Support");
        assertThat(patched.json().get("tags").toString()).isEqualTo("[\"onboarding\"]");

        Response badPatch = api.send(api.request("/v1/conversations/" + id).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"medium\":\"fax\"}")).build());
        assertThat(badPatch.status()).isEqualTo(422);
        assertThat(badPatch.json().get("errors").findValuesAsText("field")).containsExactly("medium");

        assertThat(api.get("/v1/conversations?tag=onboarding").json().get("items").findValuesAsText("id")).contains(id);
        assertThat(api.get("/v1/conversations?status=nonsense").status()).isEqualTo(400);
        assertThat(api.get("/v1/conversations?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/v1/conversations?cursor=not-a-cursor").status()).isEqualTo(400);

        Response deleted = api.send(api.request("/v1/conversations/" + id).DELETE().build());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/v1/conversations/" + id).status()).isEqualTo(404);
        assertThat(api.get("/v1/conversations/" + id + "/recording").status()).isEqualTo(404);
    }

    @Test
    void anIdempotentRetryReturnsTheFirstResultAndADifferentBodyIs409() throws Exception {
        Multipart form = validForm().file("file", "idempotent.mp3", "audio/mpeg", sample("sample.mp3"));
        byte[] body = form.build();
        HttpRequest request = api.request("/v1/conversations/upload").header("Idempotency-Key", "retry-1")
                .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Response first = api.send(request);
        Response second = api.send(request);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        long sameTitle = api.conversations.list(harmony.core.port.out.ConversationQuery.all(Fixtures.WS).withLimit(200)).items().stream()
                .filter(c -> c.recording() != null && "idempotent.mp3".equals(c.recording().filename())).count();
        assertThat(sameTitle).isEqualTo(1);

        Response other = api.send(api.request("/v1/conversations/upload").header("Idempotency-Key", "retry-1")
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(validForm().field("title", "other").file("file", "b.mp3", "audio/mpeg", sample("sample.mp3")).build())).build());
        assertThat(other.status()).isEqualTo(409);
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        assertThat(api.get("/v1/nothing-here").status()).isEqualTo(404);
        Response r = api.send(api.request("/v1/teams").DELETE().build());
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("GET");
    }

    @Test
    void everyAnswerCarriesRateLimitHeaders() throws Exception {
        Response r = api.get("/v1/teams");
        assertThat(List.of(r.header("RateLimit-Limit"), r.header("RateLimit-Remaining"), r.header("RateLimit-Reset")))
                .doesNotContainNull();
    }

    @Test
    void overTheRateLimitIs429WithRetryAfter() throws Exception {
        try (ApiHarness tight = new ApiHarness(ApiSettings.DEFAULTS.withRateLimit(1, 3))) {
            int tooMany = 0;
            String retryAfter = null;
            for (int i = 0; i < 6; i++) {
                Response r = tight.get("/v1/teams");
                if (r.status() == 429) {
                    tooMany++;
                    retryAfter = r.header("Retry-After");
                }
            }
            assertThat(tooMany).isGreaterThanOrEqualTo(2);
            assertThat(Integer.parseInt(retryAfter)).isPositive();
        }
    }

    @Test
    void corsAnswersConfiguredOriginsOnly() throws Exception {
        try (ApiHarness withCors = new ApiHarness(ApiSettings.DEFAULTS.withCorsOrigins(List.of("https://app.example.com")))) {
            Response preflight = withCors.send(HttpRequest.newBuilder(withCors.uri("/v1/conversations"))
                    .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
            Response other = withCors.send(withCors.request("/v1/teams").header("Origin", "https://evil.example").GET().build());
            assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        }
    }
}
