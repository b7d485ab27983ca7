#!/usr/bin/env bash
# Deploys a built site to an S3 bucket behind CloudFront (docs/deploy.md, "S3 and CloudFront"). Files that are not
# pages (pictures, CSS, documents) go first, cached for a day; then pages, the feed and the sitemap, cached for five
# minutes and revalidated; files the build no longer has are deleted last; then CloudFront is told to drop its copies.
#
#   BUCKET=s3://clinic-blog DISTRIBUTION=E123ABC scripts/deploy-s3.sh Public/
#
# Why a day and not a year for assets: ClinicPress keeps file names (assets/style.css), it does not fingerprint them, so
# a year-long browser cache would keep an old stylesheet after a theme change.
set -euo pipefail
[ $# -eq 1 ] && [ -n "${BUCKET:-}" ] || { echo "usage: BUCKET=s3://bucket [DISTRIBUTION=id] $0 OUTPUT_FOLDER/" >&2; exit 2; }
source=${1%/}/
[ -f "$source.clinicpress-output" ] || { echo "deploy-s3: $source is not a folder ClinicPress built" >&2; exit 2; }
pages=(--exclude '*' --include '*.html' --include '*.xml' --include '*.txt')
aws s3 sync "$source" "$BUCKET" --exclude '.clinicpress-output' --exclude '*.html' --exclude '*.xml' --exclude '*.txt' \
  --cache-control 'public, max-age=86400'
aws s3 sync "$source" "$BUCKET" "${pages[@]}" --cache-control 'public, max-age=300, must-revalidate'
aws s3 sync "$source" "$BUCKET" --delete --exclude '.clinicpress-output' --size-only
if [ -n "${DISTRIBUTION:-}" ]; then
  aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION" --paths '/*'
fi
