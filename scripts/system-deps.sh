#!/usr/bin/env bash
# The few Debian packages the tests need beyond Node and npm: Chromium (browser tests; never a
# downloaded browser), poppler-utils (pdftotext/pdftoppm to check PDFs) and IPAmj明朝 (the font
# that renders every MJ character) and Noto Sans CJK (the UI's Japanese sans-serif). Installed when missing if this is Debian and we are root.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/ipamj/ipamjm.ttf ] || need+=(fonts-ipamj-mincho)
# The staff UI's sans-serif Japanese face in the browser tests' Chromium.
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
# DejaVu Serif: composite glyphs for the PDF subset cache test (fonts-subset.test.ts).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "missing Debian packages: ${need[*]} — install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
