#!/usr/bin/env bash
# Renders the pictures of the county report page and of one village work list (docs/reports.md) from the
# bundled sample, with headless Chromium from Debian's package (apt-get install -y chromium, and a
# Chinese font such as fonts-wqy-microhei). Writes docs/report-page.png and docs/worklist.png.
#   docs/render-pictures.sh [WAREHOUSE]     (default: target/docs-warehouse, built with bin/daijiao run)
set -euo pipefail
cd "$(dirname "$0")/.."

WAREHOUSE="${1:-target/docs-warehouse}"
OUT="target/docs-pictures"
if [[ ! -d "$WAREHOUSE/gold/coverage_stats" ]]; then
  bin/daijiao run --warehouse "$WAREHOUSE" --year 2022 --as-of 2022-12-31 > /dev/null
fi
bin/daijiao report --warehouse "$WAREHOUSE" --year 2022 --out "$OUT" > /dev/null
bin/daijiao worklists --warehouse "$WAREHOUSE" --year 2022 --township 汉葭街道 --html --out "$OUT" > /dev/null

shot() { # shot PAGE PNG WIDTH HEIGHT
  local profile
  profile="$(mktemp -d)"
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" --window-size="$3,$4" --screenshot="$2" "file://$(pwd)/$1" 2> /dev/null
  rm -rf "$profile"
}
shot "$OUT/彭水县2022年困难群体城乡居保代缴情况.html" docs/report-page.png 1120 1500
shot "$OUT/汉葭街道_彭水县2022年代缴工作清单.html" docs/worklist.png 1120 700
ls -l docs/report-page.png docs/worklist.png
