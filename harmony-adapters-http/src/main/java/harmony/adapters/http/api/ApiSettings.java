package harmony.adapters.http.api;

import java.time.Duration;
import java.util.List;

/**
 * How the API behaves at its edge.
 *
 * @param requestsPerSecond token-bucket refill rate per API key
 * @param burst             token-bucket size per API key
 * @param corsOrigins       origins allowed to call from a browser ({@code *} for any)
 * @param maxJsonBytes      the largest JSON body accepted
 * @param sseHeartbeat      how often an idle event stream sends a comment to keep proxies open
 */
public record ApiSettings(double requestsPerSecond, int burst, List<String> corsOrigins, long maxJsonBytes,
                          Duration sseHeartbeat) {
    public static final ApiSettings DEFAULTS = new ApiSettings(10, 20, List.of(), 10L * 1024 * 1024, Duration.ofSeconds(15));

    public ApiSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public ApiSettings withRateLimit(double perSecond, int burstSize) {
        return new ApiSettings(perSecond, burstSize, corsOrigins, maxJsonBytes, sseHeartbeat);
    }

    public ApiSettings withCorsOrigins(List<String> origins) {
        return new ApiSettings(requestsPerSecond, burst, origins, maxJsonBytes, sseHeartbeat);
    }
}
