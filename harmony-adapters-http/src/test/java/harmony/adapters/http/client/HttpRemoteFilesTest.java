package harmony.adapters.http.client;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import harmony.core.ingest.UrlRules;
import harmony.core.port.out.RemoteFiles.Download;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static harmony.adapters.http.client.LocalServer.redirect;
import static harmony.adapters.http.client.LocalServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against real HTTP servers on loopback. The server under test sits on 127.0.0.1, which the
 * allow-list opens (as an operator would for a private deployment); 127.0.0.2 stays forbidden and
 * plays the private network a redirect must never reach.
 */
class HttpRemoteFilesTest {
    private static final byte[] MP3 = "ID3\u0004\u0000\u0000fake-mp3-frames".getBytes(StandardCharsets.ISO_8859_1);
    private static final RemoteFilesSettings FAST = RemoteFilesSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(6));

    private LocalServer server;
    private LocalServer privateServer;
    private HttpRemoteFiles files;

    @BeforeEach
    void start() throws IOException {
        server = LocalServer.on("127.0.0.1");
        privateServer = LocalServer.on("127.0.0.2").route("/", ex -> respond(ex, 200, "audio/mpeg", MP3));
        files = new HttpRemoteFiles(new PublicAddressGuard(AllowList.parse("127.0.0.1/32"), HostResolver.SYSTEM), FAST);
    }

    @AfterEach
    void stop() {
        files.close();
        server.close();
        privateServer.close();
    }

    @Test
    void aPublicMediaFileIsAccessibleAndDownloadsWithItsName() throws Exception {
        server.route("/media/", ex -> respond(ex, 200, "audio/mpeg", MP3));
        URI url = UrlRules.parse(server.url("/media/call%20one.mp3").toString());

        assertThat(files.isPubliclyAccessible(url)).isTrue();
        try (Download download = files.open(url)) {
            assertThat(download.content().readAllBytes()).isEqualTo(MP3);
            assertThat(download.declaredLength()).isEqualTo(MP3.length);
            assertThat(download.filename()).isEqualTo("call one.mp3");
        }
        assertThat(server.requests()).extracting(LocalServer.Seen::method).containsExactly("HEAD", "GET");
        assertThat(server.requests()).extracting(LocalServer.Seen::acceptEncoding).containsOnlyNulls();
    }

    @Test
    void theServersContentDispositionNamesTheDownload() throws Exception {
        server.route("/d", ex -> {
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"x.mp3\"; filename*=UTF-8''Kund%C3%A9%20call.m4a");
            respond(ex, 200, "audio/mp4", MP3);
        });
        try (Download download = files.open(server.url("/d"))) {
            assertThat(download.filename()).isEqualTo("Kundé call.m4a");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/octet-stream", "video/mp4", "application/json; charset=utf-8", "text/vtt"})
    void importableTypesCount(String contentType) {
        server.route("/f", ex -> respond(ex, 200, contentType, MP3));
        assertThat(files.isPubliclyAccessible(server.url("/f"))).isTrue();
    }

    @Test
    void aLoginPageIsNotAFile() {
        server.route("/private", ex -> redirect(ex, 302, "/login"))
                .route("/login", ex -> respond(ex, 200, "text/html; charset=utf-8", "<form>Sign in</form>".getBytes()));

        assertThat(files.isPubliclyAccessible(server.url("/private"))).isFalse();
        assertNotAccessible(() -> files.open(server.url("/private")));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 410, 500})
    void errorAnswersAreNotAccessible(int status) {
        server.route("/f", ex -> respond(ex, status, "text/plain", "no".getBytes()));

        assertThat(files.isPubliclyAccessible(server.url("/f"))).isFalse();
        // HEAD failed, so the check asked once more with a one-byte GET (URLs signed for GET refuse HEAD).
        assertThat(server.requests()).extracting(LocalServer.Seen::method).containsExactly("HEAD", "GET");
    }

    @Test
    void downloadsSeparateWhatARetryCanFixFromWhatItCannot() {
        server.route("/gone", ex -> respond(ex, 403, "text/plain", "no".getBytes()))
                .route("/busy", ex -> respond(ex, 503, "text/plain", "later".getBytes()));

        assertNotAccessible(() -> files.open(server.url("/gone")));
        assertThatThrownBy(() -> files.open(server.url("/busy"))).isInstanceOf(IOException.class).hasMessageContaining("503");
    }

    @Test
    void whenHeadIsRefusedTheCheckAsksForTheFirstByte() {
        server.route("/f", ex -> {
            if (ex.getRequestMethod().equals("HEAD")) {
                respond(ex, 405, null, new byte[0]);
            } else {
                ex.getResponseHeaders().set("Content-Range", "bytes 0-0/" + MP3.length);
                respond(ex, 206, "audio/mpeg", new byte[]{MP3[0]});
            }
        });

        assertThat(files.isPubliclyAccessible(server.url("/f"))).isTrue();
        assertThat(server.requests()).extracting(s -> s.method() + " " + s.range())
                .containsExactly("HEAD null", "GET bytes=0-0");
    }

    @Test
    void followsRedirectsWithinTheAllowedHosts() throws Exception {
        server.route("/a", ex -> redirect(ex, 301, "/b"))
                .route("/b", ex -> redirect(ex, 307, server.url("/c.mp3").toString()))
                .route("/c.mp3", ex -> respond(ex, 200, "audio/mpeg", MP3));

        assertThat(files.isPubliclyAccessible(server.url("/a"))).isTrue();
        try (Download download = files.open(server.url("/a"))) {
            assertThat(download.content().readAllBytes()).isEqualTo(MP3);
            assertThat(download.filename()).isEqualTo("c.mp3");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.2:%d/secret", "http://0x7f.2:%d/secret", "http://2130706434:%d/secret"})
    void aRedirectToAPrivateAddressIsRefusedWithoutConnecting(String target) {
        String location = String.format(target, privateServer.port());
        server.route("/r", ex -> redirect(ex, 302, location));

        assertThat(files.isPubliclyAccessible(server.url("/r"))).isFalse();
        assertNotAccessible(() -> files.open(server.url("/r")));
        assertThat(privateServer.requests()).isEmpty();
    }

    @Test
    void aRedirectToALocalNameIsRefusedWithoutConnecting() throws IOException {
        try (ConnectionCounter counter = new ConnectionCounter("127.0.0.1", 0)) {
            server.route("/r", ex -> redirect(ex, 302, "http://localhost:" + counter.port() + "/x"));
            assertThat(files.isPubliclyAccessible(server.url("/r"))).isFalse();
            assertThat(counter.connections()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/a.mp3", "file:///etc/passwd", "http://", "javascript:alert(1)"})
    void aRedirectToAnythingButHttpIsNotFollowed(String location) {
        server.route("/r", ex -> redirect(ex, 302, location));
        assertThat(files.isPubliclyAccessible(server.url("/r"))).isFalse();
    }

    @Test
    void stopsAfterFiveRedirects() {
        AtomicInteger hops = new AtomicInteger();
        server.route("/loop", ex -> redirect(ex, 302, "/loop?n=" + hops.incrementAndGet()));

        assertNotAccessible(() -> files.open(server.url("/loop")));
        assertThat(hops.get()).isEqualTo(6); // the first request and five redirects followed
    }

    @Test
    void aDeclaredLengthOverTheLimitFailsBeforeReading() {
        HttpRemoteFiles small = new HttpRemoteFiles(new PublicAddressGuard(AllowList.parse("127.0.0.1"), HostResolver.SYSTEM),
                FAST.withMaxBytes(1000));
        server.route("/big", ex -> respond(ex, 200, "audio/mpeg", new byte[5000]));
        try (small) {
            assertThatThrownBy(() -> small.open(server.url("/big")))
                    .isInstanceOfSatisfying(HarmonyException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE));
        }
    }

    @Test
    void anUndeclaredBodyOverTheLimitFailsWhileStreaming() throws Exception {
        HttpRemoteFiles small = new HttpRemoteFiles(new PublicAddressGuard(AllowList.parse("127.0.0.1"), HostResolver.SYSTEM),
                FAST.withMaxBytes(1000));
        server.route("/chunked", ex -> {
            ex.getResponseHeaders().set("Content-Type", "audio/mpeg");
            ex.sendResponseHeaders(200, 0); // chunked: no length announced
            try (OutputStream out = ex.getResponseBody()) {
                out.write(new byte[5000]);
            }
        });
        try (small; Download download = small.open(server.url("/chunked"))) {
            assertThat(download.declaredLength()).isEqualTo(-1);
            assertThatThrownBy(() -> download.content().readAllBytes())
                    .isInstanceOfSatisfying(HarmonyException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE));
        }
    }

    @Test
    void aServerThatNeverAnswersIsNotAccessible() {
        server.route("/slow", ex -> Thread.sleep(20_000));

        assertThat(files.isPubliclyAccessible(server.url("/slow"))).isFalse();
        assertThatThrownBy(() -> files.open(server.url("/slow"))).isInstanceOf(IOException.class);
    }

    @Test
    void aDownloadThatStallsFailsOnTheIdleTimeout() throws Exception {
        server.route("/stall", ex -> {
            ex.getResponseHeaders().set("Content-Type", "audio/mpeg");
            ex.sendResponseHeaders(200, 1000);
            ex.getResponseBody().write(new byte[10]);
            ex.getResponseBody().flush();
            Thread.sleep(20_000);
        });
        try (Download download = files.open(server.url("/stall"))) {
            assertThatThrownBy(() -> download.content().readAllBytes()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aDownloadThatTricklesFailsOnTheTotalTimeout() throws Exception {
        server.route("/trickle", ex -> {
            ex.getResponseHeaders().set("Content-Type", "audio/mpeg");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 300; i++) { // a byte every 200 ms: never idle, never done in time
                out.write(1);
                out.flush();
                Thread.sleep(200);
            }
        });
        try (Download download = files.open(server.url("/trickle"))) {
            InputStream in = download.content();
            assertThatThrownBy(() -> in.readAllBytes()).isInstanceOf(IOException.class);
        }
    }

    /** The forms of "this machine" from the API contract, never dialled even with a listener waiting. */
    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/a.mp3", "http://2130706433:%d/", "http://0x7f.1:%d/", "http://0x7f000001:%d/",
            "http://0177.0.0.1:%d/", "http://017700000001:%d/", "http://127.1:%d/", "http://127.0.0.1.:%d/",
            "http://localhost:%d/", "http://LocalHost.:%d/", "http://[::ffff:127.0.0.1]:%d/", "http://[::ffff:7f00:1]:%d/",
            "http://[::1]:%d/", "http://[::]:%d/", "http://0.0.0.0:%d/", "http://0:%d/", "https://127.0.0.1:%d/"})
    void forbiddenAddressesAreNeverConnectedTo(String form) throws IOException {
        try (HttpRemoteFiles strict = new HttpRemoteFiles(PublicAddressGuard.strict(), FAST);
             ConnectionCounter v4 = new ConnectionCounter("127.0.0.1", 0);
             ConnectionCounter v6 = ipv6Loopback(v4.port())) {
            URI url = UrlRules.parse(String.format(form, v4.port()));

            assertThat(strict.isPubliclyAccessible(url)).isFalse();
            assertNotAccessible(() -> strict.open(url));
            assertThat(v4.connections()).isZero();
            if (v6 != null) {
                assertThat(v6.connections()).isZero();
            }
        }
    }

    @Test
    void connectsToTheAddressItCheckedAndLooksTheNameUpOnce() throws Exception {
        // A rebinding DNS: first a harmless answer, then a private one. Only the first is ever used.
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.0.0.1"));
        server.route("/a.mp3", ex -> respond(ex, 200, "audio/mpeg", MP3));
        try (HttpRemoteFiles viaName = new HttpRemoteFiles(new PublicAddressGuard(AllowList.parse("127.0.0.1"), rebinding), FAST);
             Download download = viaName.open(URI.create("http://media.example:" + server.port() + "/a.mp3"))) {
            assertThat(download.content().readAllBytes()).isEqualTo(MP3);
        }
        assertThat(lookups.get()).isEqualTo(1);
        assertThat(server.requests()).extracting(LocalServer.Seen::host).containsExactly("media.example:" + server.port());
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsNeverConnectedTo() throws IOException {
        try (ConnectionCounter counter = new ConnectionCounter("127.0.0.1", 0);
             HttpRemoteFiles strict = new HttpRemoteFiles(
                     new PublicAddressGuard(AllowList.NONE, host -> List.of(InetAddress.getByName("127.0.0.1"))), FAST)) {
            URI url = URI.create("http://innocent.example:" + counter.port() + "/a.mp3");
            assertThat(strict.isPubliclyAccessible(url)).isFalse();
            assertNotAccessible(() -> strict.open(url));
            assertThat(counter.connections()).isZero();
        }
    }

    private static ConnectionCounter ipv6Loopback(int port) {
        try {
            return new ConnectionCounter("::1", port);
        } catch (IOException e) {
            return null; // no IPv6 loopback here: the IPv4 listener is proof enough
        }
    }

    private static void assertNotAccessible(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HarmonyException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
            assertThat(e).hasMessage(UserMessages.URL_NOT_ACCESSIBLE);
        });
    }
}
