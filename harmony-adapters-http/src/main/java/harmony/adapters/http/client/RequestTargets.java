package harmony.adapters.http.client;

import harmony.core.ingest.UrlRules;

import java.net.Inet6Address;
import java.net.URI;
import java.util.Locale;

/**
 * The URI actually requested: an address spelled unusually ({@code 0x7f.1}, {@code 2130706433})
 * is rewritten to its plain form, so the HTTP client and the guard see the address a browser
 * would reach, and a host java.net.URI cannot represent is refused.
 */
final class RequestTargets {

    static URI of(URI url) throws ForbiddenAddressException {
        String host = UrlRules.host(url);
        IpLiterals.Host kind = IpLiterals.classify(host.toLowerCase(Locale.ROOT));
        if (kind instanceof IpLiterals.Address a) {
            String literal = a.address() instanceof Inet6Address
                    ? "[" + a.address().getHostAddress().replaceFirst("%.*$", "") + "]"
                    : a.address().getHostAddress();
            int port = UrlRules.port(url);
            return URI.create(url.getScheme() + "://" + literal + (port >= 0 ? ":" + port : "")
                    + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        }
        if (kind instanceof IpLiterals.Malformed || url.getHost() == null) {
            throw new ForbiddenAddressException("not a usable host: " + host);
        }
        return url;
    }

    private RequestTargets() {
    }
}
