package harmony.core.ingest;

import harmony.core.error.HarmonyException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What counts as a URL Harmony may import from: an absolute http or https URL with a host. Whether
 * it is publicly accessible is the {@link harmony.core.port.out.RemoteFiles} adapter's answer.
 */
public final class UrlRules {
    public static final int MAX_LENGTH = 4096;

    /** The parsed URL, or {@code Invalid URL format.} */
    public static URI parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            throw HarmonyException.invalidUrl();
        }
        String trimmed = raw.trim();
        if (trimmed.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw HarmonyException.invalidUrl();
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw HarmonyException.invalidUrl();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw HarmonyException.invalidUrl();
        }
        if (uri.getPort() > 65535) {
            throw HarmonyException.invalidUrl();
        }
        return uri;
    }

    private UrlRules() {
    }
}
