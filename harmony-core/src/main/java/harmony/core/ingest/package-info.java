/**
 * The edge of Harmony: everything a client sends is checked here, once, for every entry point —
 * media sniffing and size limits on the stream as it passes to storage, form rules, URL rules.
 */
package harmony.core.ingest;
