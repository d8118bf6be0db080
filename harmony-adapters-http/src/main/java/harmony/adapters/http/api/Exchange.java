package harmony.adapters.http.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.ingest.SizeLimitedInputStream;
import harmony.core.port.in.Actor;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/** One request being answered: its path parameters, query, headers, body and acting user. */
final class Exchange {
    final Request request;
    final Response response;
    /** Completed by the API once the endpoint returns, or by the endpoint itself when it answers {@link Reply#ASYNC}. */
    final Callback callback;
    private final Map<String, String> pathParams;
    private final Fields query;
    private final long maxJsonBytes;
    private InputStream body;
    Actor actor;

    Exchange(Request request, Response response, Callback callback, Map<String, String> pathParams, long maxJsonBytes) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.pathParams = pathParams;
        this.query = Request.extractQueryParameters(request);
        this.maxJsonBytes = maxJsonBytes;
    }

    String path(String name) {
        return pathParams.get(name);
    }

    String query(String name) {
        return query.getValue(name);
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    /** Where a multipart body's parts are digested for an Idempotency-Key, or null. */
    private java.security.MessageDigest multipartDigest;

    void digestMultipartParts(java.security.MessageDigest digest) {
        this.multipartDigest = digest;
    }

    /** A multipart body's reader, taking its parts into the Idempotency-Key's digest when there is one. */
    StreamingMultipart multipart() {
        return new StreamingMultipart(body(), header("Content-Type"), multipartDigest);
    }

    /** The request's {@code Idempotency-Key}, trimmed, or null. */
    String idempotencyKey() {
        String key = header("Idempotency-Key");
        return key == null ? null : key.trim();
    }

    String method() {
        return request.getMethod();
    }

    /** The request body, read once; filters may wrap it (idempotency hashing). */
    InputStream body() {
        if (body == null) {
            body = Content.Source.asInputStream(request);
        }
        return body;
    }

    void wrapBody(java.util.function.UnaryOperator<InputStream> wrapper) {
        body = wrapper.apply(body());
    }

    /** The body as a JSON object; 415 unless JSON, 400 when unparseable, 413 past the size limit. */
    JsonNode jsonObject() throws IOException {
        String type = header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HarmonyException(ErrorKind.UNSUPPORTED_MEDIA, "Send the body as application/json.");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(new SizeLimitedInputStream(body(), maxJsonBytes));
        } catch (HarmonyException e) {
            throw new HarmonyException(ErrorKind.TOO_LARGE, "The request body is larger than " + (maxJsonBytes / (1024 * 1024)) + " MB.");
        } catch (JacksonException e) {
            throw new HarmonyException(ErrorKind.MALFORMED, "The request body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new HarmonyException(ErrorKind.MALFORMED, "The request body must be a JSON object.");
        }
        return node;
    }
}
