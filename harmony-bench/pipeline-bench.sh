#!/bin/sh
# Runs the pipeline engine overhead benchmark (harmony.bench.pipeline.PipelineOverheadBenchmark) from the
# reactor build, no install, on 2 cores. Extra arguments go to JMH, e.g. -wi 2 -i 5 -w 2s -r 2s -p workers=1,2
set -e
cd "$(dirname "$0")/.."
mvn -q -B -pl harmony-bench -am compile -DskipTests
mvn -q -B -pl harmony-bench -am dependency:build-classpath -Dmdep.outputFile=target/cp.txt
# Reactor modules resolve to their target/classes, not to installed snapshot jars.
CP=$(sed -E "s#[^:]*/dev/harmony/([^/]+)/[^:]*SNAPSHOT\.jar#$PWD/\1/target/classes#g" harmony-bench/target/cp.txt)
cd harmony-bench
exec java -Djmh.ignoreLock=true -XX:ActiveProcessorCount=2 -cp "target/classes:$CP" \
    harmony.bench.pipeline.PipelineOverheadBenchmark "$@"
