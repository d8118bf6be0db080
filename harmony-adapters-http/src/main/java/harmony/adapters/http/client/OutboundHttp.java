package harmony.adapters.http.client;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import javax.net.ssl.SSLContext;
import java.time.Duration;

/** Jetty HTTP clients set up the way every outbound adapter here wants them. */
final class OutboundHttp {
    static final String USER_AGENT = "Harmony/0.1";

    /**
     * A client for URLs that users give us: it reaches only what the guard allows, follows no
     * redirect by itself (callers re-check every hop), keeps no cookies, uses no proxy and asks
     * for no compression.
     */
    static HttpClient guarded(String name, PublicAddressGuard guard, Duration connectTimeout, Duration idleTimeout) {
        return guarded(name, guard, connectTimeout, idleTimeout, null);
    }

    /** The same, trusting the certificates {@code trust} trusts (an internal CA) instead of the JDK's. */
    static HttpClient guarded(String name, PublicAddressGuard guard, Duration connectTimeout, Duration idleTimeout,
                              SSLContext trust) {
        HttpClient client = configured(name, connectTimeout, idleTimeout);
        if (trust != null) {
            SslContextFactory.Client tls = new SslContextFactory.Client();
            tls.setSslContext(trust); // host names are still verified: the factory's default is "HTTPS" identification
            client.setSslContextFactory(tls);
        }
        client.setSocketAddressResolver(new GuardedAddressResolver(guard, client.getExecutor()));
        started(client);
        // Bytes as served: a declared length means what it says, and nothing inflates past the size limit.
        // (Jetty installs its decoders while starting, so they go after it.)
        client.getContentDecoderFactories().clear();
        return client;
    }

    /** A client for endpoints the operator configured (a language model server): no address guard. */
    static HttpClient plain(String name, Duration connectTimeout, Duration idleTimeout) {
        return started(configured(name, connectTimeout, idleTimeout));
    }

    private static HttpClient configured(String name, Duration connectTimeout, Duration idleTimeout) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName(name);
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setName(name);
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(idleTimeout.toMillis());
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
        return client;
    }

    private static HttpClient started(HttpClient client) {
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the HTTP client " + client.getName(), e);
        }
        return client;
    }

    static void stop(HttpClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the HTTP client " + client.getName(), e);
        }
    }

    private OutboundHttp() {
    }
}
