package harmony.adapters.speech.decode;

import harmony.core.port.out.MediaSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A recording copied to a temporary file: FFmpeg needs to seek (an MP4 may keep its index at the end),
 * and a file on disk lets it do so without holding the recording in memory.
 */
public final class SpooledMedia implements AutoCloseable {
    private final Path file;
    private final String mimeType;

    private SpooledMedia(Path file, String mimeType) {
        this.file = file;
        this.mimeType = mimeType;
    }

    public static SpooledMedia of(MediaSource media) throws IOException {
        Path file = Files.createTempFile("harmony-media", ".bin");
        try (InputStream in = media.open()) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledMedia(file, media.mimeType());
    }

    public Path file() {
        return file;
    }

    public String mimeType() {
        return mimeType;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
