package harmony.core.error;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DiskFullTest {

    @Test
    void recognisesTheOperatingSystemsTextsAnywhereInTheCauses() {
        assertThat(DiskFull.causedBy(new IOException("No space left on device"))).isTrue();
        assertThat(DiskFull.causedBy(new FileSystemException("/data/a", null, "Disk quota exceeded"))).isTrue();
        assertThat(DiskFull.causedBy(new IOException("File too large"))).isTrue();
        assertThat(DiskFull.causedBy(new UncheckedIOException(new IOException("No space left on device")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DiskFull.causedBy(new IOException("Permission denied"))).isFalse();
        assertThat(DiskFull.causedBy(new IOException((String) null))).isFalse();
        assertThat(DiskFull.causedBy(null)).isFalse();
    }
}
