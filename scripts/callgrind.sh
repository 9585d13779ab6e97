#!/usr/bin/env bash
# Instructions per stage of Analyzer::analyze, counted by callgrind over one
# warm pass of a JSONL file (default: sample-100 of the shared corpus), with
# plain jieba-rs `cut` (HMM on) on the same texts in the same run.
#
#   scripts/callgrind.sh [FILE.jsonl]
#
# Builds `examples/stage_cost.rs` with the profiling profile (release with
# debug info), runs it once under callgrind, counting only inside its
# `pass_*` functions and dumping after each, and prints one line per pass:
# instructions, instructions per byte, the count over jieba-rs cut's
# (`x cut`) and jieba-rs cut's over the count (`cut/x`, the speed as a
# fraction of jieba-rs cut's, the measure of issue 15). The stages take
# each other's outputs, computed in the same run; their sum is printed
# beside `analyze`, the whole call. Counts do not depend on the machine's
# load, but vary by up to about 1M instructions a stage between runs of the
# same binary (seen on `scan`: 44.4M to 46.1M): read smaller differences as
# noise. Takes about a minute.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${ZHNEWS_SHARED:-$root/../shared}
file=${1:-$shared/corpus/news-zh/sample-100.jsonl}
if [ ! -f "$file" ]; then
    echo "callgrind.sh: $file not found (set ZHNEWS_SHARED or give a file)" >&2
    exit 1
fi
if ! command -v valgrind >/dev/null; then
    echo "callgrind.sh: valgrind not found" >&2
    exit 1
fi

cd "$root"
cargo build --profile profiling --example stage_cost -q
target=${CARGO_TARGET_DIR:-$root/target}
bin=$target/profiling/examples/stage_cost

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
passes=$("$bin" --passes)
dumps=()
for pass in $passes; do
    dumps+=("--dump-after=stage_cost::pass_$pass")
done
valgrind --tool=callgrind -q \
    --toggle-collect='stage_cost::pass_*' "${dumps[@]}" \
    --callgrind-out-file="$dir/cg.out" \
    "$bin" "$file" >"$dir/stdout"

read -r records _ bytes _ <"$dir/stdout"
echo "$file: $records records, $bytes bytes"
for dump in "$dir"/cg.out.*; do
    pass=$(sed -n 's/^desc: Trigger: --dump-after=stage_cost::pass_//p' "$dump")
    count=$(sed -n 's/^summary: *//p' "$dump")
    echo "${dump##*.} $pass $count"
done | sort -n | awk -v bytes="$bytes" '
    { name[NR] = $2; ir[NR] = $3; if ($2 == "jieba_cut") cut = $3 }
    $2 ~ /^(fold|scan|segment|entities|claims)$/ { stages += $3 }
    END {
        printf "%-14s %14s %8s %8s %8s\n", "pass", "instructions", "per byte", "x cut", "cut/x"
        for (k = 1; k <= NR; k++)
            printf "%-14s %14d %8.1f %8.3f %8.3f\n", name[k], ir[k], ir[k] / bytes, ir[k] / cut, cut / ir[k]
        printf "%-14s %14d %8.1f %8.3f %8.3f\n", "(fold..claims)", stages, stages / bytes, stages / cut, cut / stages
    }'
