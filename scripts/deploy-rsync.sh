#!/usr/bin/env bash
# Deploys a built site to a server over rsync (docs/deploy.md, "rsync to a VPS"), in an order that never shows a visitor a
# page whose pictures or styles are not there yet: first every file that is not a page (pictures, CSS, files), then the
# pages, the feed and the sitemap, and only then are files the new build no longer has deleted.
#
#   scripts/deploy-rsync.sh Public/ deploy@clinic-vps:/var/www/blog/
#
# The destination is anything rsync takes: user@host:/path over ssh, or a local folder. Unchanged files are not sent
# (--checksum: ClinicPress keeps unchanged files' bytes, and rebuilds keep their times too).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 OUTPUT_FOLDER/ DESTINATION/" >&2; exit 2; }
source=${1%/}/
destination=${2%/}/
[ -f "$source.clinicpress-output" ] || { echo "deploy-rsync: $source is not a folder ClinicPress built" >&2; exit 2; }
common=(--recursive --links --perms --times --checksum --human-readable --exclude=.clinicpress-output)
rsync "${common[@]}" --exclude='*.html' --exclude='*.xml' --exclude='*.txt' "$source" "$destination"
rsync "${common[@]}" "$source" "$destination"
rsync "${common[@]}" --delete "$source" "$destination"
