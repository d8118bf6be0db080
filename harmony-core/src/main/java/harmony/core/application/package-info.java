/**
 * Application services: each implements in-ports by orchestrating domain rules and out-ports.
 * They own atomicity — no conversation without its stored media, no stored media left behind.
 */
package harmony.core.application;
