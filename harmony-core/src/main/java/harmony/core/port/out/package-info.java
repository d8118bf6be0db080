/**
 * Outbound ports: what core needs from the world, named for the need. Adapters implement them;
 * {@code harmony-testkit} holds in-memory implementations and the contract suites every adapter runs.
 */
package harmony.core.port.out;
