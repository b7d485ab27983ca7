#!/usr/bin/env bash
# Runs the packed release binary where no Swift toolchain exists: an empty root holding only what the tarball holds,
# the libraries `ldd` lists for it (glibc, libstdc++, libgcc_s), /dev/null and /tmp, and a copy of the sample site.
# The binary builds the sample site there (entered with `unshare -r chroot`, as an unprivileged user can); the test
# checks what ldd lists, the exit code, the report and the pages, and that the output equals a build by the toolchain's
# binary, file for file (the digest in the report). Entered with `unshare -r -m -p -f --mount-proc`: an unprivileged user
# gets root in a new namespace, chroot and a /proc of its own. Usage: scripts/release-test.sh [dist/clinicpress-….tar.gz]
set -euo pipefail
cd "$(dirname "$0")/.."

tarball=${1:-$(ls -t dist/clinicpress-*-linux-*.tar.gz 2>/dev/null | head -1)}
[ -f "$tarball" ] || { echo "release-test: no tarball in dist/ (run make release)" >&2; exit 2; }
(cd "$(dirname "$tarball")" && sha256sum -c --quiet "$(basename "$tarball").sha256")

fail() { echo "release-test: FAIL: $*" >&2; exit 1; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
tar -xzf "$tarball" -C "$root"
dir=$(basename "$tarball" | sed 's/-linux-.*//')
mv "$root/$dir" "$root/opt"
binary="$root/opt/bin/clinicpress"

# 1. Only libc-level libraries from the system; anything else comes from the tarball's lib/.
echo "release-test: ldd $dir/bin/clinicpress" >&2
ldd "$binary" | sed 's/^/    /' >&2
while read -r library _ path _; do
  case "$library" in
    linux-vdso.so.*|/lib64/ld-linux*|libc.so.*|libm.so.*|libpthread.so.*|libdl.so.*|librt.so.*|libstdc++.so.*|libgcc_s.so.*) ;;
    *) [[ "$(realpath "$path" 2>/dev/null)" == "$(realpath "$root")/opt/lib/"* ]] || fail "$library comes from $path, not from the tarball's lib/" ;;
  esac
done < <(ldd "$binary" | awk '{ print $1, $2, $3, $4 }')
ldd "$binary" | grep -q "swift" && fail "the binary links a Swift runtime library dynamically"

# 2. The empty root: the system libraries ldd resolved, the dynamic loader, /dev/null, /tmp, the site.
while read -r path; do
  mkdir -p "$root$(dirname "$path")"
  cp -L "$path" "$root$path"
done < <(ldd "$binary" | awk '/=> \// && $3 !~ /\/opt\// { print $3 } /^\t\/lib64/ { print $1 }')
# /proc too: the dynamic loader finds $ORIGIN (where lib/ is) through /proc/self/exe, as on any real system.
mkdir -p "$root/dev" "$root/tmp" "$root/site" "$root/proc"
touch "$root/dev/null"
# The sample site's inputs, whichever it has (the repository root is the sample site).
for input in site.yaml references.yaml people.yaml Posts Pages static Templates; do
  [ -e "$input" ] && cp -r "$input" "$root/site/"
done
echo "release-test: the root holds $(find "$root" -type f | wc -l) files, $(du -sh "$root" | cut -f1)" >&2
[ -e "$root/usr/bin/swift" ] || [ -e "$root/opt/swift" ] && fail "a Swift toolchain is in the root"

# 3. Build the sample site inside it.
set +e
unshare -r -m -p -f --mount-proc="$root/proc" chroot "$root" /opt/bin/clinicpress build --site /site --output /site/Public --quiet --report /tmp/report.json
status=$?
set -e
[ $status -eq 0 ] || fail "clinicpress build exited $status in the empty root"
grep -q '"status": "built"' "$root/tmp/report.json" || fail "the report does not say built: $(cat "$root/tmp/report.json")"
[ -f "$root/site/Public/index.html" ] && [ -f "$root/site/Public/feed.xml" ] || fail "no index.html or feed.xml in the output"
pages=$(find "$root/site/Public" -name '*.html' | wc -l)
digest=$(sed -n 's/.*"output_digest": "\(sha256:[0-9a-f]*\)".*/\1/p' "$root/tmp/report.json")
"$root/opt/bin/clinicpress" --version >/dev/null
echo "release-test: built the sample site in an empty root: $pages pages, $digest" >&2

# 4. The same site, built by the development binary when there is one, gives the same bytes.
if [ -x .build/release/clinicpress ] || [ -x .build/debug/clinicpress ]; then
  local_binary=$( [ -x .build/release/clinicpress ] && echo .build/release/clinicpress || echo .build/debug/clinicpress )
  out=$(mktemp -d)
  cp -r "$root/site" "$out/site" && rm -rf "$out/site/Public"
  "$local_binary" build --site "$out/site" --quiet --report "$out/report.json" || fail "$local_binary could not build the copy"
  local_digest=$(sed -n 's/.*"output_digest": "\(sha256:[0-9a-f]*\)".*/\1/p' "$out/report.json")
  rm -rf "$out"
  [ "$digest" = "$local_digest" ] || fail "the packed binary's output ($digest) differs from $local_binary's ($local_digest)"
  echo "release-test: same output as $local_binary" >&2
fi
echo "release-test: OK" >&2
