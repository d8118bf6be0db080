package harmony.adapters.http.api;

import harmony.core.error.ErrorKind;
import harmony.core.error.FieldError;
import harmony.core.error.HarmonyException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details: one status per error kind, the user-facing message as {@code detail}. */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    static final String INTERNAL_DETAIL = "Something went wrong on our side. Please try again; if it keeps happening, contact support.";

    static int status(ErrorKind kind) {
        return switch (kind) {
            case MALFORMED -> 400;
            case UNAUTHENTICATED -> 401;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA -> 415;
            case INVALID -> 422;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
            case INSUFFICIENT_STORAGE -> 507;
        };
    }

    /**
     * The one rule for infrastructure that is down (database, object storage, a model server): 503 with the
     * adapter's clear detail and a {@code Retry-After} of this many seconds, the time a restarted dependency
     * typically needs. A full disk (507) gets none: waiting does not free space.
     */
    static final int UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

    /** Headers that belong with a problem of this kind, beyond the problem document itself. */
    static Map<String, String> headers(ErrorKind kind) {
        return kind == ErrorKind.UNAVAILABLE
                ? Map.of("Retry-After", Integer.toString(UNAVAILABLE_RETRY_AFTER_SECONDS))
                : Map.of();
    }

    static Map<String, Object> of(HarmonyException e, String instance) {
        Map<String, Object> body = body(status(e.kind()), e.getMessage(), instance);
        List<FieldError> errors = e.fieldErrors();
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        return body;
    }

    static Map<String, Object> body(int status, String detail, String instance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "urn:harmony:problem:" + slug(status));
        m.put("title", title(status));
        m.put("status", status);
        m.put("detail", detail);
        m.put("instance", instance);
        return m;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Range Not Satisfiable";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            case 507 -> "Insufficient Storage";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }

    private static String slug(int status) {
        return title(status).toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    private Problems() {
    }
}
