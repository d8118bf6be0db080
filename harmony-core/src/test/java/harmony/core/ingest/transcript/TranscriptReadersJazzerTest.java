package harmony.core.ingest.transcript;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import harmony.core.error.HarmonyException;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing with Jazzer, on demand:
 * {@code JAZZER_FUZZ=1 mvn -B -pl harmony-core test -Dtest=TranscriptReadersJazzerTest} fuzzes for
 * {@code maxDuration} and writes any crashing input under
 * {@code src/test/resources/harmony/core/ingest/transcript/TranscriptReadersJazzerTestInputs/},
 * where later runs replay it. Off in the normal run, so Jazzer's agent does not instrument the
 * module's other tests; the always-on timed fuzzing is {@link TranscriptReadersFuzzTest}.
 */
@EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1|true",
        disabledReason = "coverage-guided fuzzing runs with JAZZER_FUZZ=1")
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
