/**
 * Test support for hosts and adapters: in-memory implementations of every out-port (fast, thread-safe,
 * faithful to the contracts) and the contract suites that every real adapter runs.
 */
package harmony.testkit;
