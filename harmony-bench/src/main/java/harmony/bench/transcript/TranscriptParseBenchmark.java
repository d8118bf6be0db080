package harmony.bench.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import harmony.core.domain.Transcript;
import harmony.core.ingest.transcript.JsonTranscriptReader;
import harmony.core.ingest.transcript.PlainTextReader;
import harmony.core.ingest.transcript.SrtReader;
import harmony.core.ingest.transcript.WebVttReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Parse throughput of each transcript reader on about 1 MB of realistic input, beside Jackson's
 * {@code ObjectMapper.readTree} of the same JSON as the baseline. {@link TranscriptParseThroughput}
 * runs it and prints MB/s and the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TranscriptParseBenchmark {
    static final int SIZE = 1 << 20;

    private final ObjectMapper jackson = new ObjectMapper();
    private final PlainTextReader plainText = new PlainTextReader();
    private final SrtReader srt = new SrtReader();
    private final WebVttReader webVtt = new WebVttReader();
    private final JsonTranscriptReader json = new JsonTranscriptReader();

    String bracketedText;
    String otterText;
    String srtText;
    String vttText;
    String harmonyJson;
    String deepgramJson;

    @Setup
    public void generate() {
        TranscriptSamples samples = new TranscriptSamples();
        bracketedText = samples.bracketedPlainText(SIZE);
        otterText = samples.otterPlainText(SIZE);
        srtText = samples.srt(SIZE);
        vttText = samples.webVtt(SIZE);
        harmonyJson = samples.harmonyJson(SIZE);
        deepgramJson = samples.deepgramWordsJson(SIZE);
    }

    @Benchmark
    public Transcript plainTextBracketed() {
        return plainText.read(bracketedText);
    }

    @Benchmark
    public Transcript plainTextOtter() {
        return plainText.read(otterText);
    }

    @Benchmark
    public Transcript srt() {
        return srt.read(srtText);
    }

    @Benchmark
    public Transcript webVtt() {
        return webVtt.read(vttText);
    }

    @Benchmark
    public Transcript jsonHarmony() {
        return json.read(harmonyJson);
    }

    @Benchmark
    public Transcript jsonDeepgramWords() {
        return json.read(deepgramJson);
    }

    @Benchmark
    public JsonNode jacksonReadTreeHarmony() throws Exception {
        return jackson.readTree(harmonyJson);
    }

    @Benchmark
    public JsonNode jacksonReadTreeDeepgramWords() throws Exception {
        return jackson.readTree(deepgramJson);
    }
}
