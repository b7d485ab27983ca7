#!/usr/bin/env bash
# Installs what ClinicPress needs from Debian when it is missing: cmark-gfm with its extensions (and
# pkg-config to find it), mimalloc, the allocator the command line links, and libxml2, which FoundationXML
# links. Safe to run again: it does nothing when everything is there.
set -euo pipefail

missing=()
pkg-config --exists libcmark-gfm 2>/dev/null || missing+=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config)
[ -f /usr/include/cmark-gfm-core-extensions.h ] || missing+=(libcmark-gfm-extensions-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
[ -f /usr/include/mimalloc.h ] || missing+=(libmimalloc-dev)
# `comments import` reads WordPress's XML export with FoundationXML, which links libxml2 (a static build needs the -dev).
[ -f /usr/include/libxml2/libxml/parser.h ] || missing+=(libxml2-dev)
if [ "${CLINICPRESS_WITH_BROWSER:-0}" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium)
fi
# The tests run the rsync deploy recipe (docs/deploy.md) into a temporary folder.
if [ "${CLINICPRESS_WITH_BROWSER:-0}" = 1 ] && ! command -v rsync >/dev/null 2>&1; then
  missing+=(rsync)
fi

if [ ${#missing[@]} -gt 0 ]; then
  # Deduplicate, keep order.
  mapfile -t packages < <(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++')
  echo "bootstrap: installing ${packages[*]} with apt-get" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# The browser test drives Chromium over the DevTools protocol with websocket-client (PyPI).
if [ "${CLINICPRESS_WITH_BROWSER:-0}" = 1 ] && ! python3 -c "import websocket" 2>/dev/null; then
  echo "bootstrap: installing websocket-client with pip" >&2
  python3 -m pip install --quiet --disable-pip-version-check websocket-client >/dev/null 2>&1 \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages websocket-client
fi

# The tests validate the GitHub Actions workflow `init` writes against GitHub's schema, which check-jsonschema (PyPI)
# ships; the check runs offline.
if [ "${CLINICPRESS_WITH_BROWSER:-0}" = 1 ] && ! command -v check-jsonschema >/dev/null 2>&1; then
  echo "bootstrap: installing check-jsonschema with pip" >&2
  python3 -m pip install --quiet --disable-pip-version-check check-jsonschema >/dev/null 2>&1 \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages check-jsonschema
fi
