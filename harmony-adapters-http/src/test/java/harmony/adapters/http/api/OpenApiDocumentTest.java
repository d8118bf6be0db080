package harmony.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document and the routes are the same set, in both directions. */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    static ApiHarness api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void isServedWithoutAKeyAsOpenApi31() throws Exception {
        ApiHarness.Response r = api.send(HttpRequest.newBuilder(api.uri("/v1/openapi.json")).GET().build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        JsonNode doc = api.get("/v1/openapi.json").json();
        List<String> documented = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        List<String> routes = new HarmonyApi(api.useCases, new harmony.testkit.InMemoryIdempotencyRecords(),
                ApiSettings.DEFAULTS, java.time.Clock.systemUTC()).routeSignatures();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void everyProductMessageIsInTheDocument() throws Exception {
        String doc = api.get("/v1/openapi.json").raw().body();
        assertThat(doc).contains("Please upload an audio or video file.", "The maximum file size is 2048 MB.",
                "The maximum file size is 10 MB.", "Please fill in all required fields.", "Invalid URL format.",
                "The provided URL is not publicly accessible.", "URL is accessible and valid for recording.");
    }
}
