// The handout's line pictures (safe sleep, face distance, reading cues, tummy time, step away):
// vector drawings stored as data in assets/pictures/<id>.json, drawn through pdf::Canvas so
// the same picture is crisp on paper and in the window. Each carries a short text description
// per language, kept with it for an accessible version, and a shorter caption printed under it. The
// format is described in assets/pictures/README.md.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/model/enums.h"
#include "securebase/pdf/canvas.h"

namespace securebase::handout {

// One shape: a path in the picture's own units, filled and/or stroked in a shade of grey.
struct PictureShape {
  std::vector<pdf::PathStep> path;
  double stroke_gray = -1;  // 0 black .. 1 white; below 0: not stroked
  double fill_gray = -1;    // below 0: not filled
  double line_width = 2;
};

struct Picture {
  std::string id;
  double width = 0;  // the picture's own units; drawn scaled to fit a box, aspect kept
  double height = 0;
  std::map<std::string, std::string, std::less<>> description;  // by language code
  // A few words printed under the picture, by language code.
  std::map<std::string, std::string, std::less<>> caption;
  std::vector<PictureShape> shapes;

  const std::string& describe(model::Language language) const;
  const std::string& captionIn(model::Language language) const;
};

// Parses a picture file. Throws Error: not_found when missing; bad_input naming the file, the
// JSON path and the problem (a bad path command, a grey outside 0..1, a missing description).
Picture loadPicture(const std::filesystem::path& file);

// The picture assets/pictures/<id>.json, read once per process and kept.
const Picture& pictureById(std::string_view id);

// Draws `picture` centred in `box`, as large as fits, and notes where it landed
// (Canvas::noteFigure).
void drawPicture(pdf::Canvas& canvas, const Picture& picture, const pdf::Rect& box);

}  // namespace securebase::handout
