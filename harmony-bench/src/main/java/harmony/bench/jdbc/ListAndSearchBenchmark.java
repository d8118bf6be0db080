package harmony.bench.jdbc;

import harmony.adapters.jdbc.JdbcHarmonyStore;
import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Page;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Listing and searching a workspace holding 100,000 conversations (titles plus 60-word transcripts
 * from a skewed 3,000-word vocabulary). Planted words give known selectivity: "pricing" and
 * "renewal" are each in 5% (both in about 0.25%), "kubernetes" in 0.1%; the commonest vocabulary
 * word is in most conversations. Reports sample time: the runner prints medians.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ListAndSearchBenchmark {
    static final int CONVERSATIONS = 100_000;

    @Param({"h2", "postgresql"})
    public String database;

    private BenchDatabase db;
    private JdbcHarmonyStore store;
    private ConversationRepository repository;
    private ConversationQuery all;
    private String secondPage;
    private String commonWord;

    @Setup
    public void setUp() throws Exception {
        db = BenchDatabase.open(database, "list");
        store = JdbcHarmonyStore.builder(db.url).credentials(db.user, null).open();
        repository = store.conversations();
        if (count() != CONVERSATIONS) {
            load();
        }
        Corpus corpus = new Corpus(1);
        commonWord = corpus.vocabulary[0];
        all = ConversationQuery.all(Corpus.WS);
        secondPage = repository.list(all).nextCursor();
    }

    private long count() throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM conversations")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void load() throws Exception {
        long started = System.nanoTime();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM conversations");
        }
        Corpus corpus = new Corpus(1);
        ProcessingStatus[] statuses = ProcessingStatus.values();
        int batch = 1_000;
        for (int from = 0; from < CONVERSATIONS; from += batch) {
            int start = from;
            store.transactions().inTransaction(() -> {
                for (int i = start; i < start + batch; i++) {
                    StringBuilder title = new StringBuilder("Call ").append(i).append(' ').append(corpus.word());
                    if (i % 20 == 3) {
                        title.append(" pricing");
                    }
                    if (i % 20 == 7 || i % 400 == 3) {
                        title.append(" renewal");
                    }
                    if (i % 1000 == 11) {
                        title.append(" kubernetes");
                    }
                    Conversation c = Corpus.conversation("c-" + i, title.toString(), Corpus.T0.plusSeconds(i * 60L),
                            statuses[i % statuses.length], "team-" + (i % 4));
                    repository.create(c, Optional.of(corpus.transcript(60)));
                }
            });
        }
        if (db.url.startsWith("jdbc:postgresql")) {
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
        }
        System.out.printf("%n[%s] loaded %,d conversations in %.0f s%n", database, CONVERSATIONS,
                (System.nanoTime() - started) / 1e9);
    }

    @TearDown
    public void tearDown() throws Exception {
        store.close();
        db.close();
    }

    @Benchmark
    public Page<Conversation> listNewest() {
        return repository.list(all);
    }

    @Benchmark
    public Page<Conversation> listSecondPage() {
        return repository.list(all.withCursor(secondPage));
    }

    @Benchmark
    public Page<Conversation> listByStatus() {
        return repository.list(new ConversationQuery(Corpus.WS, ProcessingStatus.COMPLETED, null, null, null, null,
                null, null, ConversationQuery.DEFAULT_LIMIT, null));
    }

    @Benchmark
    public Page<Conversation> listByTeamAndTag() {
        return repository.list(new ConversationQuery(Corpus.WS, null, "team-2", null, null, "q3",
                null, null, ConversationQuery.DEFAULT_LIMIT, null));
    }

    @Benchmark
    public Page<Conversation> searchCommonWord() {
        return repository.list(all.withText(commonWord));
    }

    @Benchmark
    public Page<Conversation> searchFivePercentWord() {
        return repository.list(all.withText("pricing"));
    }

    @Benchmark
    public Page<Conversation> searchTwoWords() {
        return repository.list(all.withText("pricing renewal"));
    }

    @Benchmark
    public Page<Conversation> searchRareWord() {
        return repository.list(all.withText("kubernetes"));
    }

    static List<String> names() {
        return List.of("listNewest", "listSecondPage", "listByStatus", "listByTeamAndTag", "searchCommonWord",
                "searchFivePercentWord", "searchTwoWords", "searchRareWord");
    }
}
