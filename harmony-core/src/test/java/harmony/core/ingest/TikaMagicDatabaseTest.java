package harmony.core.ingest;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The media-only database must name every recording exactly as Tika's stock one does, and never call anything else media. */
class TikaMagicDatabaseTest {
    private static final MimeTypes STOCK = MimeTypes.getDefaultMimeTypes();
    private static final MimeTypes MEDIA_ONLY = TikaMagicDatabase.shared();

    /** Tika returns the first matching magic in its sorted order: the media magics, in Tika's own order. */
    @Test
    void theMediaMagicsAreTikasOwnInTikasOrderAndTheOthersAreGone() throws ReflectiveOperationException {
        List<String> stockMedia = new ArrayList<>();
        for (Object magic : magics(STOCK)) {
            if (TikaMagicDatabase.keepsMagic(typeOf(magic))) {
                stockMedia.add(magic.toString());
            }
        }
        List<String> kept = magics(MEDIA_ONLY).stream().map(Object::toString).toList();

        assertThat(magics(STOCK)).hasSizeGreaterThan(400);
        assertThat(kept).hasSizeBetween(60, 200).isEqualTo(stockMedia);
        // Types are all still known (aliases, hierarchy); only their byte patterns went.
        assertThat(MEDIA_ONLY.getMediaTypeRegistry().getTypes()).hasSameSizeAs(STOCK.getMediaTypeRegistry().getTypes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample.mp3", "sample.wav", "sample-gsm.wav", "sample.gsm", "sample.mp4", "sample.m4a",
            "sample.aac", "sample-audio.webm", "sample-video.webm", "sample.ogg", "sample-opus.ogg", "sample.flac",
            "sample.amr", "sample.aiff", "sample.mov", "sample.mkv", "sample.3gp", "sample.wma"})
    void everyRecordingGetsTikasOwnAnswerOrForWmaItsAsfFamily(String file) throws IOException {
        byte[] bytes = MediaTypeSnifferTest.sample(file);
        String stock = detect(STOCK, bytes);
        String mediaOnly = detect(MEDIA_ONLY, bytes);
        if (TikaMagicDatabase.NAMED_BY_THE_SNIFFER.contains(stock)) {
            assertThat(STOCK.getMediaTypeRegistry().isSpecializationOf(MediaType.parse(stock), MediaType.parse(mediaOnly)))
                    .as("%s is a kind of %s", stock, mediaOnly).isTrue();
        } else {
            assertThat(mediaOnly).isEqualTo(stock);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample.pdf", "sample.png", "sample.elf"})
    void whatIsNotMediaIsNotMediaHereEither(String file) throws IOException {
        byte[] bytes = MediaTypeSnifferTest.sample(file);
        assertThat(detect(STOCK, bytes)).doesNotStartWith("audio/").doesNotStartWith("video/");
        assertThat(MediaTypeSniffer.isAudioOrVideo(detect(MEDIA_ONLY, bytes))).isFalse();
    }

    @Test
    void randomHeadsAreNeitherHereNorThere() throws IOException {
        for (int seed = 0; seed < 50; seed++) {
            byte[] bytes = new byte[UploadLimits.SNIFF_BYTES];
            new Random(seed).nextBytes(bytes);
            assertThat(MediaTypeSniffer.isAudioOrVideo(detect(MEDIA_ONLY, bytes)))
                    .isEqualTo(MediaTypeSniffer.isAudioOrVideo(detect(STOCK, bytes)));
        }
    }

    private static String detect(MimeTypes types, byte[] bytes) throws IOException {
        return types.detect(new ByteArrayInputStream(bytes), new Metadata()).toString();
    }

    /** Tika's sorted magics (its package-private {@code Magic}s); read here only to hold the ordering claim. */
    private static List<?> magics(MimeTypes types) throws ReflectiveOperationException {
        Field field = MimeTypes.class.getDeclaredField("magics");
        field.setAccessible(true);
        return (List<?>) field.get(types);
    }

    private static String typeOf(Object magic) throws ReflectiveOperationException {
        Method getType = magic.getClass().getDeclaredMethod("getType");
        getType.setAccessible(true);
        return getType.invoke(magic).toString();
    }
}
