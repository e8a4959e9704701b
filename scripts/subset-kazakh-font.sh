#!/bin/sh
# Writes the two small Noto Sans faces that carry the Kazakh letters outside basic Cyrillic
# (Ә Ғ Қ Ң Ө Ү Һ and their small forms), cut from @fontsource/noto-sans's Cyrillic Extended
# files: 1.6 kB each instead of 22.6 kB, and every page needs them (the language switcher says
# "Қазақша"). src/styles/fonts.css declares them after the full faces, so the browser checks
# them first and fetches the full Cyrillic Extended files only for a letter they lack.
# Needs fontTools (Debian: apt-get install python3-fonttools python3-brotli, then PYTHON=/usr/bin/python3 if another python3 comes first). The output is
# committed; run this again only when @fontsource/noto-sans changes.
set -eu
cd "$(dirname "$0")/.."
RANGE='U+0492-0493,U+049A-049B,U+04A2-04A3,U+04AE-04AF,U+04BA-04BB,U+04D8-04D9,U+04E8-04E9'
for weight in 400 700; do
  "${PYTHON:-python3}" -m fontTools.subset "node_modules/@fontsource/noto-sans/files/noto-sans-cyrillic-ext-$weight-normal.woff2" \
    --unicodes="$RANGE" --flavor=woff2 --layout-features='*' \
    --output-file="src/styles/fonts/noto-sans-kazakh-$weight.woff2"
done
