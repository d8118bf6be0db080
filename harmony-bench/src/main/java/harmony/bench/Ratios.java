package harmony.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.util.Statistics;

import java.util.Collection;
import java.util.Locale;

/**
 * Runs JMH benchmarks and prints each candidate beside its baseline from the same run, as a ratio
 * of medians (the machines are noisy; medians are steadier than means).
 */
public final class Ratios {

    public static Collection<RunResult> run(Options options) throws RunnerException {
        return new Runner(options).run();
    }

    /** The median score of the benchmark method {@code name} (simple method name). */
    public static double median(Collection<RunResult> results, String name) {
        return stats(results, name).getPercentile(50);
    }

    public static Statistics stats(Collection<RunResult> results, String name) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no benchmark " + name))
                .getPrimaryResult().getStatistics();
    }

    public static String unit(Collection<RunResult> results, String name) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + name)).findFirst()
                .orElseThrow().getPrimaryResult().getScoreUnit();
    }

    /** Prints "candidate: X unit (median) | baseline: Y unit | ratio candidate/baseline = R (target ...)". */
    public static double print(Collection<RunResult> results, String candidate, String baseline, String target) {
        double c = median(results, candidate);
        double b = median(results, baseline);
        double ratio = c / b;
        System.out.printf(Locale.ROOT, "%-28s median %12.3f %s%n", candidate, c, unit(results, candidate));
        System.out.printf(Locale.ROOT, "%-28s median %12.3f %s%n", baseline, b, unit(results, baseline));
        System.out.printf(Locale.ROOT, "ratio %s / %s = %.3f   (%s)%n%n", candidate, baseline, ratio, target);
        return ratio;
    }

    private Ratios() {
    }
}
