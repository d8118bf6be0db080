package harmony.adapters.http.client;

import java.time.Duration;

/** Waits between retries; a seam so tests need not wait. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
