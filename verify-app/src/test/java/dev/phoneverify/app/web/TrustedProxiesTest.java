package dev.phoneverify.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which address is the client's, behind the proxies an operator trusts, and only those. */
class TrustedProxiesTest {
    private static final TrustedProxies LOAD_BALANCERS = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7, 2001:db8:1::/48");

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeadersSay() {
        TrustedProxies none = TrustedProxies.parse(" ");

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.clientAddress("10.1.2.3", List.of("for=198.51.100.9"), List.of("198.51.100.9")))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void aHeaderSpoofedByAnUntrustedPeerIsIgnored() {
        assertThat(LOAD_BALANCERS.clientAddress("203.0.113.50", List.of(), List.of("198.51.100.9")))
                .isEqualTo("203.0.113.50");
        assertThat(LOAD_BALANCERS.clientAddress("203.0.113.50", List.of("for=10.0.0.1"), List.of()))
                .isEqualTo("203.0.113.50");
    }

    @Test
    void behindOneTrustedProxyTheForwardedAddressIsTheClient() {
        assertThat(LOAD_BALANCERS.clientAddress("192.0.2.7", List.of(), List.of("198.51.100.9")))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void inAChainTheRightMostAddressThatIsNotATrustedProxyIsTheClient() {
        // The client wrote "1.1.1.1" itself; its own address was appended by the first trusted proxy.
        List<String> xForwardedFor = List.of("1.1.1.1, 198.51.100.9", "10.20.0.4");

        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.2", List.of(), xForwardedFor)).isEqualTo("198.51.100.9");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.2", List.of(), List.of("10.9.9.9, 10.0.0.3")))
                .isEqualTo("10.9.9.9");
    }

    @Test
    void theStandardForwardedHeaderWinsOverXForwardedFor() {
        List<String> forwarded = List.of("for=198.51.100.1;proto=https, For=\"198.51.100.9:4711\";by=10.0.0.1",
                "for=10.0.0.5");

        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.2", forwarded, List.of("203.0.113.1")))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void ipv6PeersProxiesAndClientsAreMatchedAndWrittenInOneCanonicalForm() {
        TrustedProxies proxies = TrustedProxies.parse("2001:db8:1::/48");

        assertThat(proxies.trusts("2001:db8:1:ffff::1")).isTrue();
        assertThat(proxies.trusts("2001:db8:2::1")).isFalse();
        assertThat(proxies.trusts("10.0.0.1")).isFalse();
        assertThat(proxies.clientAddress("2001:db8:1::5", List.of("for=\"[2001:DB8:cafe:0::17]:4711\""), List.of()))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(proxies.clientAddress("2001:db8:1::5", List.of(), List.of("2001:db8:cafe::17, 2001:db8:1::9")))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
    }

    @Test
    void cidrBlocksMatchOnTheirPrefixOnly() {
        TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12, 192.0.2.128/25, 0.0.0.0/0");
        TrustedProxies narrow = TrustedProxies.parse("172.16.0.0/12");

        assertThat(narrow.trusts("172.31.255.255")).isTrue();
        assertThat(narrow.trusts("172.32.0.0")).isFalse();
        assertThat(proxies.trusts("8.8.8.8")).as("/0 trusts every IPv4 address").isTrue();
        assertThat(TrustedProxies.parse("192.0.2.128/25").trusts("192.0.2.127")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-ip", "198.51.100.9, ", "unknown", "_hidden", "300.1.1.1", "198.51.100.9 extra",
            "example.com", "<script>", "1.2.3", "::ffff::1::"})
    void aMalformedHeaderIsIgnoredAndThePeerUsed(String header) {
        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.2", List.of(), List.of(header))).isEqualTo("10.0.0.2");
        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.2", List.of("for=" + header), List.of()))
                .isEqualTo("10.0.0.2");
    }

    @Test
    void aForwardedElementWithoutForIsMalformed() {
        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.2", List.of("proto=https;by=10.0.0.1"), List.of()))
                .isEqualTo("10.0.0.2");
    }

    @Test
    void aHeaderLongerThanAnyRealChainIsIgnored() {
        String chain = String.join(", ", java.util.Collections.nCopies(65, "198.51.100.9"));

        assertThat(LOAD_BALANCERS.clientAddress("10.0.0.2", List.of(), List.of(chain))).isEqualTo("10.0.0.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "2001:db8::/129", "proxy.internal", "10.0.0.0/-1", "10.0.0.0/", "/8"})
    void aMalformedSettingIsRefusedNamingTheEntry(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse("192.0.2.7, " + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(entry);
    }
}
