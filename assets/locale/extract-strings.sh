#!/bin/sh
# Extracts the desktop program's translatable strings (_(), wxPLURAL, wxTRANSLATE,
# wxGETTEXT_IN_CONTEXT) from
# src/app into a .pot file: `assets/locale/extract-strings.sh assets/locale/securebase.pot`
# refreshes the template; then `msgmerge -U assets/locale/es.po assets/locale/securebase.pot`
# (or Poedit's "Update from POT file") brings the new strings into es.po for translation.
# The test translation_catalog (tests/i18n) runs this same extraction.
set -eu
out=${1:?usage: extract-strings.sh OUTPUT.pot}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
xgettext -k_ -kwxPLURAL:1,2 -kwxTRANSLATE -kwxGETTEXT_IN_CONTEXT:1c,2 --from-code=UTF-8 --language=C++ \
  --package-name=SecureBase --msgid-bugs-address=none --add-comments=TRANSLATORS \
  --sort-by-file -o "$out" $(ls src/app/*.cpp src/app/*.h | LC_ALL=C sort)
