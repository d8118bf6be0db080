package harmony.adapters.http.client;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads a URL host as an IP address the way browsers and C resolvers do, so that no spelling of a
 * private address slips through as a "name": IPv4 in one to four parts, each decimal, octal
 * ({@code 0177}) or hex ({@code 0x7f}) — {@code 2130706433}, {@code 0x7f.1}, {@code 127.1} — and
 * bracketed or bare IPv6. Never asks DNS.
 */
final class IpLiterals {

    /** What a host looks like: a name to look up, an address, or neither (refuse it). */
    sealed interface Host permits Name, Address, Malformed {
    }

    record Name(String name) implements Host {
    }

    record Address(InetAddress address) implements Host {
    }

    record Malformed(String host) implements Host {
    }

    /** Classifies a URL host (lower case, brackets and a trailing dot allowed). */
    static Host classify(String rawHost) {
        String host = rawHost.endsWith(".") ? rawHost.substring(0, rawHost.length() - 1) : rawHost;
        if (host.isEmpty() || host.startsWith(".") || host.contains("..")) {
            // The JDK resolves an empty name to this machine; no empty label is a host.
            return new Malformed(rawHost);
        }
        if (host.startsWith("[") || host.indexOf(':') >= 0) {
            return ipv6(host).<Host>map(Address::new).orElse(new Malformed(rawHost));
        }
        String[] parts = host.split("\\.", -1);
        // WHATWG URL: a host whose last label is a number is an IPv4 address or nothing at all.
        if (!looksNumeric(parts[parts.length - 1])) {
            return new Name(host);
        }
        return ipv4(parts).<Host>map(Address::new).orElse(new Malformed(rawHost));
    }

    /** The address a literal spells, if it is one. */
    static Optional<InetAddress> parse(String host) {
        return classify(host) instanceof Address a ? Optional.of(a.address()) : Optional.empty();
    }

    private static Optional<InetAddress> ipv6(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int zone = literal.indexOf('%');
        String digits = zone < 0 ? literal : literal.substring(0, zone);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return Optional.empty();
        }
        try {
            // A literal containing ':' is parsed, never looked up.
            return Optional.of(InetAddress.getByName("[" + digits + "]"));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> ipv4(String[] labels) {
        int count = labels.length;
        if (count > 1 && labels[count - 1].isEmpty()) {
            count--;
        }
        if (count > 4) {
            return Optional.empty();
        }
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            BigInteger n = number(labels[i]);
            if (n == null || n.bitLength() > 32) {
                return Optional.empty();
            }
            numbers[i] = n.longValue();
        }
        for (int i = 0; i < count - 1; i++) {
            if (numbers[i] > 255) {
                return Optional.empty();
            }
        }
        long last = numbers[count - 1];
        if (last >= 1L << (8 * (5 - count))) {
            return Optional.empty();
        }
        long value = last;
        for (int i = 0; i < count - 1; i++) {
            value += numbers[i] << (8 * (3 - i));
        }
        byte[] raw = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        return Optional.of(AddressRange.bytes(raw));
    }

    private static boolean looksNumeric(String label) {
        if (label.isEmpty()) {
            return false;
        }
        if (label.startsWith("0x") || label.startsWith("0X")) {
            return label.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return label.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static BigInteger number(String label) {
        if (label.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = label;
        if (label.startsWith("0x") || label.startsWith("0X")) {
            radix = 16;
            digits = label.substring(2);
        } else if (label.length() > 1 && label.startsWith("0")) {
            radix = 8;
            digits = label.substring(1);
        }
        if (digits.isEmpty()) {
            return BigInteger.ZERO;
        }
        int base = radix;
        return digits.chars().allMatch(c -> Character.digit(c, base) >= 0) ? new BigInteger(digits, radix) : null;
    }

    private IpLiterals() {
    }
}
