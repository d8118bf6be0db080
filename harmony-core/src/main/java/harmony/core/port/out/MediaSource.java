package harmony.core.port.out;

import java.io.IOException;
import java.io.InputStream;

/** A recording to read, wherever it is stored; may be opened more than once. */
public interface MediaSource {

    InputStream open() throws IOException;

    /** The sniffed MIME type. */
    String mimeType();

    long sizeBytes();
}
