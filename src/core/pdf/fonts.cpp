#include "securebase/pdf/fonts.h"

#include <cstdlib>
#include <mutex>
#include <optional>
#include <string>
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

fs::path findFontDir() {
  if (const char* env = std::getenv("SECUREBASE_FONT_DIR"); env != nullptr && *env != '\0') {
    if (!holdsFonts(env))
      throwNotFound("SECUREBASE_FONT_DIR (" + std::string(env) +
                    ") does not hold DejaVuSans.ttf and DejaVuSans-Bold.ttf");
    return env;
  }
  if (const fs::path installed = dataDir() / "fonts"; holdsFonts(installed)) return installed;
  if (const fs::path built = SECUREBASE_BUILD_FONT_DIR; holdsFonts(built)) return built;
  throwNotFound("the PDF fonts (DejaVuSans.ttf, DejaVuSans-Bold.ttf) are not installed");
}

}  // namespace

// Looking the folder up costs several file-system calls; every document and every text check
// asks for it, so the answer is kept until $SECUREBASE_FONT_DIR changes.
fs::path fontDir() {
  static std::mutex mutex;
  static std::optional<std::string> looked_up_for;
  static fs::path found;
  const char* env = std::getenv("SECUREBASE_FONT_DIR");
  const std::string env_value = env == nullptr ? std::string() : std::string(env);
  const std::lock_guard lock(mutex);
  if (!looked_up_for || *looked_up_for != env_value) {
    found = findFontDir();
    looked_up_for = env_value;
  }
  return found;
}

fs::path fontPath(FontFace face) {
  return fontDir() / fileName(face);
}

fs::path singleByteFontPath(FontFace face) {
  const fs::path dir = fontDir();
  fs::path path = dir / (face == FontFace::bold ? "DejaVuSans-Bold-SingleByte.ttf"
                                                : "DejaVuSans-SingleByte.ttf");
  std::error_code ec;
  return fs::is_regular_file(path, ec) ? path : dir / fileName(face);
}

}  // namespace securebase::pdf
