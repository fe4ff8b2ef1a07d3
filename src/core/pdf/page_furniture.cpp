#include "page_furniture.h"

#include <algorithm>

#include "block_layout.h"
#include "securebase/pdf/text_check.h"
#include "text_drawing.h"

namespace securebase::pdf::detail {

namespace {

constexpr double kHeaderSize = 10.5;
constexpr double kFooterSize = 9;
constexpr double kMinFooterSize = 7;
constexpr double kFooterGap = 18;  // between the footer's text and the page number
constexpr double kLogoHeight = 26;

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

FurnitureLayout furnitureLayout(const PageFurniture&, const Rect& page, double margin) {
  const double top = margin + 12;  // room under the header rule
  return {page, {margin, top, page.width - 2 * margin, page.height - margin - top}, margin};
}

PrintableFurniture printableFurniture(const PageFurniture& furniture) {
  PrintableFurniture out{printableText(furniture.clinic_name, "clinic name"),
                         printableText(furniture.clinic_phone, "clinic phone"),
                         printableText(furniture.date_text, "date"),
                         printableText(furniture.page_label, "page label"), nullptr};
  if (!furniture.logo_png.empty()) {
    (void)pngSize(furniture.logo_png);
    out.logo_png = &furniture.logo_png;
  }
  return out;
}

std::string pageLabel(const std::string& label, std::size_t page, std::size_t pages) {
  std::string text = label;
  replaceAll(text, "{page}", std::to_string(page));
  replaceAll(text, "{pages}", std::to_string(pages));
  return text;
}

void drawFurniture(Canvas& canvas, const PrintableFurniture& furniture,
                   const FurnitureLayout& layout, std::size_t page, std::size_t pages) {
  const double left = layout.margin;
  const double right = layout.page.width - layout.margin;
  // Header and footer sit inside the margins, at least a quarter inch from the paper's edge
  // where printers can still print.
  const double rule_y = layout.content.y - 10;
  const double header_baseline = rule_y - 7;

  double name_x = left;
  if (furniture.logo_png != nullptr) {
    const auto [w, h] = pngSize(*furniture.logo_png);
    const double logo_width = std::min(kLogoHeight * w / h, 120.0);
    const double logo_height = logo_width * h / w;
    canvas.image(*furniture.logo_png, {left, rule_y - 4 - logo_height, logo_width, logo_height});
    name_x += logo_width + 8;
  }
  canvas.setFill(palette::accent);
  canvas.text({name_x, header_baseline}, furniture.clinic_name, kHeaderSize, true);
  canvas.setFill(palette::muted);
  canvas.text({right, header_baseline}, furniture.clinic_phone, kHeaderSize, false,
              TextAlign::right);
  canvas.setStroke(palette::rule, 0.8);
  canvas.strokeLine({left, rule_y}, {right, rule_y});

  const double footer_rule = layout.page.height - layout.margin + 4;
  const double footer_baseline = footer_rule + 11;
  canvas.strokeLine({left, footer_rule}, {right, footer_rule});
  canvas.setFill(palette::muted);
  // A long footer (a Spanish date on A4) is set smaller rather than run into the page number.
  const std::string label = pageLabel(furniture.page_label, page, pages);
  const double room = right - left - canvas.textWidth(label, kFooterSize, false) - kFooterGap;
  const double date_width = canvas.textWidth(furniture.date_text, kFooterSize, false);
  const double date_size = date_width > room && date_width > 0
                               ? std::max(kMinFooterSize, kFooterSize * room / date_width)
                               : kFooterSize;
  canvas.text({left, footer_baseline}, furniture.date_text, date_size, false);
  canvas.text({right, footer_baseline}, label, kFooterSize, false, TextAlign::right);
}

}  // namespace securebase::pdf::detail
