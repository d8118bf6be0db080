package harmony.adapters.http.client;

import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Jetty's name lookup, replaced: the client connects only to addresses the guard has checked in
 * this very lookup, so nothing can answer differently between the check and the connect. The Host
 * header and TLS SNI still carry the URL's name. Jetty asks for every new connection, redirect
 * targets included.
 */
final class GuardedAddressResolver implements SocketAddressResolver {
    private final PublicAddressGuard guard;
    private final Executor executor;

    GuardedAddressResolver(PublicAddressGuard guard, Executor executor) {
        this.guard = guard;
        this.executor = executor;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        // Lookups block; keep them off Jetty's selector threads.
        executor.execute(() -> {
            try {
                List<InetSocketAddress> checked = new ArrayList<>();
                for (InetAddress address : guard.resolve(host)) {
                    // The address keeps the URL's name: TLS verifies the certificate against it, not the IP.
                    checked.add(new InetSocketAddress(InetAddress.getByAddress(host, address.getAddress()), port));
                }
                promise.succeeded(checked);
            } catch (Throwable e) {
                promise.failed(e);
            }
        });
    }
}
