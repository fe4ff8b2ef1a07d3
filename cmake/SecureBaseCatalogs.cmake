# The desktop program's translations: assets/locale/<lang>.po (editable in Poedit), compiled by
# msgfmt (Debian gettext) into <build>/locale/<lang>/LC_MESSAGES/securebase.mo and installed to
# share/securebase/locale. `msgfmt --check` refuses a catalog whose format strings do not match
# their English, so a broken translation fails the build rather than a dialog.
# assets/locale/securebase.pot is extracted from the sources with xgettext; the test
# translation_catalog_test (tests/i18n) fails when a string in the sources has no translation.
find_program(MSGFMT_EXECUTABLE msgfmt REQUIRED)
set(SECUREBASE_LOCALE_BUILD_DIR "${PROJECT_BINARY_DIR}/locale")
file(GLOB securebase_po_files CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/assets/locale/*.po")
set(securebase_mo_files)
foreach(po ${securebase_po_files})
  get_filename_component(lang "${po}" NAME_WE)
  set(mo "${SECUREBASE_LOCALE_BUILD_DIR}/${lang}/LC_MESSAGES/securebase.mo")
  add_custom_command(
    OUTPUT "${mo}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${SECUREBASE_LOCALE_BUILD_DIR}/${lang}/LC_MESSAGES"
    COMMAND ${MSGFMT_EXECUTABLE} --check -o "${mo}" "${po}"
    DEPENDS "${po}"
    COMMENT "Compiling the ${lang} catalog"
    VERBATIM)
  list(APPEND securebase_mo_files "${mo}")
  install(FILES "${mo}" DESTINATION ${CMAKE_INSTALL_DATADIR}/securebase/locale/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(securebase_catalogs ALL DEPENDS ${securebase_mo_files})
