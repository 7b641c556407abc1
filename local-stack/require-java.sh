# Sourced by ./run.sh and bench/*.sh: sets JAVA_BIN, or exits with a clear message when Java is missing or older than 17.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$JAVA_BIN" >/dev/null 2>&1; then
  echo "未找到 Java / Java not found: install JDK 17 or newer and put it on PATH (or set JAVA_HOME)." >&2
  exit 1
fi
java_version=$(java_major "$JAVA_BIN")
if [ -z "$java_version" ] || [ "$java_version" -lt 17 ]; then
  echo "Java 版本过低 / Java ${java_version:-?} is too old: this project needs JDK 17 or newer (JAVA_HOME=${JAVA_HOME:-unset})." >&2
  exit 1
fi
