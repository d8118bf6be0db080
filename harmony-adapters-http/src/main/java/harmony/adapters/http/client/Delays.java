package harmony.adapters.http.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a retry after its wait without holding a thread during it; a seam so tests need not wait.
 * The task only starts a non-blocking request, so it may run on the timer's own thread.
 */
@FunctionalInterface
public interface Delays {

    Delays SYSTEM = wait -> CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, Runnable::run);

    /** An executor that runs what it is given once {@code wait} has passed. */
    Executor after(Duration wait);
}
