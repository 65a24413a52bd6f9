#!/usr/bin/env bash
# Regenerate the README screenshots under Xvfb (Debian: xvfb, fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
export DLFS_CONFIG_DIR=$(mktemp -d)
for panel in conv optimizer draw training; do
  for lang in en ko; do
    xvfb-run -a -s "-screen 0 1400x900x24" python main.py --panel "$panel" --lang "$lang" --screenshot "$out/$panel-$lang.png"
  done
done
ls -la "$out"
