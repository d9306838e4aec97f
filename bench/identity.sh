#!/usr/bin/env bash
# The shared scorer's identity and events lines on tests/gold + ../shared/devset ingested into one store.
# usage (from the project root): bash bench/identity.sh [WORKDIR] [extra ingest options, e.g. --jobs 2]
set -eu
T="${1:-$(mktemp -d)}"; shift || true
DKG="${DIPLOKG_CMD:-.venv/bin/diplokg}"
PY="${PYTHON:-.venv/bin/python}"
DEV="${DEV:-../shared/devset}"  # the dev set: texts/, gold/ and score.py
rm -rf "$T/store" "$T/gold" "$T/texts"; mkdir -p "$T/gold" "$T/texts"
ln -s "$PWD"/tests/gold/*.gold.json "$PWD"/$DEV/gold/*.json "$T/gold/"
ln -s "$PWD"/tests/gold/articles/*.txt "$PWD"/$DEV/texts/*.txt "$T/texts/"
"$DKG" --store "$T/store" ingest "$@" tests/gold/articles $DEV/texts > "$T/ingest.log" 2>&1 || [ $? -eq 1 ] || { tail -3 "$T/ingest.log"; exit 1; }
"$DKG" --store "$T/store" export --format trig -o "$T/out.trig"
"$PY" $DEV/score.py "$T/out.trig" "$T/gold" "$T/texts" --pairs tests/gold/pairs.json --json "$T/score.json" -v > "$T/score.txt"
grep -E "^(identity|events|meetings|persons) " "$T/score.txt"
grep -E "SPLIT|LABEL" "$T/score.txt" | head -20 || true
echo "details: $T/score.txt"
