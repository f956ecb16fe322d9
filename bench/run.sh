#!/usr/bin/env bash
# Runs Dragoman's benchmarks and writes bench/target/benchmarks.md (machine, date, figures).
# Usage: bench/run.sh [NAME...]   (no NAME = all; "startup" = bench/startup.sh, the CLI start-up against its goals;
# "summaries" = bench/summaries.sh, summaries per second against OTS; BENCH_JAVA_OPTS is passed to the benchmark's JVM,
# e.g. -Dserve.runs=cached or a profiler agent). Needs ../shared/data for the dataset-based ones (they say so when absent).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -Pbench package -DskipTests
cp="bench/target/dragoman-bench.jar:bench/target/lib/*"
# FlinkBenchmark's workers read the simulated backend's key from their environment, as on a cluster
export DRAGOMAN_BENCH_SIM_KEY="${DRAGOMAN_BENCH_SIM_KEY:-bench-sim-key:fx}"
out="bench/target/benchmarks.md"
{
  echo "# Dragoman benchmarks"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
  echo
} > "$out"
# each benchmark: a main class in dev.dragoman.bench that prints a markdown section on stdout
benches=(${BENCHES:-})
if [ "$#" -gt 0 ]; then benches=("$@"); fi
if [ "${#benches[@]}" -eq 0 ]; then
  benches=($(cd bench/src/main/java/dev/dragoman/bench && ls *Benchmark.java 2>/dev/null | sed 's/\.java$//'))
fi
if [ "$#" -eq 0 ] && [ -z "${BENCHES:-}" ]; then benches+=(startup summaries); fi
for b in "${benches[@]}"; do
  echo "running $b ..." >&2
  if [ "$b" = startup ] || [ "$b" = summaries ]; then
    { echo "## bench/$b.sh"; echo; bash "bench/$b.sh"; echo; } | tee -a "$out"
    continue
  fi
  java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$cp" "dev.dragoman.bench.$b" "$root" | tee -a "$out"
done
echo "wrote $out" >&2
