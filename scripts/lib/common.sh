# Sourced by scripts/chengxin: where the checkout is, and a build of what is missing.
set -euo pipefail
CHENGXIN_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

die() {
  echo "error: $*" >&2
  exit 2
}

# Compiles every module when nothing is built yet or a source, resource or POM changed since; the
# build records each module's runtime classpath in its target/classpath.txt (see pom.xml).
ensure_built() {
  local stamp="$CHENGXIN_HOME/target/.chengxin-built"
  if [ ! -f "$stamp" ] || [ -n "$(find "$CHENGXIN_HOME/pom.xml" "$CHENGXIN_HOME/jobs" "$CHENGXIN_HOME/models" \
      -newer "$stamp" -not -path '*/target/*' \( -name '*.java' -o -name pom.xml -o -path '*/src/main/resources/*' \) \
      -print -quit)" ]; then
    echo "[chengxin] building (first run or sources changed) ..." >&2
    (cd "$CHENGXIN_HOME" && mvn -B -q -DskipTests compile) >&2 || die "the build failed (run: mvn -DskipTests compile)"
    mkdir -p "$CHENGXIN_HOME/target" && touch "$stamp"
  fi
}

# Runs a command with its output in LOG (a step of a longer script); when it fails, shows the
# log's tail and exits 1.
logged() {
  local log="$1"; shift
  "$@" > "$log" 2>&1 || { echo "$(basename "$0"): failed: $1 (see $log)" >&2; tail -20 "$log" >&2; exit 1; }
}
