# The two faces the PDF module embeds: DejaVu Sans regular and bold (Debian fonts-dejavu-core),
# cut at build time with hb-subset (Debian libharfbuzz-bin) to the characters SecureBase prints.
# A full face adds ~90 KB to every handout; the subset keeps handouts under 48 KB. libharu reads
# the TrueType tables head, hhea, hmtx, loca, glyf, maxp, cmap (format 4), name, post and OS/2,
# all of which hb-subset keeps; hinting and layout tables are dropped (libharu never uses them).
# The ranges are few and wide on purpose: libharu walks the cmap segments once per code point of
# the BMP for every font in every document, so fewer segments make every document faster.
set(SECUREBASE_FONT_SOURCE_DIR "/usr/share/fonts/truetype/dejavu" CACHE PATH
    "Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf")
set(SECUREBASE_FONT_UNICODES
    "U+0020-007E,U+00A0-024F,U+1E00-1EFF,U+2010-2027,U+2030-203A,U+20AC,U+2122"
    CACHE STRING "Code points kept in the embedded font subsets")
find_program(HB_SUBSET_EXECUTABLE hb-subset REQUIRED)

# A second, smaller cut of each face holds only the characters of WinAnsiEncoding (CP1252) and
# CP1250 that the full cut has: documents whose text fits one of those encodings embed it as a
# simple TrueType font, and libharu's per-document work on a font grows with its glyph count.
set(SECUREBASE_SINGLE_BYTE_FONT_UNICODES
    "U+0020-007E,U+00A0-017F,U+0192,U+2013-2014,U+2018-201A,U+201C-201E,U+2020-2022,U+2026,U+2030,U+2039-203A,U+20AC,U+2122"
    CACHE STRING "Code points kept in the single-byte font subsets")

set(SECUREBASE_FONT_BUILD_DIR "${PROJECT_BINARY_DIR}/fonts")
set(securebase_font_outputs)
foreach(face DejaVuSans DejaVuSans-Bold)
  foreach(cut full single-byte)
    if(cut STREQUAL "full")
      set(output "${SECUREBASE_FONT_BUILD_DIR}/${face}.ttf")
      set(unicodes "${SECUREBASE_FONT_UNICODES}")
    else()
      set(output "${SECUREBASE_FONT_BUILD_DIR}/${face}-SingleByte.ttf")
      set(unicodes "${SECUREBASE_SINGLE_BYTE_FONT_UNICODES}")
    endif()
    add_custom_command(
      OUTPUT "${output}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${SECUREBASE_FONT_BUILD_DIR}"
      COMMAND ${HB_SUBSET_EXECUTABLE} "${SECUREBASE_FONT_SOURCE_DIR}/${face}.ttf"
              "--unicodes=${unicodes}" --no-hinting
              "--drop-tables+=GSUB,GPOS,GDEF,kern,MATH,gasp" "--output-file=${output}"
      DEPENDS "${SECUREBASE_FONT_SOURCE_DIR}/${face}.ttf"
      COMMENT "Subsetting ${face} (${cut}) for embedding in PDFs"
      VERBATIM)
    list(APPEND securebase_font_outputs "${output}")
  endforeach()
endforeach()
add_custom_target(securebase_fonts ALL DEPENDS ${securebase_font_outputs})
install(FILES ${securebase_font_outputs} DESTINATION ${CMAKE_INSTALL_DATADIR}/securebase/fonts)
