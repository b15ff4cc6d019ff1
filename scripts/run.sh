#!/usr/bin/env bash
# Sets up a fresh machine and runs the main job on the embedded default: reads the bundled
# corpus (ten 2026 provincial reports, five national reports 2014-2018) into SQLite, prints
# how the targets fared, and serves the web page on http://127.0.0.1:8000 (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
db="sqlite:///mubiao.db"
.venv/bin/mubiao ingest corpus/*.txt corpus/national --db "$db"
.venv/bin/mubiao track --db "$db" --indicator gdp
exec .venv/bin/mubiao serve --db "$db" --host 127.0.0.1 --port "${PORT:-8000}"
