package harmony.adapters.http.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides which addresses a URL given by a user may reach: only public unicast ones, unless the
 * operator's {@link AllowList} says otherwise. {@link #resolve} looks the host up once and returns
 * the checked addresses; the caller connects to exactly those, so a second DNS answer (rebinding)
 * never matters. Every spelling of an address is read as an address first (see {@link IpLiterals}),
 * and IPv4 addresses embedded in IPv6 ones (mapped, compatible, NAT64, 6to4, Teredo) are checked too.
 */
public final class PublicAddressGuard {

    /** Special-purpose blocks (IANA registries) that are never the public internet. */
    private static final List<AddressRange> FORBIDDEN = Stream.of(
            "0.0.0.0/8",          // "this network", incl. 0.0.0.0
            "10.0.0.0/8",         // private
            "100.64.0.0/10",      // carrier-grade NAT (also Alibaba's metadata 100.100.100.200)
            "127.0.0.0/8",        // loopback
            "169.254.0.0/16",     // link-local, incl. the cloud metadata 169.254.169.254
            "172.16.0.0/12",      // private
            "192.0.0.0/24",       // IETF protocol assignments (incl. Oracle's metadata 192.0.0.192)
            "192.0.2.0/24",       // documentation
            "192.88.99.0/24",     // 6to4 relay anycast
            "192.168.0.0/16",     // private
            "198.18.0.0/15",      // benchmarking
            "198.51.100.0/24",    // documentation
            "203.0.113.0/24",     // documentation
            "224.0.0.0/4",        // multicast
            "240.0.0.0/4",        // reserved, incl. broadcast 255.255.255.255
            "::/128",             // unspecified
            "::1/128",            // loopback
            "64:ff9b:1::/48",     // local-use NAT64
            "100::/64",           // discard
            "2001:db8::/32",      // documentation
            "fc00::/7",           // unique-local, incl. AWS's metadata fd00:ec2::254
            "fe80::/10",          // link-local
            "fec0::/10",          // site-local (deprecated)
            "ff00::/8"            // multicast
    ).map(AddressRange::parse).toList();

    private static final AddressRange IPV4_COMPATIBLE = AddressRange.parse("::/96");
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");
    private static final AddressRange TEREDO = AddressRange.parse("2001::/32");

    /** Names that mean "this machine" or a cloud metadata service, refused before any lookup. */
    private static final Set<String> FORBIDDEN_NAMES = Set.of("localhost", "metadata", "metadata.google.internal",
            "instance-data", "instance-data.ec2.internal");

    private final AllowList allowList;
    private final HostResolver resolver;

    public PublicAddressGuard(AllowList allowList, HostResolver resolver) {
        this.allowList = allowList;
        this.resolver = resolver;
    }

    /** A guard with no exceptions, on the system resolver. */
    public static PublicAddressGuard strict() {
        return new PublicAddressGuard(AllowList.NONE, HostResolver.SYSTEM);
    }

    /**
     * The addresses to connect to for a URL host, all of them checked. Fails when the host is
     * malformed, unknown, or any of its addresses is forbidden (one bad answer spoils the name).
     */
    public List<InetAddress> resolve(String urlHost) throws ForbiddenAddressException, UnknownHostException {
        String host = urlHost.toLowerCase(Locale.ROOT);
        IpLiterals.Host kind = IpLiterals.classify(host);
        if (kind instanceof IpLiterals.Malformed) {
            throw new ForbiddenAddressException("not a valid host: " + urlHost);
        }
        if (kind instanceof IpLiterals.Address a) {
            checkAllowed(urlHost, a.address());
            return List.of(a.address());
        }
        String name = ((IpLiterals.Name) kind).name();
        if (allowList.allowsHost(name)) {
            return resolver.lookup(name);
        }
        if (FORBIDDEN_NAMES.contains(name) || name.endsWith(".localhost")) {
            throw new ForbiddenAddressException("refused host " + urlHost);
        }
        List<InetAddress> addresses = resolver.lookup(name);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(name);
        }
        for (InetAddress address : addresses) {
            checkAllowed(urlHost, address);
        }
        return addresses;
    }

    /** Whether the address is outside the public internet (ignores the allow-list). */
    public static boolean isForbidden(InetAddress address) {
        if (FORBIDDEN.stream().anyMatch(r -> r.contains(address))) {
            return true;
        }
        return embeddedIpv4(address).map(PublicAddressGuard::isForbidden).orElse(false);
    }

    private void checkAllowed(String host, InetAddress address) throws ForbiddenAddressException {
        if (!allowList.allowsAddress(address) && isForbidden(address)) {
            throw new ForbiddenAddressException("refused " + host + ": " + address.getHostAddress() + " is not public");
        }
    }

    /**
     * The IPv4 address an IPv6 one carries by a transition scheme, which routers may deliver to.
     * (IPv4-mapped addresses need no case: Java hands them over as IPv4 addresses.)
     */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 16) {
            return Optional.empty();
        }
        if (IPV4_COMPATIBLE.contains(address) || NAT64.contains(address)) {
            return Optional.of(AddressRange.bytes(new byte[]{b[12], b[13], b[14], b[15]}));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Optional.of(AddressRange.bytes(new byte[]{b[2], b[3], b[4], b[5]}));
        }
        if (TEREDO.contains(address)) {
            // Teredo stores the client's address with every bit flipped.
            return Optional.of(AddressRange.bytes(new byte[]{(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]}));
        }
        return Optional.empty();
    }
}
