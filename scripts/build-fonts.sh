#!/bin/sh
# Writes src/styles/fonts/noto-sans-{400,700}.woff2: one Noto Sans file per weight with everything
# a page of ours draws, so that a page fetches two fonts, not six (each arriving font makes the
# browser lay the page out again; on a slow phone that is a long task each). Each file joins
# @fontsource/noto-sans's Latin and Cyrillic files and the Kazakh letters outside basic Cyrillic
# (Ә Ғ Қ Ң Ө Ү Һ, small and capital) cut from its Cyrillic Extended file: 18–19 kB, where the
# three sources are 45 kB a weight. src/styles/fonts.css keeps the full Latin Extended and
# Cyrillic Extended faces for any other letter.
# Needs fontTools with brotli (Debian: apt-get install python3-fonttools python3-brotli; set
# PYTHON=/usr/bin/python3 if another python3 comes first). The output is committed; run this
# again only when @fontsource/noto-sans changes.
set -eu
cd "$(dirname "$0")/.."
py="${PYTHON:-python3}"
files=node_modules/@fontsource/noto-sans/files
kazakh='U+0492-0493,U+049A-049B,U+04A2-04A3,U+04AE-04AF,U+04BA-04BB,U+04D8-04D9,U+04E8-04E9'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for weight in 400 700; do
  for subset in latin cyrillic; do
    "$py" -m fontTools.ttLib.woff2 decompress -o "$work/$subset.ttf" \
      "$files/noto-sans-$subset-$weight-normal.woff2"
  done
  "$py" -m fontTools.subset "$files/noto-sans-cyrillic-ext-$weight-normal.woff2" \
    --unicodes="$kazakh" --layout-features='*' --output-file="$work/kazakh.ttf"
  "$py" -m fontTools.merge --output-file="$work/merged.ttf" \
    "$work/latin.ttf" "$work/cyrillic.ttf" "$work/kazakh.ttf"
  "$py" -m fontTools.ttLib.woff2 compress -o "src/styles/fonts/noto-sans-$weight.woff2" \
    "$work/merged.ttf"
done
