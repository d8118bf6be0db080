package harmony.core.error;

/** What kind of mistake or condition an error is; inbound adapters map each to one status. */
public enum ErrorKind {
    /** The request could not be understood (unparseable body, malformed URL): HTTP 400. */
    MALFORMED,
    /** Authentication missing or wrong: HTTP 401. */
    UNAUTHENTICATED,
    /** Not there, or not visible to the caller's workspace: HTTP 404. */
    NOT_FOUND,
    /** Clashes with the current state (idempotency key reuse, illegal transition): HTTP 409. */
    CONFLICT,
    /** Over a size limit: HTTP 413. */
    TOO_LARGE,
    /** Not a media type Harmony accepts: HTTP 415. */
    UNSUPPORTED_MEDIA,
    /** Understood but breaks a rule: HTTP 422. */
    INVALID,
    /** Too many requests: HTTP 429. */
    RATE_LIMITED,
    /** A dependency is down; retrying later may work: HTTP 503. */
    UNAVAILABLE,
    /** Storage has no room left for the data; retrying helps only once space is freed: HTTP 507. */
    INSUFFICIENT_STORAGE
}
