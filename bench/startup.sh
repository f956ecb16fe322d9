#!/usr/bin/env bash
# CLI start-up before/after: the launcher as shipped (AppCDS archive + language-model preload) against the same
# JVM flags without them, interleaved round by round so both see the same machine load. Median of N runs each
# (default 10) of wall and CPU (user+sys) milliseconds. Needs the CLI built: mvn -B -q package -DskipTests
# Usage: bench/startup.sh [N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-10}"
seed="$root/examples/sana-2024-06-25-lukashenko.ar.txt"
jar="$root/cli/target/dragoman-cli.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 70; }
[ -f "$root/cli/target/dragoman.jsa" ] || echo "note: no cli/target/dragoman.jsa; 'after' runs without the archive" >&2
cd "$(mktemp -d)"   # from another directory, as users run it
before() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Ddragoman.preload=false -cp "$jar:$root/cli/target/lib/*" \
  dev.dragoman.cli.Main "$@"; }
after() { "$root/bin/dragoman" "$@"; }
measure() { # prints "wall cpu" medians in ms
  local walls=() cpus=() TIMEFORMAT='%R %U %S' t
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$n"); do
    t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
    read -r r u s <<<"$t"
    walls+=("$(awk -v r="$r" 'BEGIN{printf "%d", r*1000}')")
    cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%d", (u+s)*1000}')")
  done
  med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:int((a[NR/2]+a[NR/2+1])/2)}'; }
  echo "$(med "${walls[@]}") $(med "${cpus[@]}")"
}
echo "| command | before wall ms | after wall ms | before CPU ms | after CPU ms |"
echo "|---|---:|---:|---:|---:|"
for args in "--version" "--help" "parse $seed" "summarize $seed"; do
  # shellcheck disable=SC2086
  read -r bw bc <<<"$(measure before $args)"
  # shellcheck disable=SC2086
  read -r aw ac <<<"$(measure after $args)"
  label="${args/$seed/SEED}"
  echo "| \`dragoman $label\` | $bw | $aw | $bc | $ac |"
done
read -r jw jc <<<"$(measure java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version)"
echo "| \`java -version\` (bound: JVM start) | $jw | $jw | $jc | $jc |"
