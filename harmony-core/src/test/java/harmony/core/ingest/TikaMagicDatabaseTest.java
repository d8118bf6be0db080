package harmony.core.ingest;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The guarded database must answer exactly as Tika's stock one does, only sooner. */
class TikaMagicDatabaseTest {
    private static final MimeTypes STOCK = MimeTypes.getDefaultMimeTypes();
    private static final MimeTypes GUARDED = TikaMagicDatabase.shared();

    @Test
    void theCostlyIllustratorRegexSitsBehindItsScan() {
        assertThat(TikaMagicDatabase.tikaXml()).containsOnlyOnce(TikaMagicDatabase.ILLUSTRATOR_REGEX);
        assertThat(TikaMagicDatabase.guardedXml()).containsOnlyOnce(TikaMagicDatabase.GUARDED_ILLUSTRATOR_REGEX);
    }

    /** Tika returns the first matching magic in its sorted order, so the order must not move. */
    @Test
    void tikaOrdersEveryMagicAsItDoesInItsOwnDatabase() throws ReflectiveOperationException {
        List<String> stock = magics(STOCK);
        List<String> guarded = magics(GUARDED);
        int illustrator = indexOf(stock, "%AI5_FileFormat");

        assertThat(indexOf(guarded, "%AI5_FileFormat")).isEqualTo(illustrator);
        assertThat(guarded.get(illustrator)).contains("string 2:8194 AI5");
        guarded.set(illustrator, stock.get(illustrator));
        assertThat(guarded).isEqualTo(stock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample.mp3", "sample.wav", "sample-gsm.wav", "sample.gsm", "sample.mp4", "sample.m4a",
            "sample.aac", "sample-audio.webm", "sample-video.webm", "sample.ogg", "sample-opus.ogg", "sample.flac",
            "sample.amr", "sample.aiff", "sample.mov", "sample.mkv", "sample.3gp", "sample.wma",
            "sample.pdf", "sample.png", "sample.elf"})
    void everySampleGetsTikasOwnAnswer(String file) throws IOException {
        byte[] bytes = MediaTypeSnifferTest.sample(file);
        assertThat(detect(GUARDED, bytes)).isEqualTo(detect(STOCK, bytes));
    }

    /** Where the regex can match (offsets 0 to 8,192) and just past it; full and broken patterns. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 100, 4096, 8190, 8191, 8192, 8193, 8194, 9000})
    void illustratorMarkersAnywhereGetTikasOwnAnswer(int offset) throws IOException {
        for (String marker : new String[] {"\n%AI5_FileFormat 3\n", "\r%AI5_FileFormat 1\r", "\n%AI5_FileFormat 9\n",
                "%AI5_FileFormat 3\n", "\nAI5\n"}) {
            for (byte[] background : new byte[][] {new byte[12_000], random(12_000, offset)}) {
                byte[] bytes = background.clone();
                byte[] m = marker.getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(m, 0, bytes, offset, m.length);
                assertThat(detect(GUARDED, bytes)).as("%s at %d", marker.strip(), offset).isEqualTo(detect(STOCK, bytes));
            }
        }
    }

    @Test
    void anIllustratorFileIsStillAnIllustratorFile() throws IOException {
        byte[] ai = "%!PS-Adobe-3.0\n%%Creator: Adobe Illustrator(R) 8.0\n%AI5_FileFormat 3\n%%EndComments\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(detect(GUARDED, ai)).isEqualTo(detect(STOCK, ai)).isEqualTo("application/illustrator+ps");
    }

    @Test
    void randomHeadsGetTikasOwnAnswer() throws IOException {
        for (int seed = 0; seed < 50; seed++) {
            byte[] bytes = random(UploadLimits.SNIFF_BYTES, seed);
            assertThat(detect(GUARDED, bytes)).isEqualTo(detect(STOCK, bytes));
        }
    }

    private static String detect(MimeTypes types, byte[] bytes) throws IOException {
        return types.detect(new ByteArrayInputStream(bytes), new Metadata()).toString();
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Tika's sorted magics as text; a private field, read here only to hold the ordering claim. */
    private static List<String> magics(MimeTypes types) throws ReflectiveOperationException {
        Field field = MimeTypes.class.getDeclaredField("magics");
        field.setAccessible(true);
        List<String> magics = new ArrayList<>();
        for (Object magic : (List<?>) field.get(types)) {
            magics.add(magic.toString());
        }
        return magics;
    }

    private static int indexOf(List<String> magics, String text) {
        for (int i = 0; i < magics.size(); i++) {
            if (magics.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no magic mentions " + text);
    }
}
