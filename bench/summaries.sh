#!/usr/bin/env bash
# Summaries per second against OTS (issue 17): Dragoman's extractive summarizer in ONE run over 150 short articles
# (`dragoman summarize DIR -o OUT`, JVM start included) against the Open Text Summarizer run as one `ots` process per
# article (the way a shell pipeline uses it). Goal: Dragoman's articles/s ≥ 10 × OTS's.
# Data: the 150 shortest BBC English dev articles (../shared/data/eval/bbc-news-summary-en.dev.jsonl; OTS has an
# English dictionary, none for Arabic), written as title + body text files. Needs: the CLI built
# (mvn -B -q package -DskipTests), `ots` (Debian: apt-get install ots) and `jq`; says which is missing and stops.
# Usage: bench/summaries.sh [ROUNDS]   (default 3; the median round is reported)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
missing=()
command -v ots >/dev/null || missing+=("ots (Debian: apt-get install ots)")
command -v jq >/dev/null || missing+=("jq (Debian: apt-get install jq)")
[ -f "$root/cli/target/dragoman-cli.jar" ] || missing+=("the CLI (mvn -B -q package -DskipTests)")
data=""
for d in "$root/.." "$root/../.." "$root/../../.."; do
  if [ -f "$d/shared/data/eval/bbc-news-summary-en.dev.jsonl" ]; then data="$d/shared/data/eval/bbc-news-summary-en.dev.jsonl"; break; fi
done
[ -n "$data" ] || missing+=("the data: shared/data/eval/bbc-news-summary-en.dev.jsonl beside the repository")
if [ "${#missing[@]}" -gt 0 ]; then
  echo "summaries benchmark skipped: missing ${missing[*]}"
  exit 0
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
jq -r -s 'sort_by(.text | length) | .[:150] | .[] | (.title + "\n\n" + .text + "\n\u0000")' "$data" |
  awk -v dir="$work/in" 'BEGIN { RS = "\0" } NF { f = sprintf("%s/%03d.txt", dir, ++n); printf "%s", $0 > f; close(f) }'
n=$(ls "$work/in" | wc -l)
words=$(cat "$work/in"/*.txt | wc -w)
now() { date +%s.%N; }
ots_run() { for f in "$work/in"/*.txt; do ots -r 20 "$f" >/dev/null; done; }
dragoman_run() { rm -rf "$work/out"; "$root/bin/dragoman" summarize "$work/in" -o "$work/out" --format text --quiet; }
ots_times=(); dragoman_times=()
for _ in $(seq "$rounds"); do   # interleaved, so both see the same machine load
  t0=$(now); ots_run; t1=$(now); dragoman_run; t2=$(now)
  ots_times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')")
  dragoman_times+=("$(awk -v a="$t1" -v b="$t2" 'BEGIN{print b-a}')")
done
written=$(ls "$work/out" | wc -l)
med() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
ots_s=$(med "${ots_times[@]}"); dragoman_s=$(med "${dragoman_times[@]}")
ratio=$(awk -v o="$ots_s" -v d="$dragoman_s" 'BEGIN{printf "%.1f", o/d}')
met=$(awk -v r="$ratio" 'BEGIN{print (r>=10)?"met":"missed"}')
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ);" \
  "$(java -version 2>&1 | head -1); OTS $(ots --version 2>&1 | head -1 | grep -o "[0-9][0-9.]*"). $n articles ($words words), median of $rounds rounds."
echo
echo "| summarizer | how | wall s | articles/s | ÷ OTS | goal |"
echo "|---|---|---:|---:|---:|---|"
awk -v s="$ots_s" -v n="$n" 'BEGIN{printf "| OTS (`ots -r 20`) | one process per article | %.2f | %.1f | 1.0 | |\n", s, n/s}'
awk -v s="$dragoman_s" -v n="$n" -v r="$ratio" -v m="$met" -v w="$written" \
  'BEGIN{printf "| Dragoman extractive | one `dragoman summarize DIR -o OUT` (JVM start included; %d written) | %.2f | %.1f | %s | ≥ 10 × OTS: %s |\n", w, s, n/s, r, m}'
echo
echo "Reproduce: \`bench/summaries.sh $rounds\`."
