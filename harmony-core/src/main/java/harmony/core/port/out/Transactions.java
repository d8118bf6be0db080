package harmony.core.port.out;

import java.util.function.Supplier;

/**
 * Runs work atomically across the ports of one store: a new conversation, its recording row and its
 * first job are written together or not at all.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
