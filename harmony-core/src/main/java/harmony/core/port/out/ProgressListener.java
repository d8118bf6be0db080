package harmony.core.port.out;

/** Receives how far a long operation has come, as a fraction 0..1. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = fraction -> { };

    void progress(double fraction);
}
