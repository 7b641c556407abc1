#!/usr/bin/env bash
# Reads per second of the catalogue and the annual statistics of a school with 100,000 items (publish-service over
# HTTP, real PostgreSQL), against a database-free endpoint as the baseline. Knobs: BENCH_READ_ITEMS=100000
# BENCH_READ_SECONDS=15 BENCH_READ_THREADS=8 BENCH_SKIP_BUILD=true. Stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
. local-stack/require-java.sh
if [ "${BENCH_SKIP_BUILD:-false}" != "true" ]; then
  ./mvnw -B -q package -DskipTests
fi
mkdir -p .bench
exec "$JAVA_BIN" -Xmx512m -Dfile.encoding=UTF-8 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp 'bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' io.xxgk.bench.CatalogueReadBenchmark "$@"
