package harmony.adapters.http.client;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hosts and address blocks an operator trusts although they are private: a media server inside a
 * private deployment, or the loopback server of a test. Empty by default.
 */
public record AllowList(Set<String> hosts, List<AddressRange> ranges) {

    public static final AllowList NONE = new AllowList(Set.of(), List.of());

    public AllowList {
        hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        ranges = List.copyOf(ranges);
    }

    /** Parses a comma- or space-separated setting such as {@code "media.corp.example, 10.20.0.0/16, 127.0.0.1"}. */
    public static AllowList parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        List<String> hosts = new ArrayList<>();
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : Arrays.stream(setting.split("[,\\s]+")).filter(e -> !e.isEmpty()).toList()) {
            String lower = entry.toLowerCase(Locale.ROOT);
            if (lower.contains("/") || IpLiterals.parse(lower).isPresent()) {
                ranges.add(AddressRange.parse(lower));
            } else {
                hosts.add(lower);
            }
        }
        return new AllowList(Set.copyOf(hosts), ranges);
    }

    public boolean allowsHost(String host) {
        return hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    public boolean allowsAddress(InetAddress address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }
}
