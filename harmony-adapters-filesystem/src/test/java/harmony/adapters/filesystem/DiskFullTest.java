package harmony.adapters.filesystem;

import harmony.core.error.ErrorKind;
import harmony.core.error.UserMessages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full disk, for real: a child JVM runs the store on a 4 MiB tmpfs, mounted in a private mount namespace
 * ({@code unshare --user --map-root-user --mount}: no root needed where unprivileged user namespaces are on,
 * as on Debian, and nothing mounted outside the child). The kernel answers ENOSPC exactly as a full data disk
 * would, which a test double could only imitate, and the JVM's own {@code ulimit -f} route gives EFBIG instead.
 */
class DiskFullTest {
    private static final String MOUNT_AND_RUN = "mount -t tmpfs -o size=4m harmony-disk-full \"$0\" && exec \"$@\"";

    @TempDir
    Path mountPoint;

    @Test
    void aFullDiskRefusesTheWriteWithTheProductMessageAndLeavesNothingHalfWritten() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c", MOUNT_AND_RUN,
                mountPoint.toString(), java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                DiskFullMain.class.getName(), mountPoint.toString());
        Process child;
        try {
            child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            skipUnlessCi("unshare is missing (apt-get install util-linux): " + e.getMessage());
            return;
        }
        CompletableFuture<String> log = CompletableFuture.supplyAsync(() -> readAll(child));
        if (!child.waitFor(2, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the child did not finish within 2 minutes");
        }
        String output = log.get();
        if (output.contains("harmony-disk-full") || output.startsWith("unshare:")) { // the mount itself was refused
            skipUnlessCi("cannot mount a small tmpfs in a user namespace here (needs kernel.unprivileged_userns_clone=1 "
                    + "or root): " + output.strip());
        }
        assertThat(child.exitValue()).as(output).isZero();

        assertThat(output).contains("stored " + DiskFullMain.SMALL + "\n");
        assertThat(output).contains("put-refused " + ErrorKind.INSUFFICIENT_STORAGE + " | " + UserMessages.STORAGE_FULL
                + " | java.io.IOException: No space left on device");
        assertThat(output).contains("upload-refused " + ErrorKind.INSUFFICIENT_STORAGE + " | records 0 | jobs 0");
        assertThat(output).contains("part-refused " + ErrorKind.INSUFFICIENT_STORAGE + " | " + UserMessages.STORAGE_FULL);
        assertThat(output).contains("stored-again " + DiskFullMain.SMALL + "\n");
        List<String> files = output.lines().filter(l -> l.startsWith("file ")).map(l -> l.substring(5)).toList();
        // Only the two objects that fitted and their digests: no temp file, no digest of the refused one, no part.
        assertThat(files).hasSize(4).allMatch(f -> f.endsWith("ws-1+first.wav") || f.endsWith("ws-1+second.wav")
                || f.endsWith(".ws-1+first.wav.sha256") || f.endsWith(".ws-1+second.wav.sha256"));
    }

    private static void skipUnlessCi(String why) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why);
        }
        Assumptions.abort(why);
    }

    private static String readAll(Process child) {
        try (var in = child.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
