package harmony.adapters.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.intelligence.LanguageModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static harmony.adapters.http.client.LocalServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a local fake that speaks the OpenAI chat-completions protocol as Ollama and vLLM do. */
class ChatCompletionsLanguageModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"summary\":{\"type\":\"string\"}},"
            + "\"required\":[\"summary\"],\"additionalProperties\":false}";

    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private LocalServer server;
    private volatile Function<JsonNode, Reply> model = req -> Reply.content("{\"summary\":\"Dana will send the quote.\"}");

    /** What the fake server answers: a status and a body. */
    record Reply(int status, String body) {
        static Reply content(String content) {
            return choice(content, "stop");
        }

        static Reply choice(String content, String finishReason) {
            ObjectNode root = JSON.createObjectNode();
            root.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "llama3.2");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", finishReason);
            choice.putObject("message").put("role", "assistant").put("content", content);
            return new Reply(200, root.toString());
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = LocalServer.on("127.0.0.1").route("/v1/chat/completions", ex -> {
            JsonNode request = JSON.readTree((String) ex.getAttribute("body"));
            requests.add(request);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "none" : auth);
            Reply reply = model.apply(request);
            respond(ex, reply.status(), "application/json", reply.body().getBytes(StandardCharsets.UTF_8));
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatCompletionsLanguageModel client(String apiKey) {
        return new ChatCompletionsLanguageModel(ChatCompletionsSettings.of(server.url("/v1"), "llama3.2", apiKey)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)));
    }

    @Test
    void asksForSchemaConstrainedJsonAndReturnsIt() throws Exception {
        try (ChatCompletionsLanguageModel client = client(null)) {
            String answer = client.complete("Summarise the call.", "Dana: I'll send the quote.", "conversation_summary", SCHEMA);

            assertThat(JSON.readTree(answer).get("summary").asText()).isEqualTo("Dana will send the quote.");
        }
        JsonNode sent = requests.get(0);
        assertThat(sent.get("model").asText()).isEqualTo("llama3.2");
        assertThat(sent.get("messages")).hasSize(2);
        assertThat(sent.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(sent.at("/messages/0/content").asText()).isEqualTo("Summarise the call.");
        assertThat(sent.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(sent.at("/messages/1/content").asText()).isEqualTo("Dana: I'll send the quote.");
        assertThat(sent.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(sent.at("/response_format/json_schema/name").asText()).isEqualTo("conversation_summary");
        assertThat(sent.at("/response_format/json_schema/schema")).isEqualTo(JSON.readTree(SCHEMA));
        assertThat(sent.get("temperature").asInt()).isZero();
        assertThat(sent.get("stream").asBoolean()).isFalse();
        assertThat(sent.has("max_tokens")).isFalse();
        assertThat(authorizations).containsExactly("none");
    }

    @Test
    void answersTheCorePortsRequestsWithinItsLimits() throws Exception {
        try (ChatCompletionsLanguageModel model = new ChatCompletionsLanguageModel(ChatCompletionsSettings.of(server.url("/v1"),
                "llama3.2", null).withLimits(512, 1500))) {
            LanguageModel port = model;
            String answer = port.complete(new LanguageModel.Request("Summarise.", "Dana: hi", "conversation_summary", SCHEMA));

            assertThat(JSON.readTree(answer).has("summary")).isTrue();
            assertThat(port.maxInputWords()).isEqualTo(1500);
        }
        assertThat(requests.get(0).get("max_tokens").asInt()).isEqualTo(512);
        assertThat(requests.get(0).at("/response_format/json_schema/name").asText()).isEqualTo("conversation_summary");
    }

    @Test
    void sendsTheApiKeyAsABearerToken() throws Exception {
        try (ChatCompletionsLanguageModel client = client("sk-test")) {
            client.complete("i", "x", "s", SCHEMA);
        }
        assertThat(authorizations).containsExactly("Bearer sk-test");
    }

    @Test
    void takesJsonOutOfAMarkdownFence() throws Exception {
        model = req -> Reply.content("```json\n{\"summary\":\"ok\"}\n```");
        try (ChatCompletionsLanguageModel client = client(null)) {
            assertThat(client.complete("i", "x", "s", SCHEMA)).isEqualTo("{\"summary\":\"ok\"}");
        }
    }

    @Test
    void aCutOffAnswerIsAnError() {
        model = req -> Reply.choice("{\"summary\":\"Dana will", "length");
        try (ChatCompletionsLanguageModel client = client(null)) {
            assertThatThrownBy(() -> client.complete("i", "x", "s", SCHEMA))
                    .isInstanceOf(ChatCompletionsException.class).hasMessageContaining("cut off");
        }
    }

    @Test
    void anAnswerThatIsNotJsonIsAnError() {
        model = req -> Reply.content("Sure! Here is the summary: Dana will send the quote.");
        try (ChatCompletionsLanguageModel client = client(null)) {
            assertThatThrownBy(() -> client.complete("i", "x", "s", SCHEMA))
                    .isInstanceOf(ChatCompletionsException.class).hasMessageContaining("not JSON");
        }
    }

    @Test
    void aRefusalIsAnError() {
        model = req -> new Reply(200, "{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                + "\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I can't help with that.\"}}]}");
        try (ChatCompletionsLanguageModel client = client(null)) {
            assertThatThrownBy(() -> client.complete("i", "x", "s", SCHEMA))
                    .isInstanceOf(ChatCompletionsException.class).hasMessageContaining("I can't help with that.");
        }
    }

    @Test
    void aRefusedRequestCarriesTheServersReason() {
        model = req -> new Reply(404, "{\"error\":{\"message\":\"model \\\"llama3.2\\\" not found, try pulling it first\","
                + "\"type\":\"api_error\"}}");
        try (ChatCompletionsLanguageModel client = client(null)) {
            assertThatThrownBy(() -> client.complete("i", "x", "s", SCHEMA))
                    .isInstanceOf(ChatCompletionsException.class).hasMessageContaining("404").hasMessageContaining("not found");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503})
    void overloadedOrBrokenServersAreUnavailable(int status) {
        model = req -> new Reply(status, "{\"error\":\"busy\"}");
        try (ChatCompletionsLanguageModel client = client(null)) {
            assertUnavailable(() -> client.complete("i", "x", "s", SCHEMA));
        }
    }

    @Test
    void aSlowServerTimesOutAsUnavailable() {
        model = req -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.content("{}");
        };
        try (ChatCompletionsLanguageModel client = client(null)) {
            assertUnavailable(() -> client.complete("i", "x", "s", SCHEMA));
        }
    }

    @Test
    void aServerThatIsDownIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (ChatCompletionsLanguageModel client = new ChatCompletionsLanguageModel(
                ChatCompletionsSettings.of(URI.create("http://127.0.0.1:" + closedPort + "/v1/"), "m", null))) {
            assertUnavailable(() -> client.complete("i", "x", "s", SCHEMA));
        }
    }

    @Test
    void aSchemaThatDoesNotParseIsRefusedBeforeSending() {
        try (ChatCompletionsLanguageModel client = client(null)) {
            assertThatThrownBy(() -> client.complete("i", "x", "s", "{not json"))
                    .isInstanceOf(ChatCompletionsException.class);
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void settingsNeverPrintTheKey() {
        assertThat(ChatCompletionsSettings.of(URI.create("https://api.example.com/v1"), "m", "sk-secret").toString())
                .doesNotContain("sk-secret");
    }

    private static void assertUnavailable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HarmonyException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    }
}
