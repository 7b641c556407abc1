#!/usr/bin/env bash
# Evaluates the checklist classifier.
#   classify-service/evaluate.sh [--errors]          the figures that count: on real titles only (Evaluate --real):
#                                                    the real held-out part (src/test/resources/real-heldout.tsv, schools
#                                                    never seen in training) and 5-fold cross-validation over all real
#                                                    titles split by school; written (synthetic) titles are never scored
#   classify-service/evaluate.sh /work/shared/data/dev-titles.tsv [--errors]   any TSV (title<TAB>checklist_item, "-" for none)
#   classify-service/evaluate.sh --cv [k]            k-fold cross-validation over all training files (written titles too)
#   classify-service/evaluate.sh --cv-train [--errors]   5-fold cross-validation by school over the real TRAINING titles
#                                                    only (the held-out part is not read): where model settings are
#                                                    compared, e.g. JAVA_TOOL_OPTIONS=-Dxxgk.classify.none-factor=1.5
#   classify-service/evaluate.sh --benchmark [titles.tsv] [seconds]     (io.xxgk.classify.tools.ClassifierBenchmark)
#   classify-service/evaluate.sh --calibrate         refits the confidence calibration on out-of-fold predictions of the
#                                                    real training titles and writes src/main/resources/model/calibration.tsv
#                                                    (io.xxgk.classify.tools.Calibrate); rerun after the training data change
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
elif [[ "${1:-}" == "--calibrate" ]]; then
  main=io.xxgk.classify.tools.Calibrate
  shift
  set -- "$here/src/main/resources/model/calibration.tsv" "$@"
elif [[ $# -lt 1 || "${1:-}" == "--errors" ]]; then
  set -- --real "$@"
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
