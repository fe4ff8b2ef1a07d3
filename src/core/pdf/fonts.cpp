#include "securebase/pdf/fonts.h"

#include <cstdlib>
#include <system_error>

#include "securebase/core/error.h"
#include "securebase/core/paths.h"

namespace securebase::pdf {
namespace fs = std::filesystem;

namespace {

const char* fileName(FontFace face) {
  return face == FontFace::bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
}

bool holdsFonts(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / fileName(FontFace::regular), ec) &&
         fs::is_regular_file(dir / fileName(FontFace::bold), ec);
}

}  // namespace

fs::path fontDir() {
  if (const char* env = std::getenv("SECUREBASE_FONT_DIR"); env != nullptr && *env != '\0') {
    if (!holdsFonts(env))
      throwNotFound("SECUREBASE_FONT_DIR (" + std::string(env) +
                    ") does not hold DejaVuSans.ttf and DejaVuSans-Bold.ttf");
    return env;
  }
  if (const fs::path installed = dataDir() / "fonts"; holdsFonts(installed))
    return installed;
  if (const fs::path built = SECUREBASE_BUILD_FONT_DIR; holdsFonts(built))
    return built;
  throwNotFound("the PDF fonts (DejaVuSans.ttf, DejaVuSans-Bold.ttf) are not installed");
}

fs::path fontPath(FontFace face) {
  return fontDir() / fileName(face);
}

}  // namespace securebase::pdf
