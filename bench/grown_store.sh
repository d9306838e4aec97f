#!/usr/bin/env bash
# Ingest cost on a store that has already grown: copy BASE_STORE (e.g. the store of a long
# `python -m bench.ingest` run), ingest MORE (JSON Lines of articles it does not hold yet) into
# the copy with each checkout's code, runs interleaved, and print each run's stage seconds.
# usage (from the project root):
#   bash bench/grown_store.sh BASE_STORE MORE.jsonl WORKDIR RUNS CHECKOUT [CHECKOUT ...]
# e.g., a 15,000-article store and the 400 articles after it in the same synthetic corpus
# (bench.synth is prefix-stable: the first N articles of a larger corpus are the N-article corpus),
# an earlier commit's code in a worktree against this checkout; WORK is any scratch directory:
#   python -m bench.ingest --articles 15000 --no-compare --workdir "$WORK/b"     # the store: $WORK/b/store-0
#   python -m bench.synth 15400 "$WORK/all.jsonl" && tail -n 400 "$WORK/all.jsonl" > "$WORK/next400.jsonl"
#   git worktree add --detach "$WORK/before" <commit>
#   bash bench/grown_store.sh "$WORK/b/store-0" "$WORK/next400.jsonl" "$WORK/grown" 3 "$WORK/before" "$PWD"
# WORKDIR needs room for one copy of BASE_STORE; each run's log is kept there.
set -eu
BASE=$1; MORE=$2; WORK=$3; RUNS=$4; shift 4
PY="${PYTHON:-$PWD/.venv/bin/python}"
mkdir -p "$WORK"
# the ingest's peak RSS, where GNU time is installed
TIME=""; [ -x /usr/bin/time ] && TIME="/usr/bin/time -f peak_rss_kb=%M"
for run in $(seq 1 "$RUNS"); do
  for code in "$@"; do
    name="$(basename "$code")-$run"
    rm -rf "$WORK/store"; cp -a "$BASE" "$WORK/store"
    start=$(date +%s%N)
    (cd "$code" && PYTHONPATH="$code" $TIME "$PY" -m diplokg.cli -v --store "$WORK/store" ingest "$MORE" --jobs 1) > "$WORK/$name.log" 2>&1
    end=$(date +%s%N)
    echo "$name: $(git -C "$code" rev-parse --short HEAD) wall $(( (end - start) / 1000000 )) ms"
    grep -o 'stage seconds: [^;]*' "$WORK/$name.log"
    grep -o 'identity queries: .*' "$WORK/$name.log"
    grep -o 'peak_rss_kb=.*' "$WORK/$name.log" || true
  done
done
rm -rf "$WORK/store"
