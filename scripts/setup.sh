#!/usr/bin/env bash
# Sets up a fresh machine: Debian packages the tests use, a virtualenv with mubiao and all extras.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done < scripts/apt-packages.txt
if ((${#missing[@]})); then
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -c scripts/constraints.txt -e '.[all]'
# the extractor's modules compiled with Cython (the same records in less time); where that fails, they run
# from source and `mubiao compile --check` says so
.venv/bin/mubiao compile || echo "setup: the extractor's modules run from source (mubiao compile failed)" >&2
