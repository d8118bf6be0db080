package harmony.adapters.http.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint answers: a status, an optional JSON body and headers. {@link #WRITTEN} means the
 * endpoint streamed its own response (media); {@link #ASYNC} that it answers later, without a thread,
 * and completes the exchange's callback itself (events).
 */
record Reply(int status, Object body, Map<String, String> headers) {
    static final Reply WRITTEN = new Reply(-1, null, Map.of());
    static final Reply ASYNC = new Reply(-2, null, Map.of());

    static Reply json(int status, Object body) {
        return new Reply(status, body, Map.of());
    }

    static Reply ok(Object body) {
        return json(200, body);
    }

    static Reply noContent() {
        return new Reply(204, null, Map.of());
    }

    Reply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, body, h);
    }
}
