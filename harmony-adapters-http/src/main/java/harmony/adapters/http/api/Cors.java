package harmony.adapters.http.api;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

import java.util.List;

/** CORS for custom front ends on the configured origins; others get no CORS headers at all. */
final class Cors {
    private final List<String> origins;

    Cors(List<String> origins) {
        this.origins = origins;
    }

    void apply(Request request, Response response) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null || !(origins.contains("*") || origins.contains(origin))) {
            return;
        }
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.getHeaders().put(HttpHeader.VARY, "Origin");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS,
                "Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset");
        if (isPreflight(request)) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, PUT, PATCH, DELETE");
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS,
                    "Authorization, Content-Type, Idempotency-Key, Last-Event-ID, Range");
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
        }
    }

    static boolean isPreflight(Request request) {
        return "OPTIONS".equals(request.getMethod())
                && request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }
}
