/**
 * Outbound HTTP on Jetty's client: fetching user-given URLs ({@link harmony.adapters.http.client.HttpRemoteFiles}),
 * webhook deliveries ({@link harmony.adapters.http.client.WebhookSender}) and an OpenAI-compatible language
 * model ({@link harmony.adapters.http.client.ChatCompletionsLanguageModel}). Everything a user or a subscriber
 * points Harmony at goes through one {@link harmony.adapters.http.client.PublicAddressGuard}, which resolves
 * each host once and lets the client connect only to the public addresses it checked; an
 * {@link harmony.adapters.http.client.AllowList} opens named hosts or address blocks for private deployments.
 */
package harmony.adapters.http.client;
