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
                || host(uri).isEmpty()) {
            throw HarmonyException.invalidUrl();
        }
        if (port(uri) > 65535) {
            throw HarmonyException.invalidUrl();
        }
        return uri;
    }

    /**
     * The URL's host, also where {@link URI#getHost()} gives up: java.net.URI reads hosts such as
     * {@code 0x7f.1}, {@code 127.1} or {@code 127.0.0.1.} as a "registry" authority, but browsers and
     * resolvers read them as addresses, so they must reach the address checks rather than be called
     * malformed. Empty when the URL has no usable host.
     */
    public static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = registryAuthority(uri);
        if (authority == null) {
            return "";
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    /** The URL's explicit port, or -1; like {@link #host(URI)} it also reads registry authorities. */
    public static int port(URI uri) {
        if (uri.getHost() != null) {
            return uri.getPort();
        }
        String authority = registryAuthority(uri);
        int colon = authority == null ? -1 : authority.lastIndexOf(':');
        if (colon < 0 || colon == authority.length() - 1) {
            return -1;
        }
        String digits = authority.substring(colon + 1);
        return digits.length() <= 5 && digits.chars().allMatch(Character::isDigit) ? Integer.parseInt(digits) : Integer.MAX_VALUE;
    }

    /** A registry authority that looks like {@code host[:port]} of letters, digits, '.', '-', '_'; else null. */
    private static String registryAuthority(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null || !authority.matches("[A-Za-z0-9._-]+(:[0-9]*)?")) {
            return null;
        }
        return authority;
    }

    private UrlRules() {
    }
}
