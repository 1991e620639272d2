#!/usr/bin/env bash
# Screenshots of what a reader and an admin see, for looking at a change before it ships: home,
# article (top, at #tenant-admin-consent, deep at the last section), the consent page with a URL
# and with a refusal, the answer the script shows after typing; phone (375x740) and desktop
# (1280x900), light and dark; plus the article and a consent answer printed to PDF in both schemes
# (and to PNG when pdftoppm is there: apt-get install -y poppler-utils).
#
#   scripts/screenshots.sh [OUT_DIR]      (default: a new folder under /tmp; never the repo)
#
# It runs kb.Screenshots (src/test) through Maven: the site on a free port and Debian's Chromium,
# as the browser tests do, both stopped at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT="${1:-$(mktemp -d /tmp/kb-screenshots.XXXXXX)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
mvn -q test -Dtest=Screenshots -Dsurefire.failIfNoSpecifiedTests=false -Dkb.screenshots="$OUT"
if command -v pdftoppm >/dev/null; then
  for pdf in "$OUT"/print-*.pdf; do
    pdftoppm -png -r 60 "$pdf" "${pdf%.pdf}"
  done
fi
echo "$OUT"
