package harmony.core.pipeline;

import java.io.InputStream;
import java.util.function.Supplier;

/**
 * The hook through which downloaded bytes are validated as media before they are kept: the same rules as
 * an upload (type sniffed from the bytes, size limit). Wire it to the upload validator.
 */
@FunctionalInterface
public interface MediaCheck {

    /**
     * Wraps a download so that reading it fails with a {@link harmony.core.error.HarmonyException}
     * (UNSUPPORTED_MEDIA, TOO_LARGE, INVALID) as soon as the bytes are not acceptable media.
     *
     * @param filename the name the server suggested, or the URL's last path segment; may be null
     */
    Checked check(InputStream download, String filename);

    /**
     * The checked stream, and the MIME type sniffed from its bytes, known once {@code content} has been
     * read to the end.
     */
    record Checked(InputStream content, Supplier<String> mimeType) {
    }
}
