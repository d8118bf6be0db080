package harmony.adapters.speech;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import harmony.adapters.speech.models.ModelLocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the speech tests need from the machine: the model cache, espeak-ng, sox and ffmpeg. */
public final class Tools {
    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    /** The model cache, or a skip (a failure under CI=true) saying how to fill it. */
    public static ModelLocator models() {
        ModelLocator locator = ModelLocator.fromEnvironment();
        require(locator.isComplete(), "speech models are missing from " + locator.directory()
                + ": run `mvn -pl harmony-adapters-speech process-classes` (needs npm) or set HARMONY_MODELS_DIR");
        return locator;
    }

    public static void requireCommands(String... commands) {
        for (String command : commands) {
            boolean present;
            try {
                Process p = new ProcessBuilder("sh", "-c", "command -v " + command).start();
                present = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                present = false;
            }
            require(present, command + " is not installed: apt-get install -y espeak-ng sox ffmpeg");
        }
    }

    private static void require(boolean condition, String message) {
        if (CI && !condition) {
            throw new AssertionError(message);
        }
        assumeTrue(condition, message);
    }

    /** Runs a command and fails the test when it fails. */
    public static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** A 16 kHz mono WAV of {@code text} spoken by espeak-ng with the given voice arguments. */
    public static Path speak(Path dir, String name, String text, String... voice) throws IOException, InterruptedException {
        requireCommands("espeak-ng", "sox");
        Path raw = dir.resolve(name + ".raw.wav");
        Path out = dir.resolve(name + ".wav");
        List<String> cmd = new ArrayList<>(List.of("espeak-ng"));
        cmd.addAll(List.of(voice));
        cmd.addAll(List.of("-w", raw.toString(), text));
        run(cmd.toArray(String[]::new));
        run("sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", out.toString());
        return out;
    }

    public static float[] read(Path wav) throws Exception {
        return Wav.read(wav);
    }

    public static final String[] VOICE_A = {"-v", "en-us", "-s", "150"};
    public static final String[] VOICE_B = {"-v", "en-us+f3", "-p", "70", "-s", "140"};

    private Tools() {
    }
}
