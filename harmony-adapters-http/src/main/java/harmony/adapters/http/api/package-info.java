/**
 * The inbound Public API v1 on Jetty 12 core handlers: routes, auth, rate limits, idempotency,
 * problem responses and streaming multipart. It calls core only through in-ports.
 */
package harmony.adapters.http.api;
