package harmony.adapters.http.client;

import harmony.core.ingest.UploadLimits;

import java.time.Duration;

/**
 * Limits for fetching user-given URLs.
 *
 * @param connectTimeout  to open one connection
 * @param idleTimeout     the longest silence while waiting for headers or bytes
 * @param checkTimeout    the whole accessibility check, redirects included
 * @param downloadTimeout the whole download, redirects and body included
 * @param maxRedirects    redirect hops followed, each one checked again
 * @param maxBytes        bytes read before the download fails as too large
 */
public record RemoteFilesSettings(Duration connectTimeout, Duration idleTimeout, Duration checkTimeout,
                                  Duration downloadTimeout, int maxRedirects, long maxBytes) {

    public static RemoteFilesSettings defaults() {
        return new RemoteFilesSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(15),
                Duration.ofHours(2), 5, UploadLimits.MEDIA_MAX_BYTES);
    }

    public RemoteFilesSettings withTimeouts(Duration connect, Duration idle, Duration check, Duration download) {
        return new RemoteFilesSettings(connect, idle, check, download, maxRedirects, maxBytes);
    }

    public RemoteFilesSettings withMaxBytes(long bytes) {
        return new RemoteFilesSettings(connectTimeout, idleTimeout, checkTimeout, downloadTimeout, maxRedirects, bytes);
    }
}
