package harmony.adapters.http.client;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import harmony.core.port.out.RemoteFiles.Download;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTTPS to an address the guard checked: the client dials the checked IP, yet TLS still presents
 * and verifies the URL's name. A TLS server on 127.0.0.1 holds a certificate for
 * {@code media.example} only; a test DNS sends every name to 127.0.0.1.
 */
class HttpsRemoteFilesTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final byte[] MP3 = "ID3 tls-served".getBytes(StandardCharsets.US_ASCII);

    private HttpsServer server;
    private final List<String> hosts = new CopyOnWriteArrayList<>();
    private HttpRemoteFiles files;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("media.p12");
        selfSignedCertificate(keystore, "media.example");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", ex -> {
            hosts.add(ex.getRequestHeaders().getFirst("Host"));
            ex.getResponseHeaders().set("Content-Type", "audio/mpeg");
            ex.sendResponseHeaders(200, ex.getRequestMethod().equals("HEAD") ? -1 : MP3.length);
            try (OutputStream out = ex.getResponseBody()) {
                if (!ex.getRequestMethod().equals("HEAD")) {
                    out.write(MP3);
                }
            }
        });
        server.start();

        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        SSLContext clientTrust = SSLContext.getInstance("TLS");
        clientTrust.init(null, tmf.getTrustManagers(), null);
        HostResolver everythingIsLocal = host -> List.of(InetAddress.getByName("127.0.0.1"));
        files = new HttpRemoteFiles(new PublicAddressGuard(AllowList.parse("127.0.0.1"), everythingIsLocal),
                RemoteFilesSettings.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3),
                        Duration.ofSeconds(5), Duration.ofSeconds(5)), clientTrust);
    }

    @AfterEach
    void stop() {
        files.close();
        server.stop(0);
    }

    @Test
    void theCheckedAddressIsDialledUnderTheUrlsName() throws Exception {
        URI url = URI.create("https://media.example:" + server.getAddress().getPort() + "/call.mp3");

        assertThat(files.isPubliclyAccessible(url)).isTrue();
        try (Download download = files.open(url)) {
            assertThat(download.content().readAllBytes()).isEqualTo(MP3);
        }
        assertThat(hosts).containsOnly("media.example:" + server.getAddress().getPort());
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        URI url = URI.create("https://other.example:" + server.getAddress().getPort() + "/call.mp3");

        assertThat(files.isPubliclyAccessible(url)).isFalse();
        assertThatThrownBy(() -> files.open(url)).isInstanceOf(IOException.class);
        assertThat(hosts).isEmpty();
    }

    /** keytool ships with every JDK; a certificate made per run never expires in the repository. */
    private static void selfSignedCertificate(Path keystore, String name) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "media", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", "SAN=dns:" + name, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(PASSWORD),
                "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
