#!/bin/sh
# Extracts the desktop program's translatable strings into a .pot file: _(), wxPLURAL,
# wxTRANSLATE and wxGETTEXT_IN_CONTEXT in src/app, and the core's error wordings (errorText,
# errorPhrase; see include/securebase/core/error.h) in src/core, src/print and include, which the
# window shows translated. `assets/locale/extract-strings.sh assets/locale/securebase.pot`
# refreshes the template; then `msgmerge -N -U assets/locale/es.po assets/locale/securebase.pot`
# (or Poedit's "Update from POT file") brings the new strings into es.po for translation.
# The test translation_catalog (tests/i18n) runs this same extraction.
set -eu
out=${1:?usage: extract-strings.sh OUTPUT.pot}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
xgettext -k_ -kwxPLURAL:1,2 -kwxTRANSLATE -kwxGETTEXT_IN_CONTEXT:1c,2 -kerrorText:1 -kerrorPhrase:1 \
  --from-code=UTF-8 --language=C++ \
  --package-name=SecureBase --msgid-bugs-address=none --add-comments=TRANSLATORS \
  --sort-by-file -o "$out" $(find src/app src/core src/print include -name '*.cpp' -o -name '*.h' | LC_ALL=C sort)
