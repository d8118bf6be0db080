package harmony.bench.speech;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import harmony.adapters.speech.SpeechSettings;
import harmony.adapters.speech.SpeechTranscriber;
import harmony.adapters.speech.decode.AudioDecoder;
import harmony.core.domain.Turn;
import harmony.core.port.out.MediaSource;
import harmony.core.port.out.Transcriber;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Transcribes every meeting of an eval set (see shared/eval) into hypothesis files for score.py, timing
 * decode-only and end-to-end in the same run.
 * Usage: {@code SpeechEvalRunner EVAL_DIR HYP_DIR [--stereo] [--beam=N]} (with --stereo, NAME.stereo.wav is used where
 * present; --beam overrides the default beam width, 1 = greedy).
 */
public final class SpeechEvalRunner {

    public static void main(String[] args) throws Exception {
        Path eval = Path.of(args[0]);
        Path out = Path.of(args[1]);
        // flags may arrive as one argument ("--stereo --beam=4" through -Deval.flags)
        List<String> flags = Arrays.stream(args).skip(2).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .toList();
        boolean stereo = flags.contains("--stereo");
        int beam = flags.stream().filter(a -> a.startsWith("--beam="))
                .mapToInt(a -> Integer.parseInt(a.substring("--beam=".length()))).findFirst().orElse(SpeechSettings.DEFAULT_BEAM_WIDTH);
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper();
        List<Path> meetings;
        try (Stream<Path> files = Files.list(eval)) {
            meetings = files.filter(p -> p.toString().endsWith(".wav") && !p.toString().endsWith(".stereo.wav"))
                    .sorted().toList();
        }
        double audioS = 0, decodeS = 0, totalS = 0, cpuS = 0;
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (SpeechTranscriber transcriber = new SpeechTranscriber(SpeechSettings.defaults().withBeamWidth(beam))) {
            // warm-up: sessions and JIT, not counted
            transcriber.transcribe(wav(meetings.get(0)), p -> { });
            for (Path wav : meetings) {
                String name = wav.getFileName().toString().replace(".wav", "");
                Path stereoWav = eval.resolve(name + ".stereo.wav");
                Path input = stereo && Files.exists(stereoWav) ? stereoWav : wav;
                long t0 = System.nanoTime();
                long[] samples = {0};
                new AudioDecoder().decode(input, "audio/wav", 1, (c, n) -> samples[0] += n);
                long t1 = System.nanoTime();
                long cpu0 = os.getProcessCpuTime();
                Transcriber.Transcription result = transcriber.transcribe(wav(input), p -> { });
                long t2 = System.nanoTime();
                cpuS += (os.getProcessCpuTime() - cpu0) / 1e9;
                double seconds = result.durationMs() / 1000.0;
                audioS += seconds;
                decodeS += (t1 - t0) / 1e9;
                totalS += (t2 - t1) / 1e9;
                System.out.printf("%-28s %6.1f s audio  decode-only RTF %.4f  end-to-end RTF %.4f  speakers %d  turns %d%n",
                        input.getFileName(), seconds, (t1 - t0) / 1e9 / seconds, (t2 - t1) / 1e9 / seconds,
                        result.transcript().speakers().size(), result.transcript().turns().size());
                ObjectNode hyp = json.createObjectNode();
                ArrayNode turns = hyp.putArray("turns");
                for (Turn t : result.transcript().turns()) {
                    turns.addObject().put("speaker", t.speaker()).put("startMs", t.startMs()).put("endMs", t.endMs())
                            .put("text", t.text());
                }
                json.writerWithDefaultPrettyPrinter().writeValue(out.resolve(name + ".json").toFile(), hyp);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("TOTAL %.1f s audio on %d cores: decode-only RTF %.4f, end-to-end RTF %.4f (%.1fx decode-only)%n",
                audioS, cores, decodeS / audioS, totalS / audioS, totalS / decodeS);
        // wall time suffers when other processes share the cores; CPU time spread over all cores does not
        System.out.printf("end-to-end CPU time %.1f s = %.4f s per audio second per core (the RTF on %d idle cores), machine load %.1f%n",
                cpuS, cpuS / audioS / cores, cores, os.getSystemLoadAverage());
    }

    static MediaSource wav(Path file) {
        return new MediaSource() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public String mimeType() {
                return "audio/wav";
            }

            @Override
            public long sizeBytes() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    private SpeechEvalRunner() {
    }
}
