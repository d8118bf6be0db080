package harmony.testkit;

import harmony.core.port.out.Transactions;

import java.util.function.Supplier;

/**
 * Serialises units of work. In-memory adapters apply writes immediately, so there is no rollback:
 * core's services validate before they write, which keeps that safe.
 */
public final class InMemoryTransactions implements Transactions {
    private final Object lock = new Object();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        synchronized (lock) {
            return work.get();
        }
    }
}
