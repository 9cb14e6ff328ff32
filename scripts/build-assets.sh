#!/usr/bin/env bash
# Prepares the public directory the server loads at start-up: GOV.UK Frontend's fonts and
# images under /assets, and under /static our compiled CSS, GOV.UK Frontend's JS,
# accessible-autocomplete and our own scripts. Rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/public}
mkdir -p "$out/static" "$out/assets"

css="$out/static/providerwatch.css"
if [ ! -f "$css" ] || [ src/web/styles/providerwatch.scss -nt "$css" ] || [ package-lock.json -nt "$css" ]; then
  echo "build-assets: compiling $css"
  node_modules/.bin/sass --no-source-map --style=compressed --quiet-deps --silence-deprecation=import \
    --load-path=node_modules src/web/styles/providerwatch.scss "$css"
fi
cp -ru node_modules/govuk-frontend/dist/govuk/assets/. "$out/assets/"
cp -u node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/static/"
cp -u node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js \
      node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.css "$out/static/"
cp -u src/web/static/*.js "$out/static/"

# Compressed copies of every text asset, made once here rather than on each request: brotli at
# its best quality and gzip, beside each file (the server loads them with it).
find "$out" -type f \( -name '*.css' -o -name '*.js' -o -name '*.svg' -o -name '*.json' -o -name '*.txt' \) | while read -r f; do
  if [ ! -f "$f.br" ] || [ "$f" -nt "$f.br" ]; then brotli -q 11 -f -o "$f.br" "$f"; fi
  if [ ! -f "$f.gz" ] || [ "$f" -nt "$f.gz" ]; then gzip -9 -n -c "$f" >"$f.gz"; fi
done
