/**
 * Errors a client or user can act on, each with a kind an inbound adapter maps to a status, and the
 * product's user-facing messages, kept here once for every adapter and the UI.
 */
package harmony.core.error;
