#!/usr/bin/env bash
# scripts/install-chromium.sh — Debian's chromium and a CJK font for the browser tests.
#
# Browser tests drive /usr/bin/chromium with playwright-core (`npx playwright install` cannot work on
# our machines). Without a CJK font every Chinese label renders as a box, so a font comes with it:
# fonts-wqy-microhei (1.6 MB download, 5 MB installed) rather than fonts-noto-cjk (57 MB / 91 MB); the
# PDF tests of packages/text embed the same WenQuanYi Micro Hei file. Does nothing when both are present.
# Needs root (apt-get); otherwise prints the command to run.
set -euo pipefail

readonly PACKAGES=(chromium fonts-wqy-microhei)
readonly CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

have_cjk_font() { command -v fc-list >/dev/null && [[ -n "$(fc-list :lang=zh family 2>/dev/null)" ]]; }

if [[ -x "$CHROMIUM" ]] && have_cjk_font; then
  echo "install-chromium: $CHROMIUM and a CJK font are present" >&2
  exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
  echo "install-chromium: needs root; expected you to run: sudo apt-get update && sudo apt-get install -y ${PACKAGES[*]}" >&2
  exit 1
fi
start=$SECONDS
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
[[ -x "$CHROMIUM" ]] || { echo "install-chromium: $CHROMIUM still missing after apt-get; expected Debian's chromium package" >&2; exit 1; }
have_cjk_font || { echo "install-chromium: no CJK font after apt-get; expected fonts-wqy-microhei in fc-list :lang=zh" >&2; exit 1; }
echo "install-chromium: installed ${PACKAGES[*]} in $((SECONDS - start)) s" >&2
