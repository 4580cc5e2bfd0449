#!/usr/bin/env bash
# Coverage-guided fuzzing of the export readers and value parsers with Jazzer (issue 4), for a bounded time.
#
#   jobs/fuzz.sh [SECONDS_PER_TARGET]     (default 60; FUZZ_TARGETS="..." picks targets, FUZZ_TIMEOUT=s per input)
#
# Targets (src/test/java/org/daijiao/fuzz): ExportReaderFuzz (CSV bytes), XlsxReaderFuzz (workbook bytes),
# ValueParsersFuzz (DateParser, AmountParser, IdNumber.parse). The only exceptions allowed are
# InputFileException and InvalidValueException; anything else is a crash, saved as target/fuzz/<target>/crash-*.
# The corpus each run grows is src/test/resources/fuzz-corpus/<target>/: commit it (keep it < 2 MB); the
# `slow`-tagged FuzzCorpusReplayTest replays it without Jazzer (mvn test -Dtest.excluded.groups=none -Dgroups=slow -Dtest=FuzzCorpusReplayTest).
# Jazzer comes from Maven Central through mvn (no pom change: the targets use the plain byte[] entry point).
set -euo pipefail

SECONDS_PER_TARGET="${1:-60}"
# Per-input limit: generous, because the first workbook loads and instruments hundreds of POI classes.
TIMEOUT="${FUZZ_TIMEOUT:-60}"
TARGETS="${FUZZ_TARGETS:-ExportReaderFuzz XlsxReaderFuzz ValueParsersFuzz}"
JAZZER_VERSION="0.24.0"
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HOME_DIR"
REPO="${MAVEN_REPO:-$HOME/.m2/repository}"
JAZZER_JAR="$REPO/com/code-intelligence/jazzer/$JAZZER_VERSION/jazzer-$JAZZER_VERSION.jar"
JAZZER_API="$REPO/com/code-intelligence/jazzer-api/$JAZZER_VERSION/jazzer-api-$JAZZER_VERSION.jar"
OUT="target/fuzz"
CORPUS="src/test/resources/fuzz-corpus"
SEEDS="src/test/resources/bad-inputs"

if [[ ! -f "$JAZZER_JAR" || ! -f "$JAZZER_API" ]]; then
  echo "fuzz: fetching Jazzer $JAZZER_VERSION from Maven Central" >&2
  mvn -q dependency:get -Dartifact="com.code-intelligence:jazzer:$JAZZER_VERSION" >&2
fi

echo "fuzz: compiling the test classes" >&2
mvn -o -q test-compile >&2
mkdir -p "$OUT"
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >&2
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt"):$JAZZER_JAR:$JAZZER_API"

# Seeds on first use: the bad-input corpus, each file behind a first byte that picks the source (0 = civil affairs).
seed() {
  local target="$1" pattern="$2"
  local dir="$CORPUS/$target"
  mkdir -p "$dir"
  if [[ -z "$(ls -A "$dir")" ]]; then
    for f in $SEEDS/$pattern; do
      [[ -f "$f" ]] || continue
      { printf '\x00'; cat "$f"; } > "$dir/seed-$(basename "$f")"
    done
  fi
}
seed ExportReaderFuzz '*.[ct]sv'
seed XlsxReaderFuzz '*.xlsx'
mkdir -p "$CORPUS/ValueParsersFuzz"
if [[ -z "$(ls -A "$CORPUS/ValueParsersFuzz")" ]]; then
  i=0
  for v in "2022-03-05" "2022年2月30日" "0000-00-00" "44562" "1,000.50" "¥100" "１００．５０" "-70" "202201-202212" \
           "500243198001010012" "50024319900202002x" "500243800101001" "5.00243E+17" "５００２４３ 1990 0202 002X"; do
    printf '%s' "$v" > "$CORPUS/ValueParsersFuzz/seed-$i"; i=$((i + 1))
  done
fi

status=0
summary=()
for target in $TARGETS; do
  mkdir -p "$OUT/$target"
  rm -f "$OUT/$target"/crash-* "$OUT/$target"/timeout-* "$OUT/$target"/oom-*
  before=$(ls "$CORPUS/$target" | wc -l)
  echo "fuzz: $target for ${SECONDS_PER_TARGET}s" >&2
  set +e
  java -Xmx1g -cp "$CP" com.code_intelligence.jazzer.Jazzer \
    --target_class="org.daijiao.fuzz.$target" \
    --instrumentation_includes='org.daijiao.**:org.apache.poi.**' \
    --keep_going=1 \
    -max_total_time="$SECONDS_PER_TARGET" -timeout="$TIMEOUT" -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$OUT/$target/" \
    "$CORPUS/$target" > "$OUT/$target/log.txt" 2>&1
  rc=$?
  set -e
  execs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$OUT/$target/log.txt" | tail -1 | grep -oE '[0-9]+$' || echo "?")
  rate=$(grep -oE 'exec/s: [0-9]+' "$OUT/$target/log.txt" | tail -1 | grep -oE '[0-9]+$' || echo "?")
  cov=$(grep -oE 'cov: [0-9]+' "$OUT/$target/log.txt" | tail -1 | grep -oE '[0-9]+$' || echo "?")
  # Keep only the inputs that add coverage (libFuzzer merge), so that the committed corpus stays small.
  merged="$OUT/$target/merged"
  rm -rf "$merged" && mkdir -p "$merged"
  if java -Xmx1g -cp "$CP" com.code_intelligence.jazzer.Jazzer \
      --target_class="org.daijiao.fuzz.$target" \
      --instrumentation_includes='org.daijiao.**:org.apache.poi.**' \
      -merge=1 -timeout="$TIMEOUT" -artifact_prefix="$OUT/$target/merge-" "$merged" "$CORPUS/$target" > "$OUT/$target/merge.txt" 2>&1; then
    rm -rf "${CORPUS:?}/$target" && mv "$merged" "$CORPUS/$target"
  else
    echo "fuzz: corpus merge failed for $target (kept unmerged); see $OUT/$target/merge.txt" >&2
  fi
  after=$(ls "$CORPUS/$target" | wc -l)
  size=$(du -sk --apparent-size "$CORPUS/$target" | cut -f1)
  crashes=$(find "$OUT/$target" -maxdepth 1 \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  line=$(printf '%-17s %4ss  execs %-9s exec/s %-6s cov %-5s corpus %4s -> %-4s files (%s KB)  crashes %s  (exit %s)' \
    "$target" "$SECONDS_PER_TARGET" "$execs" "$rate" "$cov" "$before" "$after" "$size" "$crashes" "$rc")
  echo "$line"
  summary+=("$line")
  if [[ "$crashes" -gt 0 || "$rc" -ne 0 ]]; then
    status=1
    echo "fuzz: $target found a problem; see $OUT/$target/log.txt and the files it names" >&2
  fi
done

total=$(du -sk --apparent-size "$CORPUS" | cut -f1)
echo "fuzz: corpus $CORPUS is ${total} KB in total (keep it under 2048 KB)"
exit "$status"
