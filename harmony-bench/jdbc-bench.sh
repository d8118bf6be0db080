#!/bin/sh
# Runs the JDBC benchmarks (harmony.bench.jdbc.JdbcBenchmarks) from the reactor build, no install.
# Usage, from the repository root: harmony-bench/jdbc-bench.sh [write|read|paired] [h2|postgresql]
set -e
cd "$(dirname "$0")/.."
mvn -q -B -pl harmony-bench -am compile -DskipTests
mvn -q -B -pl harmony-bench -am dependency:build-classpath -Dmdep.outputFile=target/cp.txt
# Reactor modules resolve to their target/classes, not to installed snapshot jars.
CP=$(sed -E "s#[^:]*/dev/harmony/([^/]+)/[^:]*SNAPSHOT\.jar#$PWD/\1/target/classes#g" harmony-bench/target/cp.txt)
cd harmony-bench
# ignoreLock: other engineers' JMH runs on this shared machine hold /tmp/jmh.lock for minutes.
exec java -Djmh.ignoreLock=true -cp "target/classes:$CP" harmony.bench.jdbc.JdbcBenchmarks "$@"
