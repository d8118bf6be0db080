package harmony.core.ingest;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://example.com/recording.mp3",
            "http://files.example.org:8080/a/b.wav?sig=abc&x=1",
            "  https://example.com/with-spaces-around.mp4  ",
            "HTTPS://EXAMPLE.COM/LOUD.MP3",
            "http://[2001:db8::1]/v.mp4",
    })
    void acceptsAbsoluteHttpUrlsWithAHost(String url) {
        assertThat(UrlRules.host(UrlRules.parse(url))).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0x7f.1/a.mp3", "http://127.1/", "http://127.0.0.1./x", "http://a_b.example:8080/x"})
    void readsHostsThatJavaNetUriCallsRegistryAuthorities(String url) {
        // Browsers read these as hosts (some as addresses): they must reach the address checks, not be "invalid".
        assertThat(UrlRules.host(UrlRules.parse(url))).isNotBlank();
    }

    @org.junit.jupiter.api.Test
    void readsTheHostAndPortOfEitherKindOfAuthority() {
        assertThat(UrlRules.host(UrlRules.parse("http://0x7f.1:8080/a"))).isEqualTo("0x7f.1");
        assertThat(UrlRules.port(UrlRules.parse("http://0x7f.1:8080/a"))).isEqualTo(8080);
        assertThat(UrlRules.host(UrlRules.parse("http://[::1]:81/a"))).isEqualTo("[::1]");
        assertThat(UrlRules.port(UrlRules.parse("https://example.com/a"))).isEqualTo(-1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ", "example.com/recording.mp3", "/relative/path.mp3", "ftp://example.com/a.mp3",
            "file:///etc/passwd", "javascript:alert(1)", "mailto:a@example.com", "https://", "https:///path",
            "http://exa mple.com/a.mp3", "https://example.com/a b.mp3", "http://example.com:99999/a", "not a url at all",
            "data:audio/mp3;base64,AAAA", "http://127.1:99999/", "http://user@:80/",
    })
    void refusesEverythingElseWithTheProductMessage(String url) {
        assertThatThrownBy(() -> UrlRules.parse(url))
                .isInstanceOf(HarmonyException.class)
                .hasMessage("Invalid URL format.")
                .extracting(e -> ((HarmonyException) e).kind()).isEqualTo(ErrorKind.MALFORMED);
    }
}
