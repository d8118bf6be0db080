package harmony.bench.transcript;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs {@link TranscriptParseBenchmark} and prints each reader's median throughput in MB/s
 * (10^6 bytes of UTF-8 input per second) against its target, and the JSON readers beside Jackson's
 * {@code readTree} of the same input.
 * <p>
 * Arguments (optional): warmup iterations, measurement iterations, seconds per iteration, forks
 * (defaults 10 5 1 1). Run it with
 * <pre>
 * mvn -q -B -pl harmony-bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp harmony-bench/target/classes:$(cat harmony-bench/target/classpath.txt) harmony.bench.transcript.TranscriptParseThroughput
 * </pre> The warmup is long on purpose: on a busy machine the JIT needs several
 * seconds to finish compiling the readers, and a short warmup measures the interpreter.
 */
public final class TranscriptParseThroughput {

    public static void main(String[] args) throws RunnerException {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int forks = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Options options = new OptionsBuilder()
                .include(TranscriptParseBenchmark.class.getName())
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .forks(forks).jvmArgsAppend("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();

        TranscriptParseBenchmark inputs = new TranscriptParseBenchmark();
        inputs.generate();
        Map<String, Integer> bytes = new LinkedHashMap<>();
        bytes.put("plainTextBracketed", utf8(inputs.bracketedText));
        bytes.put("plainTextOtter", utf8(inputs.otterText));
        bytes.put("srt", utf8(inputs.srtText));
        bytes.put("webVtt", utf8(inputs.vttText));
        bytes.put("jsonHarmony", utf8(inputs.harmonyJson));
        bytes.put("jsonDeepgramWords", utf8(inputs.deepgramJson));
        bytes.put("jacksonReadTreeHarmony", utf8(inputs.harmonyJson));
        bytes.put("jacksonReadTreeDeepgramWords", utf8(inputs.deepgramJson));

        Map<String, Double> mbPerSecond = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            double opsPerSecond = result.getPrimaryResult().getStatistics().getPercentile(50);
            mbPerSecond.put(name, opsPerSecond * bytes.get(name) / 1e6);
        }
        System.out.println();
        System.out.println("Transcript parse throughput (median of " + iterations * forks + " iterations of " + seconds
                + " s after " + warmups + " warmups, ~1 MB inputs; load average "
                + String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + " on " + Runtime.getRuntime().availableProcessors() + " CPUs)");
        System.out.printf("%-30s %10s %8s %s%n", "benchmark", "MB/s", "target", "");
        for (String name : bytes.keySet()) {
            Double mb = mbPerSecond.get(name);
            if (mb == null) {
                continue;
            }
            int target = name.startsWith("json") ? 30 : name.startsWith("jackson") ? 0 : 50;
            System.out.printf("%-30s %10.1f %8s %s%n", name, mb, target == 0 ? "baseline" : ">= " + target,
                    target == 0 ? "" : mb >= target ? "ok" : "BELOW TARGET");
        }
        ratio(mbPerSecond, "jsonHarmony", "jacksonReadTreeHarmony");
        ratio(mbPerSecond, "jsonDeepgramWords", "jacksonReadTreeDeepgramWords");
    }

    private static void ratio(Map<String, Double> mb, String reader, String baseline) {
        if (mb.containsKey(reader) && mb.containsKey(baseline)) {
            System.out.printf("%s / %s = %.2f (full read incl. the tree vs the tree alone)%n", reader, baseline,
                    mb.get(reader) / mb.get(baseline));
        }
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private TranscriptParseThroughput() {
    }
}
