#!/usr/bin/env bash
# Sets up (scripts/setup.sh) and runs every check: ruff lint, ruff format, the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/ruff check mubiao tests
.venv/bin/ruff format --check mubiao tests
.venv/bin/python -m pytest -q "$@"
