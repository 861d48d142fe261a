#!/usr/bin/env bash
# Page previews for docs/: build a plan, render it with LibreOffice, turn pages into PNG.
# Usage: PAGES="1 2" scripts/render-pages.sh PLAN.yaml NAME [build options…]   → docs/NAME-<page>.png
# Needs soffice and pdftoppm; scripts/fonts.conf shows the GB fonts in the closest free faces.
set -euo pipefail
cd "$(dirname "$0")/.."
plan=$1 name=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node bin/workplan.js build "$plan" -o "$work/$name.docx" "$@"
FONTCONFIG_FILE="$PWD/scripts/fonts.conf" soffice "-env:UserInstallation=file://$work/profile" \
  --headless --convert-to pdf --outdir "$work" "$work/$name.docx" >/dev/null
rm -f docs/"$name"-*.png
for page in ${PAGES:-1 2}; do
  pdftoppm -r 60 -png -singlefile -f "$page" -l "$page" "$work/$name.pdf" "docs/$name-$page"
done
ls docs/"$name"-*.png
