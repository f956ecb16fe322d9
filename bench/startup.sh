#!/usr/bin/env bash
# CLI start-up against its goals (issue 17): `dragoman --version` and `dragoman parse SEED` within 4 × `java -version`
# on JDK 24+ with the AOT cache, and under 0.5 s on JDK 17 with the CDS archive. Each JDK's rows run interleaved round
# by round (so all see the same machine load): the launcher as shipped (archive for that JDK), the launcher without
# an archive (DRAGOMAN_ARCHIVE=off), and `java -version` with the launcher's flags (the bound: a bare JVM start).
# Median of N runs (default 10) of wall and CPU (user+sys) milliseconds, from a temp directory.
# JDKs: JAVA17 (default: the `java` on PATH) and JAVA25 (default: /usr/lib/jvm/temurin-25-jdk-amd64/bin/java, skipped
# with a note when absent). A JDK without an archive gets one trained first (as `mvn package` does for the building
# JDK), and the script says so. Needs the CLI built: mvn -B -q package -DskipTests
# Usage: bench/startup.sh [N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-10}"
seed="$root/examples/sana-2024-06-25-lukashenko.ar.txt"
[ -f "$root/cli/target/dragoman-cli.jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 70; }
java17="${JAVA17:-$(command -v java)}"
java25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
cd "$(mktemp -d)"   # from another directory, as users run it

measure() { # prints "wall cpu" in ms for one run
  local t r u s TIMEFORMAT='%R %U %S'
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || true
  read -r r u s <<<"$t"
  awk -v r="$r" -v u="$u" -v s="$s" 'BEGIN{printf "%d %d\n", r*1000, (u+s)*1000}'
}
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:int((a[NR/2]+a[NR/2+1])/2)}'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

jdk_label() { "$1" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/'; }
has_archive() { # the launcher's archive for this JDK exists
  local home v; home="$(readlink -f "$1")"; home="${home%/bin/java}"
  v="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$home/release")"
  v="$root/cli/target/archive/jdk-${v//[^A-Za-z0-9.+-]/_}"
  [ -f "$v.aot" ] || [ -f "$v.jsa" ]
}

echo "Machine: $(nproc) cores; load average at start $(load); $(date -u +%Y-%m-%dT%H:%MZ); median of $n runs."
echo
echo "| JDK | command | wall ms | CPU ms | wall ÷ \`java -version\` | no archive: wall ms | no archive: CPU ms | goal | met |"
echo "|---|---|---:|---:|---:|---:|---:|---|---|"
for java in "$java17" "$java25"; do
  if [ ! -x "$java" ]; then echo "| (skipped: $java not installed) | | | | | | | | |"; continue; fi
  label="$(jdk_label "$java")"
  major="${label%%[!0-9]*}"
  jhome="$(readlink -f "$java")"; jhome="${jhome%/bin/java}"
  if ! has_archive "$java"; then
    echo "note: no archive for JDK $label yet: training one (DRAGOMAN_ARCHIVE=train bin/dragoman summarize SEED)" >&2
    JAVA_HOME="$jhome" DRAGOMAN_ARCHIVE=train "$root/bin/dragoman" summarize "$seed" --format json >/dev/null 2>&1 || true
  fi
  kind=$([ "$major" -ge 24 ] && echo "AOT cache" || echo "CDS archive")
  declare -A walls=() cpus=()
  names=(jvm version parse summarize version-off parse-off summarize-off)
  for name in "${names[@]}"; do walls[$name]=""; cpus[$name]=""; done
  for round in $(seq 0 "$n"); do
    for name in "${names[@]}"; do
      case "$name" in
        jvm) cmd=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version) ;;
        version*) cmd=("$root/bin/dragoman" --version) ;;
        parse*) cmd=("$root/bin/dragoman" parse "$seed") ;;
        summarize*) cmd=("$root/bin/dragoman" summarize "$seed") ;;
      esac
      mode=auto; [[ $name == *-off ]] && mode=off
      read -r w c <<<"$(JAVA_HOME="$jhome" DRAGOMAN_ARCHIVE=$mode measure "${cmd[@]}")"
      if [ "$round" -gt 0 ]; then walls[$name]+="$w"$'\n'; cpus[$name]+="$c"$'\n'; fi   # round 0 warms the page cache
    done
  done
  med() { printf '%s' "$1" | median; }
  jw=$(med "${walls[jvm]}"); jc=$(med "${cpus[jvm]}")
  echo "| $label | \`java -version\` (the bound) | $jw | $jc | 1.00 | | | | |"
  for cmdname in version parse summarize; do
    w=$(med "${walls[$cmdname]}"); c=$(med "${cpus[$cmdname]}")
    ow=$(med "${walls[$cmdname-off]}"); oc=$(med "${cpus[$cmdname-off]}")
    ratio=$(awk -v a="$w" -v b="$jw" 'BEGIN{printf "%.2f", a/b}')
    goal="–"; met="–"
    if [ "$cmdname" != summarize ]; then
      if [ "$major" -ge 24 ]; then
        goal="≤ 4 × java -version"; met=$(awk -v r="$ratio" 'BEGIN{print (r<=4)?"yes":"no"}')
      else
        goal="< 500 ms"; met=$([ "$w" -lt 500 ] && echo yes || echo no)
      fi
    fi
    shown="${cmdname/summarize/summarize SEED}"; shown="${shown/parse/parse SEED}"; shown="${shown/version/--version}"
    echo "| $label ($kind) | \`dragoman $shown\` | $w | $c | $ratio | $ow | $oc | $goal | $met |"
  done
  unset walls cpus
done
echo
echo "Load average at end: $(load). Reproduce: \`mvn -B -q package -DskipTests && bench/startup.sh $n\`."
