package harmony.core.ingest;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadValidatorTest {
    private final UploadValidator validator = new UploadValidator();

    @Test
    void exactlyTwoGibibytesPass() throws IOException {
        CountingSource source = new CountingSource(MediaTypeSnifferTest.sample("sample.mp3"), UploadLimits.MEDIA_MAX_BYTES);
        UploadValidator.CheckedMedia media = validator.media(source, "long.mp3");

        long copied = media.content().transferTo(OutputStream.nullOutputStream());

        assertThat(copied).isEqualTo(2_147_483_648L);
        assertThat(media.bytesRead()).isEqualTo(2_147_483_648L);
        assertThat(media.mimeType()).isEqualTo("audio/mpeg");
    }

    @Test
    void oneByteMoreFailsWithoutReadingPastTheLimit() throws IOException {
        CountingSource source = new CountingSource(MediaTypeSnifferTest.sample("sample.mp3"), UploadLimits.MEDIA_MAX_BYTES + 1_000_000);
        UploadValidator.CheckedMedia media = validator.media(source, "huge.mp3");

        assertThatThrownBy(() -> media.content().transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(HarmonyException.class)
                .hasMessage("The maximum file size is 2048 MB.")
                .extracting(e -> ((HarmonyException) e).kind()).isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(source.served).isEqualTo(UploadLimits.MEDIA_MAX_BYTES + 1);
    }

    @Test
    void documentsImagesAndProgramsAreRejectedByTheirBytesWhateverTheirName() {
        for (String[] c : new String[][] {{"sample.pdf", "minutes.mp3"}, {"sample.png", "call.wav"}, {"sample.elf", "meeting.mp4"}}) {
            assertThatThrownBy(() -> validator.media(new ByteArrayInputStream(MediaTypeSnifferTest.sample(c[0])), c[1]))
                    .isInstanceOf(HarmonyException.class)
                    .hasMessage("Please upload an audio or video file.")
                    .extracting(e -> ((HarmonyException) e).kind()).isEqualTo(ErrorKind.UNSUPPORTED_MEDIA);
        }
    }

    @Test
    void plainTextNamedLikeAudioIsRejected() {
        byte[] text = "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n".getBytes();
        assertThatThrownBy(() -> validator.media(new ByteArrayInputStream(text), "call.mp3"))
                .hasMessage("Please upload an audio or video file.");
    }

    @Test
    void anEmptyFileIsRejected() {
        assertThatThrownBy(() -> validator.media(InputStream.nullInputStream(), "call.mp3"))
                .isInstanceOf(HarmonyException.class)
                .hasMessage("The file is empty.");
    }

    @Test
    void theContentReplaysTheSniffedHeadUnchanged() throws IOException {
        byte[] flac = MediaTypeSnifferTest.sample("sample.flac");
        UploadValidator.CheckedMedia media = validator.media(new ByteArrayInputStream(flac), null);
        assertThat(media.content().readAllBytes()).isEqualTo(flac);
        assertThat(media.mimeType()).isEqualTo("audio/x-flac");
    }

    /** A head of 64 KiB and a rest, read back by every path a store might take. */
    @Test
    void everyReadPathReturnsTheUploadByteForByte() throws IOException {
        byte[] upload = new byte[UploadLimits.SNIFF_BYTES * 3 + 12_345];
        new java.util.Random(3).nextBytes(upload);
        byte[] mp3 = MediaTypeSnifferTest.sample("sample.mp3");
        System.arraycopy(mp3, 0, upload, 0, mp3.length);

        java.io.ByteArrayOutputStream copied = new java.io.ByteArrayOutputStream();
        UploadValidator.CheckedMedia whole = validator.media(new ByteArrayInputStream(upload), "a.mp3");
        assertThat(whole.content().transferTo(copied)).isEqualTo(upload.length);
        assertThat(copied.toByteArray()).isEqualTo(upload);
        assertThat(whole.bytesRead()).isEqualTo(upload.length);

        InputStream byteByByte = validator.media(new ByteArrayInputStream(upload), "a.mp3").content();
        for (int i = 0; i < upload.length; i++) {
            assertThat(byteByByte.read()).as("byte %d", i).isEqualTo(upload[i] & 0xFF);
        }
        assertThat(byteByByte.read()).isEqualTo(-1);

        InputStream mixed = validator.media(new ByteArrayInputStream(upload), "a.mp3").content();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] odd = new byte[7_777];
        out.write(mixed.read());
        out.write(odd, 0, mixed.read(odd, 0, odd.length));
        assertThat(mixed.read(odd, 0, 0)).isZero();
        mixed.transferTo(out);
        assertThat(out.toByteArray()).isEqualTo(upload);
    }

    @Test
    void transcriptFilesStopAtTenMegabytes() {
        InputStream eleven = new CountingSource("{\"turns\":[".getBytes(), 11L * 1024 * 1024);
        assertThatThrownBy(() -> validator.transcriptFile(eleven).transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(HarmonyException.class)
                .hasMessage("The maximum file size is 10 MB.");
    }

    @Test
    void transcriptFilesOfExactlyTenMegabytesPass() throws IOException {
        InputStream ten = new CountingSource("{}".getBytes(), UploadLimits.TRANSCRIPT_FILE_MAX_BYTES);
        assertThat(validator.transcriptFile(ten).transferTo(OutputStream.nullOutputStream())).isEqualTo(10_485_760L);
    }

    /** A stream of {@code total} bytes starting with {@code head}, then zeros; counts what it served. */
    static final class CountingSource extends InputStream {
        private final byte[] head;
        private final long total;
        long served;

        CountingSource(byte[] head, long total) {
            this.head = head;
            this.total = total;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - served);
            for (int i = 0; i < n; i++) {
                long pos = served + i;
                b[off + i] = pos < head.length ? head[(int) pos] : 0;
            }
            served += n;
            return n;
        }
    }
}
