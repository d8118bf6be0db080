package harmony.core.ingest.transcript;

import harmony.core.domain.Transcript;
import harmony.core.error.UserMessages;
import harmony.core.ingest.SizeLimitedInputStream;
import harmony.core.ingest.UploadLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an uploaded transcript file: JSON, SRT, WebVTT or plain text, told apart by content (the
 * file name's extension only decides which reader reports a file whose content fits none).
 * Reads at most 10 MB, stopping as soon as the stream goes past it; the text is UTF-8, UTF-8 with
 * a BOM, or UTF-16 with a BOM, lines ending in LF or CRLF.
 */
public final class TranscriptFileReader {
    /** 10 MB: the product's limit for transcript files. */
    public static final long MAX_BYTES = UploadLimits.TRANSCRIPT_FILE_MAX_BYTES;

    public Transcript read(String filename, InputStream in) throws IOException {
        String text = decode(readLimited(in));
        if (text.isBlank()) {
            throw new TranscriptFormatException(UserMessages.EMPTY_FILE);
        }
        TranscriptFormat format = TranscriptFormat.detect(text);
        if (format == TranscriptFormat.PLAIN_TEXT) {
            format = TranscriptFormat.ofFilename(filename).orElse(TranscriptFormat.PLAIN_TEXT);
        }
        Transcript transcript = format.read(text);
        if (transcript.isEmpty()) {
            throw new TranscriptFormatException(PastedTranscriptReader.NO_TEXT);
        }
        return transcript;
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        return new SizeLimitedInputStream(in, MAX_BYTES).readAllBytes();
    }

    static String decode(byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer output = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(input, output, true);
        if (!result.isError()) {
            result = decoder.flush(output);
        }
        if (result.isError()) {
            throw new TranscriptFormatException("byte " + (input.position() + 1) + ": the file is not "
                    + (charset == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16") + " text (Harmony reads UTF-8, "
                    + "or UTF-16 with a byte order mark)");
        }
        output.flip();
        for (int i = 0; i < output.length(); i++) {
            if (output.charAt(i) == '\0') {
                throw new TranscriptFormatException("the file holds binary data, not a text transcript");
            }
        }
        return output.toString();
    }
}
