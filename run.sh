#!/usr/bin/env bash
# Runs the whole pipeline on 127.0.0.1 with real embedded servers (no Docker):
# Kafka (KRaft, own JVM), PostgreSQL (zonky binaries), S3Proxy (own JVM), then ingest 8081, classify 8082,
# publish 8083, and loads the demo data. Data lives in ${XXGK_DATA_DIR:-./.data}. Ctrl-C stops everything.
# A process that dies is restarted with backoff (logged, 1 s doubling to 60 s). Servers left running by a ./run.sh of
# the same data folder that was killed (SIGKILL) are recognised and stopped at start; the JVMs it starts stop by
# themselves when it dies. A port taken by anything else is reported and nothing starts.
# ./run.sh --servers-only starts Kafka, PostgreSQL and S3 alone and prints each service's environment, for
# ./mvnw quarkus:dev -pl <service> (export it first; where Docker runs, Dev Services can start PostgreSQL and Kafka instead).
set -euo pipefail
cd "$(dirname "$0")"

. local-stack/require-java.sh

if [ "${XXGK_SKIP_BUILD:-false}" != "true" ]; then
  echo "构建中 / building (first run downloads dependencies from Maven Central) ..."
  ./mvnw -B -q package -DskipTests
fi

# exec: Ctrl-C (SIGINT) or SIGTERM reach the launcher, whose shutdown hook stops every server it started
exec "$JAVA_BIN" -Xmx256m -Dfile.encoding=UTF-8 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp 'local-stack/launcher/target/launcher-0.1.0-SNAPSHOT.jar:local-stack/launcher/target/lib/*' io.xxgk.stack.RunMain "$@"
