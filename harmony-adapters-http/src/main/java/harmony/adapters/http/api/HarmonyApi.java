package harmony.adapters.http.api;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.in.Actor;
import harmony.core.port.out.IdempotencyRecords;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Public API v1 as a Jetty {@link Handler}: embed it in a host's server or start it with
 * {@link ApiServer}. Every answer is JSON; every error a problem document; nothing a client sends
 * can produce a 5xx or a stack trace.
 */
public final class HarmonyApi extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(HarmonyApi.class);

    /** The served OpenAPI 3.1 document, kept in step with the routes by a test. */
    static final Object OPENAPI = load("/harmony/adapters/http/openapi.json");
    /** Harmony's transcript file format, published by core. */
    static final Object TRANSCRIPT_SCHEMA = load("/harmony/transcript.schema.json");

    private final ApiUseCases useCases;
    private final ApiSettings settings;
    private final Routes routes;
    private final RateLimiter rateLimiter;
    private final IdempotentCreates idempotentCreates;
    private final Cors cors;

    public HarmonyApi(ApiUseCases useCases, IdempotencyRecords idempotency, ApiSettings settings, Clock clock) {
        this.useCases = useCases;
        this.settings = settings;
        this.rateLimiter = new RateLimiter(settings.requestsPerSecond(), settings.burst(), clock);
        this.idempotentCreates = new IdempotentCreates(idempotency, clock);
        this.cors = new Cors(settings.corsOrigins());
        Resources resources = new Resources(useCases.directory());
        this.routes = new Routes();
        new DirectoryEndpoints(useCases).register(routes);
        new ConversationEndpoints(useCases, resources).register(routes);
        new EventStreams(useCases.watch(), settings.sseHeartbeat()).register(routes);
        new UploadEndpoints(useCases.uploadInParts(), resources).register(routes);
        new WebhookEndpoints(useCases.webhooks()).register(routes);
        routes.publicGet("/v1/openapi.json", x -> Reply.ok(OPENAPI));
        routes.publicGet("/v1/transcript.schema.json", x -> Reply.ok(TRANSCRIPT_SCHEMA));
    }

    /** Method and template of every route, for the OpenAPI document's completeness test. */
    public List<String> routeSignatures() {
        return routes.all().stream().map(r -> r.method() + " " + r.template()).toList();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.startsWith("/v1/")) {
            return false;
        }
        try {
            cors.apply(request, response);
            if (Cors.isPreflight(request)) {
                response.setStatus(204);
                response.write(true, null, callback);
                return true;
            }
            Routes.Match match = routes.find(request.getMethod(), path);
            if (match.route() == null) {
                if (match.allowedMethods().isEmpty()) {
                    throw HarmonyException.notFound("Nothing at " + path);
                }
                response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", match.allowedMethods()));
                writeJson(response, 405, Problems.body(405, "Use " + String.join(" or ", match.allowedMethods()) + " here.", path), callback, true);
                return true;
            }
            Exchange exchange = new Exchange(request, response, callback, match.params(), settings.maxJsonBytes());
            if (match.route().authenticated()) {
                exchange.actor = authenticate(request, response);
            }
            Reply reply = match.route().creates() && exchange.header("Idempotency-Key") != null
                    ? idempotentCreates.run(exchange, match.route())
                    : match.route().endpoint().handle(exchange);
            if (reply == Reply.WRITTEN) {
                callback.succeeded();
            } else if (reply != Reply.ASYNC) {
                reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
                writeJson(response, reply.status(), reply.body(), callback, false);
            }
        } catch (HarmonyException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE || e.kind() == ErrorKind.INSUFFICIENT_STORAGE) {
                // The client did nothing wrong; operators need the cause, the client only the clear detail.
                LOG.warn("{} {} answered {}: {}", request.getMethod(), path, Problems.status(e.kind()), describe(e));
            }
            fail(request, response, callback, Problems.status(e.kind()), Problems.of(e, path), e.kind());
        } catch (Throwable t) {
            if (clientWentAway(t)) { // a dropped connection mid-upload: nobody to answer, nothing wrong here
                LOG.info("The client went away during {} {}: {}", request.getMethod(), path, t.toString());
                callback.failed(t);
                return true;
            }
            LOG.error("Unexpected error answering {} {}", request.getMethod(), path, t);
            fail(request, response, callback, 500, Problems.body(500, Problems.INTERNAL_DETAIL, path), null);
        }
        return true;
    }

    /** The exception and its causes on one line, for a log without a stack trace. */
    private static String describe(Throwable t) {
        StringBuilder line = new StringBuilder(t.getMessage());
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            line.append(" <- ").append(c);
        }
        return line.toString();
    }

    private static boolean clientWentAway(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EofException) {
                return true;
            }
        }
        return false;
    }

    private Actor authenticate(Request request, Response response) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String key = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        Optional<Actor> actor = Optional.ofNullable(key).flatMap(useCases.authenticate()::authenticate);
        if (actor.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            throw new HarmonyException(ErrorKind.UNAUTHENTICATED, key == null
                    ? "Send your API key as Authorization: Bearer <key>." : "The API key is not valid.");
        }
        RateLimiter.Decision d = rateLimiter.acquire(key.substring(0, Math.min(key.length(), 32)));
        response.getHeaders().put("RateLimit-Limit", Integer.toString(rateLimiter.limit()));
        response.getHeaders().put("RateLimit-Remaining", Integer.toString(d.remaining()));
        response.getHeaders().put("RateLimit-Reset", Long.toString(d.resetSeconds()));
        if (!d.allowed()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(d.retryAfterSeconds()));
            throw new HarmonyException(ErrorKind.RATE_LIMITED, "Too many requests. Retry after " + d.retryAfterSeconds() + " s.");
        }
        return actor.get();
    }

    private static void fail(Request request, Response response, Callback callback, int status, Map<String, Object> problem,
                             ErrorKind kind) {
        if (response.isCommitted()) {
            callback.failed(new IOException("response already committed"));
            return;
        }
        // An unread request body (a refused upload, or one storage could not take) must not be drained:
        // close the connection instead.
        boolean close = kind == ErrorKind.TOO_LARGE || kind == ErrorKind.UNSUPPORTED_MEDIA || kind == ErrorKind.MALFORMED
                || kind == ErrorKind.UNAVAILABLE || kind == ErrorKind.INSUFFICIENT_STORAGE;
        if (kind != null) {
            Problems.headers(kind).forEach((name, value) -> response.getHeaders().put(name, value));
        }
        try {
            writeJson(response, status, problem, callback, close);
        } catch (IOException e) {
            callback.failed(e);
        }
    }

    static void writeJson(Response response, int status, Object body, Callback callback, boolean closeConnection)
            throws IOException {
        response.setStatus(status);
        if (closeConnection) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (body == null) {
            response.write(true, null, callback);
            return;
        }
        boolean problem = status >= 400;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, (problem ? Problems.CONTENT_TYPE : "application/json") + ";charset=utf-8");
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        response.write(true, java.nio.ByteBuffer.wrap(bytes), callback);
    }

    private static Object load(String resource) {
        try (var in = HarmonyApi.class.getResourceAsStream(resource)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** For endpoints that stream: a blocking output stream completing the response when closed. */
    static OutputStream stream(Response response) {
        return Content.Sink.asOutputStream(response);
    }
}
