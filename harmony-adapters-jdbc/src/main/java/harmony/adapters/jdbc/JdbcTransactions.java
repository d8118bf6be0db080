package harmony.adapters.jdbc;

import harmony.core.port.out.Transactions;

import java.util.function.Supplier;

/**
 * One database transaction per unit of work, shared by every repository of the same
 * {@link JdbcHarmonyStore} on the calling thread: a conversation, its recording, its first job and
 * its event commit together or not at all. Nested calls join the outer transaction.
 */
public final class JdbcTransactions implements Transactions {
    private final Database database;

    JdbcTransactions(Database database) {
        this.database = database;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return database.inTransaction(work);
    }
}
