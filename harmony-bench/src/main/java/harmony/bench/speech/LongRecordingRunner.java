package harmony.bench.speech;

import harmony.adapters.speech.SpeechSettings;
import harmony.adapters.speech.SpeechTranscriber;
import harmony.core.port.out.Transcriber;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bounded memory on a long recording: concatenates the eval set's meetings into one WAV of the requested length,
 * transcribes it and prints the peak heap used (run with e.g. {@code -Xmx512m}).
 * Usage: {@code LongRecordingRunner EVAL_DIR MINUTES WORK_DIR}.
 */
public final class LongRecordingRunner {

    public static void main(String[] args) throws Exception {
        Path eval = Path.of(args[0]);
        double minutes = Double.parseDouble(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        Path wav = work.resolve("long-" + (int) minutes + "min.wav");
        long samples = (long) (minutes * 60 * 16_000);
        writeLoop(eval, wav, samples);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        Transcriber.Transcription result;
        try (SpeechTranscriber transcriber = new SpeechTranscriber(SpeechSettings.defaults())) {
            double[] last = {0};
            result = transcriber.transcribe(SpeechEvalRunner.wav(wav), p -> {
                if (p - last[0] >= 0.1 || p == 1.0) {
                    last[0] = p;
                    System.out.printf("progress %.0f%%%n", p * 100);
                }
            });
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%.1f min of audio: %d turns, %d speakers, %.0f s wall, RTF %.4f, max heap %d MB, peak heap used %d MB%n",
                result.durationMs() / 60000.0, result.transcript().turns().size(), result.transcript().speakers().size(),
                seconds, seconds / (result.durationMs() / 1000.0), Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);
        Files.delete(wav);
    }

    /** The meetings' PCM, over and over, under one WAV header. */
    private static void writeLoop(Path eval, Path wav, long samples) throws IOException {
        List<Path> meetings;
        try (Stream<Path> files = Files.list(eval)) {
            meetings = files.filter(p -> p.toString().endsWith(".wav") && !p.toString().endsWith(".stereo.wav")).sorted().toList();
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(wav), 1 << 20)) {
            ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            long data = samples * 2;
            h.put("RIFF".getBytes()).putInt((int) (36 + data)).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                    .putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                    .put("data".getBytes()).putInt((int) data);
            out.write(h.array());
            long left = data;
            while (left > 0) {
                for (Path m : meetings) {
                    byte[] pcm = Files.readAllBytes(m);
                    int n = (int) Math.min(left, pcm.length - 44);
                    out.write(pcm, 44, n);
                    left -= n;
                    if (left == 0) {
                        break;
                    }
                }
            }
        }
    }

    private LongRecordingRunner() {
    }
}
