package harmony.adapters.http.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The API's routes: method + path template ({@code /v1/conversations/{id}}) → endpoint. */
final class Routes {

    @FunctionalInterface
    interface Endpoint {
        Reply handle(Exchange exchange) throws Exception;
    }

    /** {@code creates}: a POST that makes something, so {@code Idempotency-Key} applies. */
    record Route(String method, String template, boolean authenticated, boolean creates, Endpoint endpoint) {
        Optional<Map<String, String>> match(String path) {
            String[] want = template.split("/");
            String[] got = path.split("/", -1);
            if (want.length != got.length) {
                return Optional.empty();
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < want.length; i++) {
                if (want[i].startsWith("{")) {
                    if (got[i].isEmpty()) {
                        return Optional.empty();
                    }
                    params.put(want[i].substring(1, want[i].length() - 1), java.net.URLDecoder.decode(got[i], java.nio.charset.StandardCharsets.UTF_8));
                } else if (!want[i].equals(got[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }

    /** A route found for a request, or why not: 404 for no path, 405 for a wrong method. */
    record Match(Route route, Map<String, String> params, List<String> allowedMethods) {
    }

    private final List<Route> routes = new ArrayList<>();

    Routes get(String template, Endpoint e) {
        return add(new Route("GET", template, true, false, e));
    }

    Routes post(String template, Endpoint e) {
        return add(new Route("POST", template, true, false, e));
    }

    Routes create(String template, Endpoint e) {
        return add(new Route("POST", template, true, true, e));
    }

    Routes put(String template, Endpoint e) {
        return add(new Route("PUT", template, true, false, e));
    }

    Routes patch(String template, Endpoint e) {
        return add(new Route("PATCH", template, true, false, e));
    }

    Routes delete(String template, Endpoint e) {
        return add(new Route("DELETE", template, true, false, e));
    }

    Routes publicGet(String template, Endpoint e) {
        return add(new Route("GET", template, false, false, e));
    }

    Routes add(Route r) {
        routes.add(r);
        return this;
    }

    List<Route> all() {
        return List.copyOf(routes);
    }

    Match find(String method, String path) {
        List<String> allowed = new ArrayList<>();
        for (Route r : routes) {
            Optional<Map<String, String>> params = r.match(path);
            if (params.isPresent()) {
                if (r.method().equals(method) || ("HEAD".equals(method) && r.method().equals("GET"))) {
                    return new Match(r, params.get(), List.of());
                }
                allowed.add(r.method());
            }
        }
        return new Match(null, Map.of(), allowed);
    }
}
