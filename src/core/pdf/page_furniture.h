// The clinic header (logo, name, phone) and the footer (date, "Page X of Y") on every page,
// and the content area they leave for blocks.
#pragma once

#include <cstddef>
#include <string>

#include "securebase/pdf/canvas.h"
#include "securebase/pdf/document.h"

namespace securebase::pdf::detail {

struct FurnitureLayout {
  Rect page;
  Rect content;
  double margin = 0;
};

FurnitureLayout furnitureLayout(const PageFurniture& furniture, const Rect& page, double margin);

// Furniture text normalised and checked once per document.
struct PrintableFurniture {
  std::string clinic_name;
  std::string clinic_phone;
  std::string date_text;
  std::string page_label;
  const std::string* logo_png = nullptr;
};

PrintableFurniture printableFurniture(const PageFurniture& furniture);

void drawFurniture(Canvas& canvas, const PrintableFurniture& furniture,
                   const FurnitureLayout& layout, std::size_t page, std::size_t pages);

// "{page}" and "{pages}" replaced in `label`.
std::string pageLabel(const std::string& label, std::size_t page, std::size_t pages);

}  // namespace securebase::pdf::detail
