package harmony.adapters.speech;

import harmony.core.port.out.MediaSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file on disk as a {@link MediaSource}. */
public record TestMedia(Path file, String mimeType) implements MediaSource {
    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public long sizeBytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The core module's tiny sample of every accepted format. */
    public static Path coreSample(String name) {
        Path here = Path.of("").toAbsolutePath();
        Path module = here.getFileName().toString().equals("harmony-adapters-speech") ? here.getParent() : here;
        return module.resolve("harmony-core/src/test/resources/media").resolve(name);
    }
}
