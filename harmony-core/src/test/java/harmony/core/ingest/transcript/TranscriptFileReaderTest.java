package harmony.core.ingest.transcript;

import harmony.core.domain.Transcript;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static harmony.core.ingest.transcript.Samples.bytes;
import static harmony.core.ingest.transcript.Samples.turns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranscriptFileReaderTest {
    private final TranscriptFileReader reader = new TranscriptFileReader();

    private Transcript read(String name, byte[] content) throws IOException {
        return reader.read(name, new ByteArrayInputStream(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json/harmony.json", "json/openai-verbose.json", "json/assemblyai.json",
        "json/deepgram-words.json", "json/revai.json", "json/gong.json", "srt/meeting.srt", "vtt/teams.vtt",
        "vtt/youtube.vtt", "plain/otter.txt", "plain/colon.txt"})
    void everySampleReadsByContentWhateverItsName(String sample) throws IOException {
        Transcript byName = read(sample, bytes(sample));
        assertThat(read("upload.bin", bytes(sample))).isEqualTo(byName);
        assertThat(read(null, bytes(sample))).isEqualTo(byName);
        assertThat(byName.isEmpty()).isFalse();
    }

    @Test
    void theSameTranscriptFromUtf8WithBomUtf16LeAndBeWithBomAndCrlf() throws IOException {
        String vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Zoë Müller>Grüße, 東京!\n";
        Transcript expected = read("a.vtt", vtt.getBytes(StandardCharsets.UTF_8));
        assertThat(turns(expected)).containsExactly("Zoë Müller|1000|2000|Grüße, 東京!");
        String crlf = vtt.replace("\n", "\r\n");
        assertThat(read("a.vtt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, crlf.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(expected);
        assertThat(read("a.vtt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, crlf.getBytes(StandardCharsets.UTF_16LE))))
                .isEqualTo(expected);
        assertThat(read("a.vtt", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, vtt.getBytes(StandardCharsets.UTF_16BE))))
                .isEqualTo(expected);
    }

    @Test
    void exactlyTenMegabytesIsAcceptedAndOneByteMoreIsNot() throws IOException {
        byte[] limit = paddedTranscript(10 * 1024 * 1024);
        assertThat(read("big.txt", limit).turns()).hasSize(1);

        CountingStream over = new CountingStream(10 * 1024 * 1024 + 1 + 50_000_000L);
        assertThatThrownBy(() -> reader.read("huge.txt", over))
                .isInstanceOf(HarmonyException.class)
                .hasMessage("The maximum file size is 10 MB.")
                .extracting(e -> ((HarmonyException) e).kind()).isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(over.served).as("stops reading soon after the limit").isLessThan(10 * 1024 * 1024 + 64 * 1024);
        assertThatThrownBy(() -> read("big.txt", paddedTranscript(10 * 1024 * 1024 + 1)))
                .hasMessage("The maximum file size is 10 MB.");
    }

    @Test
    void contentThatFitsNoFormatIsReadByTheReaderItsExtensionNames() {
        assertThatThrownBy(() -> read("call.json", "turns: none".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TranscriptFormatException.class)
                .hasMessage("line 1, column 1: the JSON is not valid (Unrecognized token 'turns': was expecting "
                        + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false'))");
        assertThatThrownBy(() -> read("call.vtt", "Dana: hi".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("line 1: a WebVTT file starts with WEBVTT");
        assertThatThrownBy(() -> read("call.srt", "Dana: hi".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("line 1: expected a subtitle number or a timing like 00:00:01,000 --> 00:00:04,000");
    }

    @Test
    void emptyUnreadableAndBinaryFilesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> read("a.txt", new byte[0])).hasMessage("The file is empty.");
        assertThatThrownBy(() -> read("a.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n'}))
                .hasMessage("The file is empty.");
        assertThatThrownBy(() -> read("a.txt", new byte[] {'H', 'i', ' ', (byte) 0xC3, '(', '!'}))
                .isInstanceOf(TranscriptFormatException.class)
                .hasMessage("byte 4: the file is not UTF-8 text (Harmony reads UTF-8, or UTF-16 with a byte order mark)");
        assertThatThrownBy(() -> read("a.txt", new byte[] {(byte) 0xFF, (byte) 0xFE, 'H', 0, 0, (byte) 0xDC}))
                .hasMessage("byte 5: the file is not UTF-16 text (Harmony reads UTF-8, or UTF-16 with a byte order mark)");
        assertThatThrownBy(() -> read("a.txt", new byte[] {'H', 0, 'i', 0}))
                .hasMessage("the file holds binary data, not a text transcript");
        assertThatThrownBy(() -> read("a.vtt", "WEBVTT\n\nNOTE nothing here\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("the transcript holds no text");
    }

    private static byte[] paddedTranscript(int size) {
        byte[] b = new byte[size];
        byte[] head = "Dana: ".getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(b, (byte) 'a');
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** An endless-looking stream of 'a' that counts what it served. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long served;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return served < size ? (++served > 0 ? 'a' : 'a') : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - served);
            java.util.Arrays.fill(b, off, off + n, (byte) 'a');
            served += n;
            return n;
        }
    }
}
