package harmony.adapters.http.api;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a multipart/form-data body one part at a time, pulling bytes from the request only as a
 * part's content is read: a 2 GB file part flows through with a few network buffers in memory and
 * nothing on disk. Jetty's parser does the parsing; this class turns its push events into a pull.
 * Content is handed out as slices of one reused read buffer, so each byte is copied once on its way
 * from the request stream to the reader.
 */
final class StreamingMultipart {
    private static final int READ_SIZE = 64 * 1024;
    private static final int MAX_PARTS = 200;

    private final InputStream body;
    /**
     * When set, takes in what the body says: each part's disposition, type and content, but not the
     * boundary, which a client picks afresh for every request, so a retry digests alike.
     */
    private final MessageDigest digest;
    /** The one read buffer: content events are slices of it, read out before the next read overwrites it. */
    private final byte[] buffer = new byte[READ_SIZE];
    private final MultiPart.Parser parser;
    private final Deque<Event> events = new ArrayDeque<>();
    private boolean bodyDone;
    private boolean complete;
    private Part current;

    StreamingMultipart(InputStream body, String contentType) {
        this(body, contentType, null);
    }

    StreamingMultipart(InputStream body, String contentType, MessageDigest digest) {
        this.digest = digest;
        String boundary = contentType == null ? null : MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty() || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new HarmonyException(ErrorKind.MALFORMED, "Send the upload as multipart/form-data with a boundary.");
        }
        this.body = body;
        this.parser = new MultiPart.Parser(boundary, new Listener());
        this.parser.setMaxParts(MAX_PARTS);
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Reads every part to the end of the body (a digest, when set, takes them all in). */
    void readToEnd() throws IOException {
        while (next().isPresent()) {
            // next() skips what is left of each part
        }
    }

    /** The next part (skipping whatever was left unread of the previous one), or empty at the end. */
    Optional<Part> next() throws IOException {
        if (current != null) {
            current.content().transferTo(java.io.OutputStream.nullOutputStream());
            current = null;
        }
        while (true) {
            Event e = poll();
            if (e == null) {
                return Optional.empty();
            }
            if (e instanceof Headers h) {
                current = new Part(h.headers);
                return Optional.of(current);
            }
        }
    }

    /** The next event, reading and parsing more of the body when none is queued; null at the end. */
    private Event poll() throws IOException {
        while (events.isEmpty()) {
            if (complete) {
                return null;
            }
            if (bodyDone) {
                throw incomplete();
            }
            // Safe to overwrite: every event of the last parse has been taken, and the parser keeps no slice of it.
            int n = body.readNBytes(buffer, 0, READ_SIZE);
            bodyDone = n < READ_SIZE;
            parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, Math.max(n, 0)), bodyDone));
        }
        Event e = events.poll();
        if (e instanceof Failure f) {
            throw new HarmonyException(ErrorKind.MALFORMED, "The multipart body is malformed.", f.cause);
        }
        return e;
    }

    private static HarmonyException incomplete() {
        return new HarmonyException(ErrorKind.MALFORMED, "The multipart body is incomplete.");
    }

    /** One part: its headers and its content, streamed. */
    final class Part {
        private final Map<String, String> headers;
        private final InputStream content = new PartContent();

        Part(Map<String, String> headers) {
            this.headers = headers;
        }

        String name() {
            return dispositionParam("name");
        }

        /** The file name the client gave, or null for a plain field. */
        String filename() {
            return dispositionParam("filename");
        }

        String contentType() {
            return headers.get("content-type");
        }

        InputStream content() {
            return content;
        }

        /**
         * This part's content when it must be the body's last: at its end, before the reader is told so,
         * the rest of the body is read, and a part that follows is refused with {@code refuse}'s error. So
         * a reader that acts on reaching the end (stores a recording, creates a conversation) never acts
         * on a request that turns out malformed after it.
         */
        InputStream contentAsLast(java.util.function.Function<Part, RuntimeException> refuse) {
            return new java.io.FilterInputStream(content) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    return b < 0 ? atEnd() : b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    return n < 0 ? atEnd() : n;
                }

                private int atEnd() throws IOException {
                    Optional<Part> following = next();
                    if (following.isPresent()) {
                        throw refuse.apply(following.get());
                    }
                    return -1;
                }
            };
        }

        /** A field's text, refused past {@code maxBytes}. */
        String text(int maxBytes) throws IOException {
            byte[] bytes = content.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new HarmonyException(ErrorKind.TOO_LARGE, "The form field " + name() + " is too long.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private String dispositionParam(String param) {
            String disposition = headers.get("content-disposition");
            if (disposition == null) {
                return null;
            }
            for (String piece : disposition.split(";")) {
                String p = piece.trim();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(param)) {
                    String v = p.substring(eq + 1).trim();
                    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                        v = v.substring(1, v.length() - 1);
                    }
                    return v;
                }
            }
            return null;
        }

        /** Pulls this part's content events until its end. */
        private final class PartContent extends InputStream {
            private ByteBuffer chunk = ByteBuffer.allocate(0);
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (!chunk.hasRemaining()) {
                    if (ended) {
                        return -1;
                    }
                    Event e = poll();
                    if (e == null || e instanceof End) {
                        if (e == null) {
                            throw incomplete();
                        }
                        ended = true;
                    } else if (e instanceof Bytes bytes) {
                        chunk = bytes.data;
                    }
                }
                int n = Math.min(len, chunk.remaining());
                chunk.get(b, off, n);
                return n;
            }
        }
    }

    private sealed interface Event permits Headers, Bytes, End, Failure {
    }

    private record Headers(Map<String, String> headers) implements Event {
    }

    private record Bytes(ByteBuffer data) implements Event {
    }

    private record End() implements Event {
    }

    private record Failure(Throwable cause) implements Event {
    }

    private final class Listener implements MultiPart.Parser.Listener {
        private Map<String, String> headers = new LinkedHashMap<>();

        @Override
        public void onPartBegin() {
            headers = new LinkedHashMap<>();
        }

        @Override
        public void onPartHeader(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
        }

        @Override
        public void onPartHeaders() {
            events.add(new Headers(headers));
            if (digest != null) {
                digestText(headers.get("content-disposition"));
                digestText(headers.get("content-type"));
                contentBytes = 0;
            }
        }

        @Override
        public void onPartContent(Content.Chunk chunk) {
            ByteBuffer content = chunk.getByteBuffer();
            if (content.hasRemaining()) {
                events.add(new Bytes(content.slice())); // no copy: read out before the buffer is refilled
                if (digest != null) {
                    contentBytes += content.remaining();
                    digest.update(content.duplicate());
                }
            }
        }

        @Override
        public void onPartEnd() {
            events.add(new End());
            if (digest != null) {
                digest.update(ByteBuffer.allocate(Long.BYTES).putLong(contentBytes).array()); // where the part ends
            }
        }

        private long contentBytes;

        /** Length first (-1 for none), so that no two different sequences of parts digest alike. */
        private void digestText(String text) {
            byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(text == null ? -1 : bytes.length).array());
            digest.update(bytes);
        }

        @Override
        public void onComplete() {
            complete = true;
        }

        @Override
        public void onFailure(Throwable failure) {
            events.add(new Failure(failure));
        }
    }
}
