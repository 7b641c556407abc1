#!/usr/bin/env bash
# End-to-end benchmark of the pipeline, in one command (see BENCHMARKS.md):
#   starts the same embedded servers as ./run.sh (Kafka KRaft JVM, PostgreSQL, S3Proxy JVM) and the three services on
#   free ports with a fresh data folder under ./.bench, drives load through the public REST API from this separate
#   process, runs Kafka's ProducerPerformance on the same broker as the baseline, prints a table and ends with
#   RESULT pipeline_items_per_s=... baseline_records_per_s=... ratio=... p99_ms=... lost=... duplicated=...
# Ctrl-C (or any failure) stops every process it started and deletes the data folder.
#
# Knobs (environment, or --name=value arguments):
#   BENCH_SINGLE=5000 BENCH_SINGLE_CONCURRENCY=16  BENCH_BATCH=20000 BENCH_BATCH_SIZE=500 BENCH_BATCH_CONCURRENCY=2
#   BENCH_BULK=100000  BENCH_WARMUP=1000  BENCH_LATENCY_SECONDS=30 BENCH_LATENCY_RATE=1000 BENCH_LATENCY_SAMPLE_EVERY=10
#   BENCH_LATENCY_POLL_MS=20  BENCH_BASELINE_RECORDS=200000  BENCH_STALL_SECONDS=90  BENCH_TIMEOUT_SECONDS=1800
#   BENCH_SKIP_BUILD=true (use the existing build)   BENCH_KEEP_DATA=true (keep .bench/run-*, with the logs)
#   BENCH_PROFILE=true  record every JVM with JFR and print where the CPU goes (recordings kept in .bench/profile-*)
set -euo pipefail
cd "$(dirname "$0")/.."

# Java 17 or newer (sets JAVA_BIN, or explains and exits): the check ./run.sh uses
. local-stack/require-java.sh

if [ "${BENCH_SKIP_BUILD:-false}" != "true" ]; then
  echo "构建中 / building (./mvnw -B -q package -DskipTests) ..."
  ./mvnw -B -q package -DskipTests
fi
if [ ! -f bench/target/bench-0.1.0-SNAPSHOT.jar ]; then
  echo "bench/target/bench-0.1.0-SNAPSHOT.jar is missing: run without BENCH_SKIP_BUILD=true" >&2
  exit 1
fi

# Run from a private copy of the build: other builds on this machine rewrite */target/quarkus-app while the benchmark
# runs, and a Quarkus service whose jars are replaced under it can hang in its class loader (seen on the shared box).
mkdir -p .bench
for old in .bench/app-*; do
  if [ -d "$old" ] && ! kill -0 "$(cat "$old/pid" 2>/dev/null || echo 0)" 2>/dev/null; then rm -rf "$old"; fi
done
SNAP="$PWD/.bench/app-$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$SNAP/bench" "$SNAP/local-stack/kafka-dist/target" "$SNAP/local-stack/s3proxy-dist/target"
echo $$ > "$SNAP/pid"   # exec keeps the pid: the benchmark JVM
for m in ingest-service classify-service publish-service; do
  mkdir -p "$SNAP/$m/target"
  cp -r --reflink=auto "$m/target/quarkus-app" "$SNAP/$m/target/"
done
cp -r --reflink=auto local-stack/kafka-dist/target/lib "$SNAP/local-stack/kafka-dist/target/"
cp -r --reflink=auto local-stack/s3proxy-dist/target/lib "$SNAP/local-stack/s3proxy-dist/target/"
cp -r --reflink=auto bench/target/lib bench/target/bench-0.1.0-SNAPSHOT.jar "$SNAP/bench/"
# which code is measured: the commit, and whether the working tree had local changes
BENCH_GIT="$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- . ':!bench' 2>/dev/null || echo ' + local changes')"
export BENCH_GIT
export XXGK_PROJECT_ROOT="$SNAP" XXGK_KAFKA_LIB="$SNAP/local-stack/kafka-dist/target/lib" \
  XXGK_S3PROXY_LIB="$SNAP/local-stack/s3proxy-dist/target/lib" BENCH_SNAPSHOT_DIR="$SNAP"

if [ "${BENCH_PROFILE:-false}" = "true" ]; then
  BENCH_PROFILE_DIR="${BENCH_PROFILE_DIR:-$PWD/.bench/profile-$(date +%Y%m%d-%H%M%S)}"
  mkdir -p "$BENCH_PROFILE_DIR"
  export BENCH_PROFILE_DIR
  # inherited by every child JVM (Kafka, S3Proxy, the three services, ProducerPerformance): one recording each,
  # written when the JVM stops
  export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -XX:StartFlightRecording=filename=$BENCH_PROFILE_DIR,settings=profile,dumponexit=true"
fi

# exec: Ctrl-C (SIGINT) or SIGTERM reach the benchmark, whose shutdown hook stops every process it started and
# deletes its data folder and this copy of the build
exec "$JAVA_BIN" -Xms256m -Xmx768m -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.logFile=System.err \
  -cp "$SNAP/bench/bench-0.1.0-SNAPSHOT.jar:$SNAP/bench/lib/*" io.xxgk.bench.PipelineBenchmark "$@"
