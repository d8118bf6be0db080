package harmony.adapters.speech.onnx;

import ai.onnxruntime.OrtEnvironment;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ONNX Runtime environment, started on a thread with a large stack. Started on a thread with the JVM's
 * default 1 MB stack, ONNX Runtime 1.29's native start-up killed the JVM with SIGSEGV (no error file) once the
 * class path was long (the harmony-bench runners' ~12 KB); with 4 MB it started. Sessions and runs need no more
 * than the default afterwards.
 */
public final class OnnxRuntime {
    private static final long STACK_BYTES = 16L << 20;
    private static volatile OrtEnvironment environment;

    public static OrtEnvironment environment() {
        OrtEnvironment env = environment;
        if (env != null) {
            return env;
        }
        synchronized (OnnxRuntime.class) {
            if (environment == null) {
                AtomicReference<Object> outcome = new AtomicReference<>();
                Thread starter = new Thread(null, () -> {
                    try {
                        outcome.set(OrtEnvironment.getEnvironment());
                    } catch (Throwable t) {
                        outcome.set(t);
                    }
                }, "onnxruntime-start", STACK_BYTES);
                starter.start();
                boolean interrupted = false;
                while (true) {
                    try {
                        starter.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (outcome.get() instanceof Throwable t) {
                    throw new IllegalStateException("ONNX Runtime failed to start", t);
                }
                environment = (OrtEnvironment) outcome.get();
            }
            return environment;
        }
    }

    private OnnxRuntime() {
    }
}
