package harmony.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import harmony.core.error.UserMessages;
import harmony.core.ingest.UploadLimits;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the web UI from the classpath ({@code /ui/...}) and its configuration: the product's messages
 * and limits straight from core (one place for each rule), and — on a local demo only — an API key so
 * the UI opens signed in.
 */
final class WebUi extends Handler.Abstract {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8", "css", "text/css;charset=utf-8", "js", "text/javascript;charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<String> demoKey;

    /** @param demoKey the key the UI signs in with, or a supplier of null to make users paste one */
    WebUi(Supplier<String> demoKey) {
        this.demoKey = demoKey;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        if (path.equals("/") || path.equals("/ui") || path.equals("/ui/")) {
            response.setStatus(302);
            response.getHeaders().put(HttpHeader.LOCATION, "/ui/index.html#/meetings");
            callback.succeeded();
            return true;
        }
        if (!path.startsWith("/ui/") || path.contains("..")) {
            return false;
        }
        if (path.equals("/ui/config.json")) {
            write(response, callback, "application/json", JSON.writeValueAsBytes(config()));
            return true;
        }
        try (InputStream in = WebUi.class.getResourceAsStream(path)) {
            if (in == null) {
                return false;
            }
            String ext = path.substring(path.lastIndexOf('.') + 1);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            write(response, callback, TYPES.getOrDefault(ext, "application/octet-stream"), in.readAllBytes());
        }
        return true;
    }

    private Map<String, Object> config() {
        Map<String, Object> messages = new LinkedHashMap<>();
        messages.put("notAudioOrVideo", UserMessages.NOT_AUDIO_OR_VIDEO);
        messages.put("mediaTooLarge", UserMessages.MEDIA_TOO_LARGE);
        messages.put("transcriptFileTooLarge", UserMessages.TRANSCRIPT_FILE_TOO_LARGE);
        messages.put("requiredFieldsMissing", UserMessages.REQUIRED_FIELDS_MISSING);
        messages.put("required", UserMessages.REQUIRED);
        messages.put("invalidUrl", UserMessages.INVALID_URL);
        messages.put("urlNotAccessible", UserMessages.URL_NOT_ACCESSIBLE);
        messages.put("urlAccessible", UserMessages.URL_ACCESSIBLE);
        messages.put("recordingUploaded", UserMessages.RECORDING_UPLOADED);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiKey", demoKey.get());
        config.put("messages", messages);
        config.put("limits", Map.of("mediaMaxBytes", UploadLimits.MEDIA_MAX_BYTES,
                "transcriptMaxBytes", UploadLimits.TRANSCRIPT_FILE_MAX_BYTES));
        return config;
    }

    private static void write(Response response, Callback callback, String type, byte[] body) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
