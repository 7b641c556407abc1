#!/usr/bin/env bash
# Evaluates the checklist classifier on a TSV file (title<TAB>checklist_item, "-" for none; header line allowed).
#   classify-service/evaluate.sh /work/shared/data/dev-titles.tsv [--errors]
#   classify-service/evaluate.sh --benchmark [titles.tsv] [seconds]     (io.xxgk.classify.tools.ClassifierBenchmark)
# Works from the project root or from classify-service/. Builds classify-service (and what it needs), then runs the
# tool, which lives with the tests (src/test/java/io/xxgk/classify/tools) so that it does not ship in the service jar,
# on the module's test classpath.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
main=io.xxgk.classify.tools.Evaluate
if [[ "${1:-}" == "--benchmark" ]]; then
  main=io.xxgk.classify.tools.ClassifierBenchmark
  shift
elif [[ $# -lt 1 ]]; then
  echo "usage: $0 <file.tsv> [--errors] | --benchmark [titles.tsv] [seconds]" >&2
  exit 2
fi
# file arguments are resolved against the caller's directory
args=()
for a in "$@"; do
  if [[ "$a" != --* && -e "$a" ]]; then a="$(cd "$(dirname "$a")" && pwd)/$(basename "$a")"; fi
  args+=("$a")
done
cd "$root"
cpfile="$here/target/classpath.txt"
# one reactor run: modules compile to target/classes and the classpath names them (classify-service's file is written last)
./mvnw -B -q -pl classify-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >&2
exec java -Dfile.encoding=UTF-8 -cp "$here/target/test-classes:$here/target/classes:$(cat "$cpfile")" "$main" "${args[@]}"
