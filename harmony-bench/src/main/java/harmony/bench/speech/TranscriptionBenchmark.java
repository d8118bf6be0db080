package harmony.bench.speech;

import harmony.adapters.speech.SpeechSettings;
import harmony.adapters.speech.SpeechTranscriber;
import harmony.adapters.speech.decode.AudioDecoder;
import harmony.core.port.out.MediaSource;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * End-to-end transcription (decode + VAD + ASR + diarization) against decode-only, on the same recording in the
 * same run; prints both real-time factors and their ratio.
 * Run: {@code java -cp ... harmony.bench.speech.TranscriptionBenchmark /tmp/eval_public/pub02_pricing_review.wav}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class TranscriptionBenchmark {
    @Param("")
    public String recording;

    private SpeechTranscriber transcriber;
    private MediaSource media;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        transcriber = new SpeechTranscriber(SpeechSettings.defaults());
        media = SpeechEvalRunner.wav(Path.of(recording));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        transcriber.close();
    }

    @Benchmark
    public long decodeOnly() throws Exception {
        long[] samples = {0};
        new AudioDecoder().decode(Path.of(recording), "audio/wav", 1, (c, n) -> samples[0] += n);
        return samples[0];
    }

    @Benchmark
    public Object endToEnd() throws Exception {
        return transcriber.transcribe(media, p -> { });
    }

    public static void main(String[] args) throws Exception {
        String file = args[0];
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(TranscriptionBenchmark.class.getName()).param("recording", file).build()).run();
        double seconds = durationSeconds(file);
        double decode = 0, total = 0;
        for (RunResult r : results) {
            double ms = r.getPrimaryResult().getStatistics().getPercentile(50); // median: the machine is noisy
            if (r.getParams().getBenchmark().endsWith("decodeOnly")) {
                decode = ms;
            } else {
                total = ms;
            }
        }
        System.out.printf("%s (%.1f s audio, %d cores), medians: decode-only RTF %.4f, end-to-end RTF %.4f, end-to-end/decode-only %.1fx%n",
                file, seconds, Runtime.getRuntime().availableProcessors(), decode / 1000 / seconds, total / 1000 / seconds,
                total / decode);
    }

    private static double durationSeconds(String file) throws Exception {
        long[] samples = {0};
        new AudioDecoder().decode(Path.of(file), "audio/wav", 1, (c, n) -> samples[0] += n);
        return samples[0] / 16_000.0;
    }
}
