package harmony.adapters.http.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicAddressGuardTest {
    private final List<String> lookups = new ArrayList<>();
    private final Map<String, List<String>> dns = Map.of(
            "public.example", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
            "internal.example", List.of("10.1.2.3"),
            "mixed.example", List.of("93.184.216.34", "192.168.1.1"),
            "metadata-alias.example", List.of("169.254.169.254"),
            "v6-loopback.example", List.of("::1"),
            "media.corp", List.of("10.0.0.5"));
    private final HostResolver fakeDns = host -> {
        lookups.add(host);
        List<String> answers = dns.get(host);
        if (answers == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (String a : answers) {
            addresses.add(InetAddress.getByName(a));
        }
        return addresses;
    };
    private final PublicAddressGuard strict = new PublicAddressGuard(AllowList.NONE, fakeDns);

    @ParameterizedTest
    @ValueSource(strings = {
            // loopback, in every spelling a browser or a C resolver accepts
            "127.0.0.1", "127.0.0.2", "127.1", "127.0.1", "2130706433", "017700000001", "0x7f000001", "0x7f.1",
            "0x7F.0.0.1", "0177.0.0.1", "0177.1", "127.0.0.1.", "[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]",
            "[::ffff:7f00:1]", "[::127.0.0.1]",
            // unspecified
            "0.0.0.0", "0", "0x0", "[::]",
            // private, CGNAT, link-local and cloud metadata
            "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1", "100.64.0.1",
            "100.100.100.200", "169.254.169.254", "169.254.0.1", "[fe80::1]", "[fe80::1%25eth0]", "[fc00::1]",
            "[fd00:ec2::254]", "[::ffff:169.254.169.254]", "[::ffff:10.0.0.1]", "192.0.0.192",
            // multicast, broadcast, reserved, documentation
            "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "[ff02::1]", "192.0.2.1", "[2001:db8::1]",
            // IPv4 carried inside IPv6: NAT64, 6to4, Teredo (client bits flipped)
            "[64:ff9b::7f00:1]", "[64:ff9b::a00:1]", "[2002:7f00:1::]", "[2002:a9fe:a9fe::1]",
            "[2001:0:4136:e378:8000:63bf:80ff:fffe]",
            // names that mean this machine or a metadata service
            "localhost", "LOCALHOST", "localhost.", "app.localhost", "metadata.google.internal", "metadata",
            // not addresses at all
            "", ".", "..", ".example.com", "a..example.com", "999.1.1.1", "1.2.3.4.5", "1.2.3.256", "0x1g.1", "[::zz]", "256.0.0",
    })
    void refusesEveryNonPublicAddressWithoutAskingDns(String host) {
        assertThatThrownBy(() -> strict.resolve(host)).isInstanceOf(ForbiddenAddressException.class);
        assertThat(lookups).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "[2606:4700:4700::1111]",
            "[::ffff:8.8.8.8]", "[64:ff9b::808:808]", "[2002:808:808::1]", "1.1", "0x08.0x08.0x08.0x08"})
    void letsPublicAddressesThroughAsTheAddressTheySpell(String host) throws Exception {
        List<InetAddress> addresses = strict.resolve(host);
        assertThat(addresses).hasSize(1);
        assertThat(PublicAddressGuard.isForbidden(addresses.get(0))).isFalse();
        assertThat(lookups).isEmpty();
    }

    @Test
    void readsEachSpellingAsTheAddressABrowserWouldReach() throws Exception {
        assertThat(IpLiterals.parse("2130706433")).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(IpLiterals.parse("0x7f.1")).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(IpLiterals.parse("0177.0.0.1")).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(IpLiterals.parse("127.1")).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(IpLiterals.parse("10.1.258")).contains(InetAddress.getByName("10.1.1.2"));
        assertThat(IpLiterals.parse("0x08.0x08.0x08.0x08")).contains(InetAddress.getByName("8.8.8.8"));
        assertThat(IpLiterals.parse("example.com")).isEmpty();
        assertThat(IpLiterals.parse("1password.com")).isEmpty();
    }

    @Test
    void returnsEveryAddressOfAPublicName() throws Exception {
        assertThat(strict.resolve("public.example")).extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946");
    }

    @ParameterizedTest
    @ValueSource(strings = {"internal.example", "mixed.example", "metadata-alias.example", "v6-loopback.example"})
    void refusesANameWhenAnyOfItsAddressesIsNotPublic(String host) {
        assertThatThrownBy(() -> strict.resolve(host)).isInstanceOf(ForbiddenAddressException.class);
        assertThat(lookups).containsExactly(host);
    }

    @Test
    void unknownNamesFailAsUnknown() {
        assertThatThrownBy(() -> strict.resolve("nowhere.example")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void theAllowListOpensNamedHostsAndAddressBlocksOnly() throws Exception {
        PublicAddressGuard guard = new PublicAddressGuard(AllowList.parse("media.corp, 10.20.0.0/16 127.0.0.1"), fakeDns);

        assertThat(guard.resolve("media.corp")).extracting(InetAddress::getHostAddress).containsExactly("10.0.0.5");
        assertThat(guard.resolve("10.20.1.1")).extracting(InetAddress::getHostAddress).containsExactly("10.20.1.1");
        assertThat(guard.resolve("127.0.0.1")).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
        assertThat(guard.resolve("2130706433")).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
        assertThatThrownBy(() -> guard.resolve("10.21.0.1")).isInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> guard.resolve("127.0.0.2")).isInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> guard.resolve("internal.example")).isInstanceOf(ForbiddenAddressException.class);
    }

    @Test
    void addressRangesMatchByPrefix() {
        AddressRange cgnat = AddressRange.parse("100.64.0.0/10");
        assertThat(cgnat.contains(IpLiterals.parse("100.127.255.255").orElseThrow())).isTrue();
        assertThat(cgnat.contains(IpLiterals.parse("100.128.0.0").orElseThrow())).isFalse();
        assertThat(cgnat.contains(IpLiterals.parse("[::ffff:6440:1]").orElseThrow())).isTrue();
        assertThat(AddressRange.parse("fe80::/10").contains(IpLiterals.parse("[febf::1]").orElseThrow())).isTrue();
        assertThat(AddressRange.parse("fe80::/10").contains(IpLiterals.parse("[fec0::1]").orElseThrow())).isFalse();
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("example.com/8")).isInstanceOf(IllegalArgumentException.class);
    }
}
