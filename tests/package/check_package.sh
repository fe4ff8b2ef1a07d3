#!/bin/sh
# package_installs: `cpack -G DEB` makes securebase_<version>_amd64.deb with dependencies from
# dpkg-shlibdeps; unpacked into a temporary root (dpkg -x), the installed programs run from
# there with no SECUREBASE_DATA_DIR (they find ../share/securebase themselves), and the desktop
# entry, the AppStream metainfo and both man pages are valid, and the user guide is there.
set -eu
binary_dir=${1:?usage: check_package.sh BINARY_DIR VERSION}
version=${2:?usage: check_package.sh BINARY_DIR VERSION}
work=$(mktemp -d)
trap 'status=$?; rm -rf "$work"; [ $status -eq 0 ] || echo "package_installs: a step failed" >&2' EXIT
cd "$work"
cpack -G DEB --config "$binary_dir/CPackConfig.cmake" -B "$work/out" >cpack.log 2>&1 ||
  { cat cpack.log; exit 1; }
deb="$work/out/securebase_${version}_amd64.deb"
test -f "$deb" || { echo "no $deb"; ls "$work/out"; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
case "$depends" in *libwxgtk3.2*) ;; *) echo "dpkg-shlibdeps did not list wx"; exit 1 ;; esac
case "$depends" in *libcups2*) ;; *) echo "the package does not depend on libcups2 (opened when printing)"; exit 1 ;; esac
dpkg -x "$deb" root
unset SECUREBASE_DATA_DIR SECUREBASE_DB
export HOME="$work/home" XDG_DATA_HOME="$work/home/data"
mkdir -p "$HOME"
root/usr/bin/securebase-cli --version | grep -q "$version"
root/usr/bin/securebase-cli init --unencrypted --db "$work/installed.db" >/dev/null
root/usr/bin/securebase-cli handout --generic --lang es -o "$work/hoja.pdf" >/dev/null
pdfinfo "$work/hoja.pdf" >/dev/null
test -f root/usr/share/securebase/locale/es/LC_MESSAGES/securebase.mo
test -f root/usr/share/securebase/forms/attachment-practices.v1.json
test -f root/usr/share/securebase/fonts/LICENSE-DejaVu.txt
test -f root/usr/share/doc/securebase/LICENSE
# The user guide (Help › User Guide) in both languages, whole and offline: every in-page link
# has its anchor, and nothing is fetched from the network.
for lang in en es; do
  guide=root/usr/share/securebase/assets/help/$lang/index.html
  test -f "$guide" || { echo "no user guide $guide"; exit 1; }
  if grep -q -e '://' -e '<img' -e '<link' "$guide"; then
    echo "the $lang user guide refers to something outside it"
    exit 1
  fi
  for anchor in $(grep -o 'href="#[a-z]*"' "$guide" | sed 's/href="#\(.*\)"/\1/'); do
    grep -q "name=\"$anchor\"" "$guide" || { echo "$guide: no anchor $anchor"; exit 1; }
  done
done
for size in 48 128 256; do test -f "root/usr/share/icons/hicolor/${size}x${size}/apps/securebase.png"; done
test -f root/usr/share/icons/hicolor/scalable/apps/securebase.svg
desktop-file-validate root/usr/share/applications/securebase.desktop
appstreamcli validate --no-net root/usr/share/metainfo/org.securebase.SecureBase.metainfo.xml
for page in securebase securebase-cli; do
  file=$(ls root/usr/share/man/man1/"$page".1*)
  MANWIDTH=80 man -l "$file" 2>"$work/man.err" | grep -q "$page" ||
    { echo "man page $page does not render"; exit 1; }
  test ! -s "$work/man.err" || { cat "$work/man.err"; exit 1; }
done
echo "ok: $(basename "$deb"), $(du -k "$deb" | cut -f1) KB"
