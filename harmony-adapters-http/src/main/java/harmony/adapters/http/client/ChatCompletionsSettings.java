package harmony.adapters.http.client;

import java.net.URI;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Where an OpenAI-compatible chat-completions server is and how to call it: Ollama
 * ({@code http://localhost:11434/v1}), vLLM ({@code http://host:8000/v1}), llama.cpp's server
 * ({@code http://host:8080/v1}) or a hosted one.
 *
 * @param baseUrl        the API root, ending before {@code /chat/completions}
 * @param model          the model name the server knows
 * @param apiKey         sent as a bearer token; null or blank for none (local servers)
 * @param connectTimeout to open a connection
 * @param requestTimeout one whole completion; local models on CPUs are slow
 * @param maxTokens      the answer's token budget; 0 leaves it to the server
 * @param maxInputWords  how much transcript one request may carry; keep it well inside the model's
 *                       context window (Ollama's default window is small: raise it on the model)
 */
public record ChatCompletionsSettings(URI baseUrl, String model, String apiKey, Duration connectTimeout,
                                      Duration requestTimeout, int maxTokens, int maxInputWords) {

    public ChatCompletionsSettings {
        requireNonNull(baseUrl, "baseUrl");
        requireNonNull(model, "model");
        if (maxInputWords < 1) {
            throw new IllegalArgumentException("maxInputWords must be positive");
        }
    }

    /** Ten seconds to connect, five minutes to answer, no token cap, 6,000 words a request. */
    public static ChatCompletionsSettings of(URI baseUrl, String model, String apiKey) {
        return new ChatCompletionsSettings(baseUrl, model, apiKey, Duration.ofSeconds(10), Duration.ofMinutes(5), 0, 6_000);
    }

    public ChatCompletionsSettings withTimeouts(Duration connect, Duration request) {
        return new ChatCompletionsSettings(baseUrl, model, apiKey, connect, request, maxTokens, maxInputWords);
    }

    public ChatCompletionsSettings withLimits(int answerTokens, int inputWords) {
        return new ChatCompletionsSettings(baseUrl, model, apiKey, connectTimeout, requestTimeout, answerTokens, inputWords);
    }

    URI completionsUrl() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }

    @Override
    public String toString() {
        return "ChatCompletionsSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", maxTokens=" + maxTokens
                + ", maxInputWords=" + maxInputWords + "]";
    }
}
