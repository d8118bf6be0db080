package harmony.core.ingest.transcript;

import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The sample corpus under {@code src/test/resources/transcripts/} and short views of a transcript. */
final class Samples {

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String path) {
        try (InputStream in = Samples.class.getResourceAsStream("/transcripts/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "label|startMs|endMs|text" per turn, easy to compare in one assertion. */
    static List<String> turns(Transcript t) {
        return t.turns().stream().map(Samples::turn).toList();
    }

    static String turn(Turn t) {
        return t.speaker() + "|" + t.startMs() + "|" + t.endMs() + "|" + t.text();
    }

    /** Display names of the speakers, in order. */
    static List<String> speakers(Transcript t) {
        return t.speakers().stream().map(Speaker::displayName).toList();
    }

    private Samples() {
    }
}
