package harmony.adapters.http.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** A CIDR block such as {@code 10.0.0.0/8} or {@code fe80::/10}; a bare address is a block of one. */
public record AddressRange(InetAddress network, int prefixLength) {

    public AddressRange {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + bits);
        }
    }

    /** Parses {@code address[/prefix]}; the address must be a numeric literal (no name lookup happens). */
    public static AddressRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress network = IpLiterals.parse(address.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + cidr));
        int bits = network.getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        return new AddressRange(network, prefix);
    }

    /** Whether the address lies in this block; IPv4 never matches an IPv6 block and vice versa. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] net = network.getAddress();
        if (candidate.length != net.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != net[i]) {
                return false;
            }
        }
        int restBits = prefixLength % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - restBits)) & 0xff;
        return (candidate[fullBytes] & mask) == (net[fullBytes] & mask);
    }

    static InetAddress bytes(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
