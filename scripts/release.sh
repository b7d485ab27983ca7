#!/usr/bin/env bash
# Builds a self-contained `clinicpress` and packs it for CI jobs and servers without a Swift toolchain:
#
#   dist/clinicpress-<version>-linux-x86_64.tar.gz         clinicpress-<version>/bin/clinicpress, lib/, LICENSES/, README
#   dist/clinicpress-<version>-linux-x86_64.tar.gz.sha256  its checksum, in `sha256sum -c` format
#
# What is inside the binary: the Swift standard library, Foundation, Dispatch and Foundation's ICU (--static-swift-stdlib),
# cmark-gfm and its extensions, libxml2 (which FoundationXML uses for WordPress imports) with the ICU, lzma and zlib it
# needs (all from Debian's static archives), and the default theme (DefaultTheme.swift). Beside it in bin/: the claim
# checker's resource folder (word lists and weights, read at run time). What is not inside: glibc, libstdc++ and
# libgcc_s, which every glibc Linux has; and mimalloc, whose Debian package has no static archive, so the shared library
# is shipped in lib/ and found through the binary's RUNPATH ($ORIGIN/../lib). docs/deploy.md has the details.
#
# Usage: scripts/release.sh            build and pack
#        scripts/release.sh --no-pack  build only (.build-release/release/clinicpress)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh
arch=$(uname -m)
version=$(sed -n 's/.*current = "\([0-9][^"]*\)".*/\1/p' Sources/ClinicPressSite/Version.swift | head -1)
[ -n "$version" ] || { echo "release: cannot read the version from Sources/ClinicPressSite/Version.swift" >&2; exit 2; }
libdir=/usr/lib/$(gcc -dumpmachine 2>/dev/null || echo "$arch-linux-gnu")
scratch=.build-release

# The linker prefers a shared library to a static archive in the same folder. A folder holding only the archives, searched
# first, makes it take the archives for these names (and the shared ones for every other library).
static="$scratch/static-libs"
mkdir -p "$static"
archives=(libcmark-gfm libcmark-gfm-extensions libxml2 libicuuc libicudata liblzma libz)
for name in "${archives[@]}"; do
  [ -f "$libdir/$name.a" ] || { echo "release: $libdir/$name.a is missing (scripts/bootstrap.sh installs the -dev packages)" >&2; exit 2; }
  ln -sf "$libdir/$name.a" "$static/$name.a"
done

# SwiftPM reads cmark-gfm's pkg-config file and puts its -L/usr/lib/… first on the link line, where the shared libraries
# are: this copy points at the archives' folder instead (PKG_CONFIG_PATH is searched before the system's files).
mkdir -p "$static/pkgconfig"
cat > "$static/pkgconfig/libcmark-gfm.pc" <<PC
Name: libcmark-gfm
Description: cmark-gfm and its extensions, static archives for the release build
Version: $(pkg-config --modversion libcmark-gfm)
Libs: -L$PWD/$static -lcmark-gfm -lcmark-gfm-extensions
Cflags: $(pkg-config --cflags libcmark-gfm)
PC
export PKG_CONFIG_PATH="$PWD/$static/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

started=$(date +%s)
# libxml2's archive needs ICU, lzma and zlib after it, and ICU needs the C++ runtime: named here, the linker takes them
# from the archives above.
swift build -c release --product clinicpress --scratch-path "$scratch" --static-swift-stdlib \
  -Xlinker -L"$PWD/$static" \
  -Xlinker -rpath -Xlinker '$ORIGIN/../lib' \
  -Xlinker -lxml2 -Xlinker -licuuc -Xlinker -licudata -Xlinker -llzma -Xlinker -lz -Xlinker -lstdc++ -Xlinker -lm
binary="$scratch/release/clinicpress"
echo "release: built $binary in $(( $(date +%s) - started )) s" >&2

[ "${1:-}" = "--no-pack" ] && exit 0

name="clinicpress-$version"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/bin" "$stage/$name/lib" "$stage/$name/LICENSES"
cp "$binary" "$stage/$name/bin/clinicpress"
strip "$stage/$name/bin/clinicpress"
# The claim checker's word lists and weights are resource files that the binary looks for beside itself.
for bundle in "$scratch"/release/*.resources; do
  [ -d "$bundle" ] && cp -r "$bundle" "$stage/$name/bin/"
done
# Every shared library the binary needs that is not part of glibc, libstdc++ or libgcc_s goes into lib/.
while read -r library path; do
  case "$library" in
    linux-vdso.so.*|ld-linux*|libc.so.*|libm.so.*|libpthread.so.*|libdl.so.*|librt.so.*|libstdc++.so.*|libgcc_s.so.*) ;;
    *) cp -L "$path" "$stage/$name/lib/$library" ;;
  esac
done < <(ldd "$binary" | awk '/=> \// { print $1, $3 }')
for package in libcmark-gfm0.29.0.gfm.6 libmimalloc2.0 libxml2 libicu72 liblzma5 zlib1g; do
  [ -f "/usr/share/doc/$package/copyright" ] && cp "/usr/share/doc/$package/copyright" "$stage/$name/LICENSES/$package"
done
cat > "$stage/$name/README" <<EOF
ClinicPress $version for Linux ($arch, glibc). Run bin/clinicpress (keep lib/ beside bin/).
  bin/clinicpress build --site path/to/site --quiet --report build.json
Documentation: docs/deploy.md in the ClinicPress repository.
EOF

mkdir -p dist
tarball="dist/$name-linux-$arch.tar.gz"
# Reproducible: fixed owner, order and times, and gzip without a time stamp.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00:00Z' -C "$stage" -cf - "$name" | gzip -n -9 > "$tarball"
(cd dist && sha256sum "$(basename "$tarball")" > "$(basename "$tarball").sha256")
echo "release: $tarball ($(du -h "$tarball" | cut -f1)) and $tarball.sha256" >&2
