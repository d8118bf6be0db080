package harmony.core.ingest.transcript;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import harmony.core.error.HarmonyException;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing with Jazzer. In a normal test run it replays its inputs under
 * {@code src/test/resources/harmony/core/ingest/transcript/TranscriptReadersJazzerTestInputs/};
 * {@code JAZZER_FUZZ=1 mvn ... -Dtest=TranscriptReadersJazzerTest} fuzzes for {@code maxDuration}.
 * (The always-on timed fuzzing is {@link TranscriptReadersFuzzTest}.)
 */
class TranscriptReadersJazzerTest {

    @FuzzTest(maxDuration = "60s")
    void everyReaderReturnsATranscriptOrTheDocumentedError(FuzzedDataProvider data) throws IOException {
        int which = data.consumeInt(0, 5);
        try {
            switch (which) {
                case 0 -> new PlainTextReader().read(data.consumeRemainingAsString());
                case 1 -> new SrtReader().read(data.consumeRemainingAsString());
                case 2 -> new WebVttReader().read(data.consumeRemainingAsString());
                case 3 -> new JsonTranscriptReader().read(data.consumeRemainingAsString());
                case 4 -> new PastedTranscriptReader().read(data.consumeRemainingAsString());
                default -> new TranscriptFileReader().read(data.consumeString(12),
                        new ByteArrayInputStream(data.consumeRemainingAsBytes()));
            }
        } catch (HarmonyException documented) {
            // the one exception a reader may throw
        }
    }
}
