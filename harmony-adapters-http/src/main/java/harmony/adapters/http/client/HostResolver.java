package harmony.adapters.http.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a host name up; a seam so tests can play DNS (a name that resolves to a private address). */
@FunctionalInterface
public interface HostResolver {

    /** The system resolver. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> lookup(String host) throws UnknownHostException;
}
