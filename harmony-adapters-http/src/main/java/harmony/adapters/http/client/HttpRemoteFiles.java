package harmony.adapters.http.client;

import harmony.core.error.HarmonyException;
import harmony.core.ingest.SizeLimitedInputStream;
import harmony.core.ingest.UrlRules;
import harmony.core.port.out.RemoteFiles;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link RemoteFiles} on Jetty's HTTP client, behind a {@link PublicAddressGuard}: every hop of a
 * redirect chain is validated as a URL, resolved and checked again, and connected to only at the
 * checked address. A file counts as publicly accessible when it answers 2xx without credentials
 * and is not a web page.
 *
 * <p>{@link #open} fails with {@link HarmonyException} for what will not change on a retry (the
 * product's "not publicly accessible" message, or the size limit) and with {@link IOException} for
 * what may (timeouts, refused connections, 5xx, 429).
 */
public final class HttpRemoteFiles implements RemoteFiles, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRemoteFiles.class);

    private final RemoteFilesSettings settings;
    private final HttpClient client;

    public HttpRemoteFiles(PublicAddressGuard guard, RemoteFilesSettings settings) {
        this(guard, settings, null);
    }

    /** For private deployments whose media servers carry certificates of an internal CA: {@code trust} trusts it. */
    public HttpRemoteFiles(PublicAddressGuard guard, RemoteFilesSettings settings, SSLContext trust) {
        this.settings = settings;
        this.client = OutboundHttp.guarded("harmony-remote-files", guard, settings.connectTimeout(), settings.idleTimeout(), trust);
    }

    @Override
    public boolean isPubliclyAccessible(URI url) {
        long deadline = System.nanoTime() + settings.checkTimeout().toNanos();
        try {
            try (Exchange head = follow(url, HttpMethod.HEAD, false, deadline)) {
                if (head.isSuccess()) {
                    return head.isImportable();
                }
            }
            // Some servers refuse HEAD (405, 501) and URLs signed for GET refuse it with 403: ask for one byte.
            try (Exchange get = follow(url, HttpMethod.GET, true, deadline)) {
                return get.isSuccess() && get.isImportable();
            }
        } catch (NotAccessible | IOException e) {
            LOG.debug("{} is not publicly accessible: {}", url, e.toString());
            return false;
        }
    }

    @Override
    public Download open(URI url) throws IOException {
        long deadline = System.nanoTime() + settings.downloadTimeout().toNanos();
        Exchange exchange;
        try {
            exchange = follow(url, HttpMethod.GET, false, deadline);
        } catch (NotAccessible e) {
            LOG.info("download of {} refused: {}", url, e.getMessage());
            throw HarmonyException.urlNotAccessible();
        }
        try {
            int status = exchange.status();
            if (status == 429 || status >= 500) {
                throw new IOException(exchange.url + " answered " + status);
            }
            if (!exchange.isSuccess() || !exchange.isImportable()) {
                LOG.info("download of {} refused: status {}, type {}", url, status, exchange.contentType());
                throw HarmonyException.urlNotAccessible();
            }
            long declared = exchange.response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (declared > settings.maxBytes()) {
                throw HarmonyException.tooLarge(settings.maxBytes());
            }
            SizeLimitedInputStream content = new SizeLimitedInputStream(exchange.listener.getInputStream(), settings.maxBytes());
            return new Download(content, declared, Filenames.of(exchange.response.getHeaders().get(HttpHeader.CONTENT_DISPOSITION), exchange.url));
        } catch (RuntimeException | IOException e) {
            exchange.close();
            throw e;
        }
    }

    /** Sends the request and follows up to {@code maxRedirects} redirects, re-validating each target. */
    private Exchange follow(URI start, HttpMethod method, boolean firstByteOnly, long deadline) throws IOException, NotAccessible {
        URI url = start;
        for (int hop = 0; ; hop++) {
            Exchange exchange = send(url, method, firstByteOnly, deadline);
            if (!exchange.isRedirect()) {
                return exchange;
            }
            String location = exchange.response.getHeaders().get(HttpHeader.LOCATION);
            exchange.close();
            if (location == null || hop == settings.maxRedirects()) {
                throw new NotAccessible(location == null ? "redirect without a location" : "too many redirects");
            }
            url = nextHop(url, location);
        }
    }

    private static URI nextHop(URI from, String location) throws NotAccessible {
        try {
            return UrlRules.parse(from.resolve(location.trim()).toString());
        } catch (IllegalArgumentException | HarmonyException e) {
            throw new NotAccessible("redirect to an unusable URL: " + location);
        }
    }

    private Exchange send(URI url, HttpMethod method, boolean firstByteOnly, long deadline) throws IOException, NotAccessible {
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMs <= 0) {
            throw new SocketTimeoutException("time is up before " + url);
        }
        URI target;
        try {
            target = RequestTargets.of(url);
        } catch (ForbiddenAddressException e) {
            throw new NotAccessible(e.getMessage());
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        Request request = client.newRequest(target)
                .method(method)
                .timeout(remainingMs, TimeUnit.MILLISECONDS)
                .idleTimeout(settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> {
                    h.put(HttpHeader.ACCEPT, MediaContentTypes.ACCEPT);
                    if (firstByteOnly) {
                        h.put(HttpHeader.RANGE, "bytes=0-0");
                    }
                });
        request.send(listener);
        try {
            return new Exchange(url, listener.get(remainingMs, TimeUnit.MILLISECONDS), listener);
        } catch (ExecutionException e) {
            throw failure(url, e.getCause());
        } catch (TimeoutException e) {
            request.abort(e);
            throw new SocketTimeoutException("no answer from " + url + " in time");
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + url);
        }
    }

    private static IOException failure(URI url, Throwable cause) throws NotAccessible {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ForbiddenAddressException forbidden) {
                throw new NotAccessible(forbidden.getMessage());
            }
            if (t instanceof TimeoutException) {
                return new SocketTimeoutException("no answer from " + url + " in time");
            }
        }
        return cause instanceof IOException io ? io : new IOException("fetching " + url + " failed", cause);
    }

    @Override
    public void close() {
        OutboundHttp.stop(client);
    }

    /** Why a URL will never be downloadable as it is: a refused address, a bad redirect. */
    private static final class NotAccessible extends Exception {
        NotAccessible(String message) {
            super(message, null, false, false);
        }
    }

    /** One response whose headers have arrived; its body is still on the wire. */
    private record Exchange(URI url, Response response, InputStreamResponseListener listener) implements AutoCloseable {

        int status() {
            return response.getStatus();
        }

        boolean isSuccess() {
            return status() >= 200 && status() < 300;
        }

        boolean isRedirect() {
            return switch (status()) {
                case 301, 302, 303, 307, 308 -> true;
                default -> false;
            };
        }

        String contentType() {
            return response.getHeaders().get(HttpHeader.CONTENT_TYPE);
        }

        boolean isImportable() {
            return MediaContentTypes.isImportable(contentType());
        }

        /** Drops the rest of the body, if any, and the connection with it. */
        @Override
        public void close() {
            response.abort(new CancellationException("body not needed"));
            try {
                listener.close();
            } catch (IOException e) {
                LOG.debug("closing the response of {} failed", url, e);
            }
        }
    }

    /** The download's name: the server's Content-Disposition, else the last path segment. */
    static final class Filenames {
        static final String FALLBACK = "download";

        static String of(String contentDisposition, URI url) {
            String fromHeader = fromContentDisposition(contentDisposition);
            String name = fromHeader != null ? fromHeader : lastSegment(url);
            String base = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
            return base.isEmpty() || base.equals(".") || base.equals("..") ? FALLBACK : base;
        }

        private static String fromContentDisposition(String header) {
            if (header == null) {
                return null;
            }
            String plain = null;
            for (String part : header.split(";")) {
                String p = part.trim();
                String lower = p.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("filename*=")) {
                    // RFC 6266 / 5987: charset'language'percent-encoded
                    String value = unquote(p.substring(10));
                    int quote = value.indexOf('\'', value.indexOf('\'') + 1);
                    try {
                        return URLDecoder.decode(value.substring(quote + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }
                if (lower.startsWith("filename=")) {
                    plain = unquote(p.substring(9));
                }
            }
            return plain;
        }

        private static String lastSegment(URI url) {
            String path = url.getPath();
            if (path == null || path.isEmpty()) {
                return null;
            }
            return path.substring(path.lastIndexOf('/') + 1);
        }

        private static String unquote(String value) {
            String v = value.trim();
            return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
        }

        private Filenames() {
        }
    }
}
