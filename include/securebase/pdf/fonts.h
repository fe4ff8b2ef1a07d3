// The typefaces SecureBase embeds in its PDFs (subsets of DejaVu Sans cut at build time, see
// cmake/SecureBaseFonts.cmake) and where they are found at run time.
#pragma once

#include <filesystem>

namespace securebase::pdf {

enum class FontFace { regular, bold };

// $SECUREBASE_FONT_DIR if set; else <dataDir()>/fonts when it holds the fonts (installed
// layout); else the folder the build wrote them to. Throws Error(not_found) when none holds them.
std::filesystem::path fontDir();

// The TrueType file of a face inside fontDir().
std::filesystem::path fontPath(FontFace face);

// The smaller cut of a face holding only the characters of WinAnsiEncoding and CP1250, used by
// documents written with single-byte fonts; fontPath(face) when fontDir() lacks it.
std::filesystem::path singleByteFontPath(FontFace face);

}  // namespace securebase::pdf
