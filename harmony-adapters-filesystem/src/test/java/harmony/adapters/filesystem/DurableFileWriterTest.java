package harmony.adapters.filesystem;

import harmony.testkit.FailingInputStream;
import harmony.testkit.GeneratedBytes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import static harmony.adapters.filesystem.DurableFileWriter.BUFFER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class DurableFileWriterTest {
    @TempDir
    Path folder;

    /** Sizes around the buffer and the direct-I/O block boundaries, on both write paths. */
    static Stream<Arguments> sizes() {
        long[] sizes = {0, 1, 4095, BUFFER - 1, BUFFER, BUFFER + 1, 2L * BUFFER, 2L * BUFFER + 4096, 3L * BUFFER + 12_345,
                5L * BUFFER + 7};
        return Stream.of(true, false).flatMap(direct -> java.util.Arrays.stream(sizes).mapToObj(size -> Arguments.of(direct, size)));
    }

    @ParameterizedTest(name = "direct I/O allowed {0}, {1} bytes")
    @MethodSource("sizes")
    void writesEveryByteOnceInOrderAndDigestsThem(boolean direct, long size) throws IOException {
        Path file = folder.resolve("object");
        MessageDigest sha = FileSystemRecordingStore.sha256();

        long written = DurableFileWriter.write(new GeneratedBytes(7, size), file, sha, direct);

        String expected = GeneratedBytes.sha256(7, size);
        assertThat(written).isEqualTo(size);
        assertThat(file).hasSize(size); // the direct path's padding is cut off again
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(expected);
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(GeneratedBytes.sha256Of(in)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "direct I/O allowed {0}")
    @MethodSource("paths")
    void aStreamFailingAfterSeveralBuffersFailsWithItsOwnErrorOnceNoWriteIsRunning(boolean direct) throws IOException {
        Path file = folder.resolve("object");
        IOException broken = new IOException("connection reset");

        Throwable thrown = catchThrowable(() -> DurableFileWriter.write(
                new FailingInputStream(new GeneratedBytes(3, 10L * BUFFER), 3L * BUFFER + 100, broken), file,
                FileSystemRecordingStore.sha256(), direct));

        assertThat(thrown).isSameAs(broken);
        Files.delete(file); // possible at once: no write is still holding it
        assertThat(folder).isEmptyDirectory();
    }

    @org.junit.jupiter.api.Test
    void onExt4AndXfsTheBulkOfAStreamGoesThroughDirectIo() throws IOException {
        Path file = Files.createFile(folder.resolve("probe"));
        String type = Files.getFileStore(file).type();
        org.junit.jupiter.api.Assumptions.assumeTrue(type.equals("ext4") || type.equals("xfs"),
                "direct I/O is only asserted on ext4 and xfs, this folder is on " + type);

        assertThat(DurableFileWriter.directAlignment(file)).isPositive();
        try (java.nio.channels.FileChannel direct = DurableFileWriter.openDirect(file)) {
            assertThat(direct).as("O_DIRECT channel").isNotNull();
        }
    }

    static Stream<Boolean> paths() {
        return Stream.of(true, false);
    }
}
