/**
 * Inbound ports: one interface per use case, in the product's words. Hosts, the HTTP adapter and the
 * example app call Harmony only through these; {@code harmony.core.application} implements them.
 */
package harmony.core.port.in;
