package harmony.core.ingest;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The one place every upload's bytes are checked, whichever entry point they came through. Checks
 * happen on the stream on its way to storage: the head is sniffed, the rest is counted, nothing is
 * read twice and nothing past the limit is read at all.
 */
public final class UploadValidator {
    private final MediaTypeSniffer sniffer;

    public UploadValidator(MediaTypeSniffer sniffer) {
        this.sniffer = sniffer;
    }

    public UploadValidator() {
        this(new MediaTypeSniffer());
    }

    /**
     * Starts checking a media upload: sniffs its head now (refusing anything but audio or video,
     * and empty files) and returns the whole stream, which fails with the 2 GB message as soon as
     * it crosses the limit while it is read.
     */
    public CheckedMedia media(InputStream raw, String filenameHint) throws IOException {
        SizeLimitedInputStream limited = new SizeLimitedInputStream(raw, UploadLimits.MEDIA_MAX_BYTES);
        byte[] head = new byte[UploadLimits.SNIFF_BYTES];
        int headLength = limited.readNBytes(head, 0, head.length);
        if (headLength == 0) {
            throw new HarmonyException(ErrorKind.INVALID, UserMessages.EMPTY_FILE);
        }
        String mimeType = sniffer.sniff(head, headLength, filenameHint);
        if (!MediaTypeSniffer.isAudioOrVideo(mimeType)) {
            throw HarmonyException.unsupportedMedia();
        }
        return new CheckedMedia(mimeType, new HeadFirstInputStream(head, headLength, limited), limited);
    }

    /** A transcript file's bytes, failing with the 10 MB message as soon as they cross the limit. */
    public InputStream transcriptFile(InputStream raw) {
        return new SizeLimitedInputStream(raw, UploadLimits.TRANSCRIPT_FILE_MAX_BYTES);
    }

    /**
     * The sniffed head again, then the rest of the upload: one layer over the counting stream, and a
     * {@code transferTo} that writes the head straight from its buffer.
     */
    private static final class HeadFirstInputStream extends InputStream {
        private final byte[] head;
        private final int headLength;
        private final InputStream rest;
        private int position;

        HeadFirstInputStream(byte[] head, int headLength, InputStream rest) {
            this.head = head;
            this.headLength = headLength;
            this.rest = rest;
        }

        @Override
        public int read() throws IOException {
            return position < headLength ? head[position++] & 0xFF : rest.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (position >= headLength) {
                return rest.read(b, off, len);
            }
            int n = Math.min(len, headLength - position);
            System.arraycopy(head, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public long transferTo(OutputStream out) throws IOException {
            int fromHead = headLength - position;
            out.write(head, position, fromHead);
            position = headLength;
            return fromHead + rest.transferTo(out);
        }

        @Override
        public int available() throws IOException {
            return position < headLength ? headLength - position : rest.available();
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }

    /** A media upload whose type is known and whose size is enforced as {@link #content()} is read. */
    public static final class CheckedMedia {
        private final String mimeType;
        private final InputStream content;
        private final SizeLimitedInputStream counter;

        CheckedMedia(String mimeType, InputStream content, SizeLimitedInputStream counter) {
            this.mimeType = mimeType;
            this.content = content;
            this.counter = counter;
        }

        /** The sniffed type, e.g. {@code audio/mpeg}. */
        public String mimeType() {
            return mimeType;
        }

        /** All of the upload's bytes, head included, size-checked while read. */
        public InputStream content() {
            return content;
        }

        /** Bytes read from the client so far. */
        public long bytesRead() {
            return counter.count();
        }
    }
}
