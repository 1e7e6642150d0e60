# Shared by every script: locating the repo, building what is missing, running a job class.
# Scripts source this file; nobody types a `java -cp` line.
set -euo pipefail

CHENGXIN_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export CHENGXIN_HOME

die() {
  echo "error: $*" >&2
  exit 2
}

# Spark on Java 17 needs its whole add-opens list at once (see ../shared/STACK.md); read it from the
# parent POM so there is one copy.
spark_jvm_args() {
  sed -n 's:.*<spark.jvm.args>\(.*\)</spark.jvm.args>.*:\1:p' "$CHENGXIN_HOME/pom.xml"
}

# ensure_built MODULE: builds jobs/MODULE (and what it depends on) when its classes are missing or
# any source or POM is newer than the last build, then records its runtime classpath.
ensure_built() {
  local module="jobs/$1"
  local target="$CHENGXIN_HOME/$module/target"
  local stamp="$target/.chengxin-built"
  # The module and the chengxin modules its POM names are what a change can affect.
  local sources=("$CHENGXIN_HOME/pom.xml" "$CHENGXIN_HOME/$module")
  local dep
  for dep in $(grep -o '<artifactId>chengxin-[a-z]*</artifactId>' "$CHENGXIN_HOME/$module/pom.xml" \
      | sed 's:<artifactId>chengxin-\([a-z]*\)</artifactId>:\1:' | grep -vx parent | sort -u); do
    [ -d "$CHENGXIN_HOME/jobs/$dep" ] && sources+=("$CHENGXIN_HOME/jobs/$dep/src" "$CHENGXIN_HOME/jobs/$dep/pom.xml")
  done
  if [ ! -f "$stamp" ] || [ ! -f "$target/classpath.txt" ] || [ -n "$(find "${sources[@]}" \
      -newer "$stamp" \( -name '*.java' -o -name pom.xml -o -path '*/src/main/resources/*' \) -print -quit)" ]; then
    echo "[chengxin] building $module (first run or sources changed) ..." >&2
    (cd "$CHENGXIN_HOME" && mvn -B -q -DskipTests install -pl "$module" -am) >&2 \
      || die "build of $module failed (run: mvn -DskipTests install -pl $module -am)"
    (cd "$CHENGXIN_HOME" && mvn -B -q dependency:build-classpath -pl "$module" \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile) >&2 \
      || die "could not resolve the classpath of $module"
    touch "$stamp"
  fi
}

# run_main MODULE CLASS ARGS...: runs a main class of jobs/MODULE on an embedded engine.
run_main() {
  local module=$1 main=$2
  shift 2
  ensure_built "$module"
  local target="$CHENGXIN_HOME/jobs/$module/target"
  local jvm=(-Xmx"${CHENGXIN_HEAP:-6g}" -Dlog4j2.configurationFile="$CHENGXIN_HOME/scripts/lib/log4j2.properties")
  if [ "$module" = spark ] || [ "$module" = evaluation ]; then
    # shellcheck disable=SC2207
    jvm+=($(spark_jvm_args))
  fi
  java "${jvm[@]}" ${CHENGXIN_JAVA_OPTS:-} -cp "$target/classes:$(cat "$target/classpath.txt")" "$main" "$@"
}
