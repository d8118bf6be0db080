#!/bin/sh
# Runs the JDBC benchmarks (harmony.bench.jdbc.JdbcBenchmarks) from the reactor build, no install.
# Usage, from the repository root: harmony-bench/jdbc-bench.sh [write|read|paired] [h2|postgresql]
set -e
cd "$(dirname "$0")/.."
# One reactor invocation, so Harmony's modules resolve to their target/classes (nothing is installed).
mvn -q -B -pl harmony-bench -am compile dependency:build-classpath -DskipTests -Dmdep.outputFile=target/cp.txt
CP=$(cat harmony-bench/target/cp.txt)
cd harmony-bench
# ignoreLock: other engineers' JMH runs on this shared machine hold /tmp/jmh.lock for minutes.
exec java -Djmh.ignoreLock=true -cp "target/classes:$CP" harmony.bench.jdbc.JdbcBenchmarks "$@"
