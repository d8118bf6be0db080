/**
 * The reference example app: wires Harmony's adapters on embedded defaults (H2, filesystem, bundled
 * speech models) or on PostgreSQL and S3, seeds demo workspaces, and serves the API and the web UI.
 */
package harmony.app;
