package harmony.core.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Files on the public internet, reached only through a guard that refuses private addresses.
 * Core owns the rules and messages; the adapter decides what "publicly accessible" means on the wire.
 */
public interface RemoteFiles {

    /** Whether the URL can be downloaded without signing in, checked without downloading it all. */
    boolean isPubliclyAccessible(URI url);

    /** Opens the file for download; the caller closes the download. */
    Download open(URI url) throws IOException;

    /** An open download: its bytes, the server's length when it sent one (else -1), a suggested file name. */
    record Download(InputStream content, long declaredLength, String filename) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            content.close();
        }
    }
}
