package harmony.adapters.http.api;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.time.Duration;

/**
 * A standalone Jetty server for the API (and whatever else the host mounts beside it). Slow
 * clients cannot hold threads: idle connections are closed after {@code idleTimeout}.
 */
public final class ApiServer implements AutoCloseable {
    static final int MAX_CONNECTIONS = 2_000;

    private final Server server;
    private final ServerConnector connector;

    public ApiServer(String host, int port, Duration idleTimeout, Handler... handlers) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("harmony-http");
        server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeout.toMillis());
        server.addConnector(connector);
        // Past this many open connections Jetty stops accepting: overload waits in the kernel's backlog
        // instead of exhausting the heap.
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        server.setHandler(new Handler.Sequence(handlers));
        server.setErrorHandler(new ProblemErrorHandler());
    }

    public ApiServer start() throws Exception {
        server.start();
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Jetty's own errors (bad request lines, unmatched paths) as problem documents, never stack traces. */
    static final class ProblemErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 404;
            String detail = status == 404 ? "Nothing here." : "The request could not be processed.";
            try {
                HarmonyApi.writeJson(response, status, Problems.body(status, detail, Request.getPathInContext(request)),
                        callback, status == 400);
            } catch (Exception e) {
                callback.failed(e);
            }
            return true;
        }
    }
}
