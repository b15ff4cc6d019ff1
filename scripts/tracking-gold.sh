#!/usr/bin/env bash
# Scores tracking against the tracking gold (corpus/gold/tracking/): its documents ingested into a
# throwaway store, then mubiao eval-track. Extra flags go to eval-track (e.g. -q, --json).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="../shared/corpus/robustness"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
db="sqlite:///$tmp/tracking-gold.db"
.venv/bin/mubiao ingest corpus/national "$shared/hebei" "$shared/baoding" --db "$db" -q
.venv/bin/mubiao eval-track corpus/gold/tracking/hebei_baoding_national.jsonl --db "$db" "$@"
