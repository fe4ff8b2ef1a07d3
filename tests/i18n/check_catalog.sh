#!/bin/sh
# translation_catalog: every string the desktop program marks for translation has a Spanish
# translation. Extracts the strings from the sources now (so a string added by anyone later is
# caught), then: es.po translates every one of them (msgcmp counts untranslated and fuzzy
# entries as missing), the committed securebase.pot is current, and msgfmt --check --statistics
# reports only translated messages.
set -eu
source_dir=${1:?usage: check_catalog.sh SOURCE_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$source_dir/assets/locale/extract-strings.sh" "$work/now.pot"
status=0
if ! msgcmp "$source_dir/assets/locale/es.po" "$work/now.pot" 2>"$work/es.txt"; then
  echo "Strings in the sources with no Spanish translation in assets/locale/es.po:"
  cat "$work/es.txt"
  status=1
fi
if ! msgcmp --use-untranslated "$source_dir/assets/locale/securebase.pot" "$work/now.pot" \
  2>"$work/pot.txt"; then
  echo "assets/locale/securebase.pot is out of date (run assets/locale/extract-strings.sh):"
  cat "$work/pot.txt"
  status=1
fi
statistics=$(msgfmt --check --statistics -o /dev/null "$source_dir/assets/locale/es.po" 2>&1)
echo "es.po: $statistics"
case "$statistics" in
*fuzzy* | *untranslated*)
  echo "es.po must be 100% translated with no fuzzy entries"
  status=1
  ;;
esac
exit $status
