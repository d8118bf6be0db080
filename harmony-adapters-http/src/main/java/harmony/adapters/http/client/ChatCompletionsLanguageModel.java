package harmony.adapters.http.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.intelligence.LanguageModel;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link LanguageModel} on the OpenAI-compatible {@code POST /chat/completions} endpoint: asks for JSON
 * matching a schema ({@code response_format: {type: json_schema, …}}, which Ollama, vLLM and
 * llama.cpp's server honour) and returns the answer's JSON text. Deterministic (temperature 0).
 *
 * <p>Fails with {@link HarmonyException} of kind {@link ErrorKind#UNAVAILABLE} when a later try may
 * work (no connection, timeout, 408, 429, 5xx) and with {@link ChatCompletionsException} when the
 * server refused the request or answered something unusable.
 */
public final class ChatCompletionsLanguageModel implements LanguageModel, AutoCloseable {
    static final String UNAVAILABLE = "The language model is unavailable.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatCompletionsSettings settings;
    private final HttpClient client;

    public ChatCompletionsLanguageModel(ChatCompletionsSettings settings) {
        this.settings = settings;
        this.client = OutboundHttp.plain("harmony-language-model", settings.connectTimeout(), settings.requestTimeout());
    }

    @Override
    public String complete(Request request) throws ChatCompletionsException {
        return complete(request.instructions(), request.input(), request.schemaName(), request.jsonSchema());
    }

    @Override
    public int maxInputWords() {
        return settings.maxInputWords();
    }

    /**
     * The model's answer to {@code input} under {@code instructions}, as JSON text that parses.
     *
     * @param schemaName a short name for the schema, as the API requires ({@code conversation_extraction})
     * @param jsonSchema the JSON Schema the answer must match
     */
    public String complete(String instructions, String input, String schemaName, String jsonSchema)
            throws ChatCompletionsException {
        String body = requestBody(instructions, input, schemaName, jsonSchema);
        org.eclipse.jetty.client.Request request = client.newRequest(settings.completionsUrl())
                .method(HttpMethod.POST)
                .timeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> {
                    h.put(HttpHeader.ACCEPT, "application/json");
                    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
                        h.put(HttpHeader.AUTHORIZATION, "Bearer " + settings.apiKey());
                    }
                })
                .body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8));
        ContentResponse response;
        try {
            response = request.send();
        } catch (TimeoutException e) {
            throw unavailable(e);
        } catch (ExecutionException e) {
            throw unavailable(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
        int status = response.getStatus();
        if (status == 408 || status == 429 || status >= 500) {
            throw unavailable(new ChatCompletionsException("model server answered " + status + errorText(response)));
        }
        if (status != 200) {
            throw new ChatCompletionsException("model server answered " + status + errorText(response));
        }
        return answer(response.getContentAsString());
    }

    private String requestBody(String instructions, String input, String schemaName, String jsonSchema)
            throws ChatCompletionsException {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", settings.model());
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", instructions);
        messages.addObject().put("role", "user").put("content", input);
        root.put("temperature", 0);
        root.put("stream", false);
        if (settings.maxTokens() > 0) {
            root.put("max_tokens", settings.maxTokens());
        }
        ObjectNode format = root.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode schema = format.putObject("json_schema");
        schema.put("name", schemaName);
        schema.put("strict", true);
        try {
            schema.set("schema", JSON.readTree(jsonSchema));
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new ChatCompletionsException("the JSON schema does not parse", e);
        }
    }

    /** The first choice's content, checked to be complete JSON. */
    private static String answer(String responseBody) throws ChatCompletionsException {
        JsonNode choice;
        try {
            choice = JSON.readTree(responseBody).path("choices").path(0);
        } catch (JsonProcessingException e) {
            throw new ChatCompletionsException("model server answered something other than JSON", e);
        }
        JsonNode message = choice.path("message");
        if (message.hasNonNull("refusal")) {
            throw new ChatCompletionsException("the model refused: " + message.get("refusal").asText());
        }
        if ("length".equals(choice.path("finish_reason").asText())) {
            throw new ChatCompletionsException("the answer was cut off at the token limit");
        }
        if (!message.path("content").isTextual()) {
            throw new ChatCompletionsException("the answer has no content");
        }
        String content = withoutCodeFence(message.get("content").asText().strip());
        try {
            JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new ChatCompletionsException("the answer is not JSON", e);
        }
        return content;
    }

    /** Some servers wrap JSON in a Markdown fence when they ignore the format; take what is inside. */
    private static String withoutCodeFence(String content) {
        if (!content.startsWith("```") || !content.endsWith("```") || content.length() < 6) {
            return content;
        }
        String inner = content.substring(3, content.length() - 3);
        int newline = inner.indexOf('\n');
        return (newline >= 0 && !inner.substring(0, newline).contains("{") ? inner.substring(newline + 1) : inner).strip();
    }

    private static String errorText(ContentResponse response) {
        try {
            JsonNode error = JSON.readTree(response.getContentAsString()).path("error");
            String message = error.isTextual() ? error.asText() : error.path("message").asText("");
            return message.isEmpty() ? "" : ": " + message;
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private static HarmonyException unavailable(Throwable cause) {
        return new HarmonyException(ErrorKind.UNAVAILABLE, UNAVAILABLE, cause);
    }

    @Override
    public void close() {
        OutboundHttp.stop(client);
    }
}
