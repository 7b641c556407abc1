#!/usr/bin/env bash
# The long chaos run (issue 16): a fresh stack on free ports (same embedded servers as ./run.sh), CHAOS_ITEMS items
# posted by CHAOS_CLIENTS clients through ingest's API (503, other 5xx and connection errors retried with the same id),
# while ingest, classify, publish and the object store are SIGKILLed and restarted in turn, then PostgreSQL is
# SIGKILLed and kept down CHAOS_OUTAGE_SECONDS (the Kafka broker is SIGKILLed and restarted meanwhile). No manual step
# afterwards: it waits for the catalogue to hold every accepted id, audits publish's database and the whole submitted
# and dead-letter topics, and prints exactly one line on stdout (progress goes to stderr):
#   CHAOS accepted=... lost=... duplicated=... dead_lettered=... stalled_s=...
# lost: accepted (202) but not in the catalogue; duplicated: ids on the submitted topic (or in the catalogue history)
# more than once; dead_lettered: good items on the dead-letter topic; stalled_s: the longest time without progress in
# the catalogue after the outage ended. Exit code 0 only if all of them are 0 (stalled_s aside) and the pipeline drained.
#
# Knobs (environment, or --NAME=value arguments): CHAOS_ITEMS=100000 CHAOS_CLIENTS=8 CHAOS_RATE=0 (items/s in all, 0 =
#   as fast as the clients go) CHAOS_OUTAGE_SECONDS=180 CHAOS_KILL_POSTGRES=true (false: fast shutdown)
#   CHAOS_SETTLE_SECONDS=10 CHAOS_DRAIN_SECONDS=1800 CHAOS_STALL_LIMIT_SECONDS=600
#   CHAOS_SKIP_BUILD=true (use the existing build)  CHAOS_KEEP_DATA=true (keep .bench/chaos-*, with every log)
# From a clean checkout:  ./mvnw -q package -DskipTests && CHAOS_SKIP_BUILD=true bench/chaos.sh
set -euo pipefail
cd "$(dirname "$0")/.."

. local-stack/require-java.sh

if [ "${CHAOS_SKIP_BUILD:-false}" != "true" ]; then
  echo "构建中 / building (./mvnw -B -q package -DskipTests) ..." >&2
  ./mvnw -B -q package -DskipTests >&2
fi
LAUNCHER=local-stack/launcher/target/launcher-0.1.0-SNAPSHOT.jar
if [ ! -f "$LAUNCHER" ]; then
  echo "$LAUNCHER is missing: run ./mvnw -q package -DskipTests first" >&2
  exit 1
fi

# Run from a private copy of the build (as bench/run.sh does): another build replacing */target/quarkus-app under a
# running service can hang it, and this run restarts services many times.
STAMP="$(date +%Y%m%d-%H%M%S)-$$"
SNAP="$PWD/.bench/chaos-app-$STAMP"
DATA="${CHAOS_DATA_DIR:-$PWD/.bench/chaos-$STAMP}"
mkdir -p "$SNAP/local-stack/launcher/target" "$SNAP/local-stack/kafka-dist/target" "$SNAP/local-stack/s3proxy-dist/target" "$DATA"
for m in ingest-service classify-service publish-service; do
  mkdir -p "$SNAP/$m/target"
  cp -r --reflink=auto "$m/target/quarkus-app" "$SNAP/$m/target/"
done
cp -r --reflink=auto local-stack/kafka-dist/target/lib "$SNAP/local-stack/kafka-dist/target/"
cp -r --reflink=auto local-stack/s3proxy-dist/target/lib "$SNAP/local-stack/s3proxy-dist/target/"
cp -r --reflink=auto local-stack/launcher/target/lib "$LAUNCHER" "$SNAP/local-stack/launcher/target/"
export XXGK_PROJECT_ROOT="$SNAP" XXGK_KAFKA_LIB="$SNAP/local-stack/kafka-dist/target/lib" \
  XXGK_S3PROXY_LIB="$SNAP/local-stack/s3proxy-dist/target/lib" CHAOS_DATA_DIR="$DATA"

cleanup() {
  rm -rf "$SNAP"
  if [ "${CHAOS_KEEP_DATA:-false}" != "true" ]; then rm -rf "$DATA"; else echo "data and logs kept in $DATA" >&2; fi
}
trap cleanup EXIT

# not exec: the copy of the build and the data folder are removed when the run ends; Ctrl-C reaches the JVM, whose
# shutdown hook stops every server it started (and they stop by themselves if it is SIGKILLed)
"$JAVA_BIN" -Xms128m -Xmx512m -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.logFile=System.err \
  -cp "$SNAP/local-stack/launcher/target/launcher-0.1.0-SNAPSHOT.jar:$SNAP/local-stack/launcher/target/lib/*" \
  io.xxgk.stack.chaos.ChaosMain "$@"
