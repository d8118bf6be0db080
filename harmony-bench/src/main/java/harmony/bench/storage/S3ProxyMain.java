package harmony.bench.storage;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

import java.net.URI;

/**
 * S3Proxy on a folder, loopback only, in a JVM of its own so that the writer's heap is measured alone.
 * Prints {@code port <n>} (plain HTTP) and {@code securePort <n>} (TLS, when a PKCS12 key store with password
 * {@code password} is given) and serves until its standard input closes.
 * Arguments: folder access secret [keyStore].
 */
public final class S3ProxyMain {
    public static void main(String[] args) throws Exception {
        S3Proxy.Builder builder = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(args[0]))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[1], args[2]);
        if (args.length > 3) {
            builder.secureEndpoint(URI.create("https://127.0.0.1:0")).keyStore(args[3], "password");
        }
        S3Proxy proxy = builder.build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        System.out.println("port " + proxy.getPort());
        if (args.length > 3) {
            System.out.println("securePort " + proxy.getSecurePort());
        }
        System.out.flush();
        while (System.in.read() != -1) {
            // serve until the parent goes away
        }
        proxy.stop();
    }
}
