#!/usr/bin/env bash
# Makes the web fonts in ../static/fonts/ from the TTFs here: Atkinson Hyperlegible subset to the
# characters handouts in English and Spanish use (Basic Latin, Latin-1, Latin Extended-A, general
# punctuation, °, ✓), as WOFF2. The output is committed, so a build never needs Python or the
# network; run this again only when a font changes:
#   python3 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools==4.68.0 brotli==1.2.1
#   PATH=/tmp/ft/bin:$PATH themes/default/fonts/make-woff2.sh
set -euo pipefail
cd "$(dirname "$0")"
unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2212"
for face in Regular Bold Italic BoldItalic; do
  pyftsubset "AtkinsonHyperlegible-$face.ttf" --unicodes="$unicodes" --flavor=woff2 \
    --layout-features='kern,liga,calt' --no-hinting --desubroutinize \
    --output-file="../static/fonts/atkinson-hyperlegible-$(echo "$face" | tr 'A-Z' 'a-z').woff2"
done
