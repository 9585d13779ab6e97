#!/bin/sh
# Trains the shipped entity model (data/entity/ner.model) from the shared data, as the
# README describes: MSRA, CLUENER and Resume NER train splits, and the passages of the
# opened news sets (corpus/test, corpus/test2, corpus/blind, corpus/test3; their text is
# read from the shared corpus) given ten times, since they are few and are the text the
# model runs on. The dev set and the sealed sets (test4, test5, test6) stay out, so that
# they measure it. The seed is chosen among 20261201, 7 and 99 by the dev set's entity F1
# alone: 7 on 2026-12-04; 99 on 2026-12-06, when test3 was added (dev F1 0.858, 0.856 for
# 7, 0.854 for 20261201).
#
#     scripts/train-model.sh [OUT]        # default: data/entity/ner.model
set -eu
cd "$(dirname "$0")/.."
S=${ZHNEWS_SHARED:-../shared}
T=$S/data/ner-train
OUT=${1:-data/entity/ner.model}
NEWS=$(mktemp)
trap 'rm -f "$NEWS"' EXIT
ZHNEWS_SHARED=$S python3 scripts/devset.py ner-text corpus/test corpus/test2 corpus/blind corpus/test3 > "$NEWS"
set --
for _ in 1 2 3 4 5 6 7 8 9 10; do set -- "$@" --train "jsonl:$NEWS"; done
cargo run --release -q -p zhnews-cli -- train-ner \
    --train "bio:$T/msra/msra_train_bio.txt.gz" \
    --train "cluener:$T/cluener2020/train.json" \
    --train "bmes:$T/resume/train.char.bmes" \
    "$@" --holdout 20 --epochs 10 --seed 99 -o "$OUT"
