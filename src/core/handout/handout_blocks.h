// Pieces the handout builders share: the boxes the engine has no block for (safety notes, tips,
// the "Remember" summary, the calm-down plan, "What we saw today"), pictures, and the mapping of
// content blocks onto document blocks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "securebase/handout/builder.h"
#include "securebase/handout/content.h"
#include "securebase/handout/picture.h"
#include "securebase/pdf/document.h"

namespace securebase::handout::detail {

// The width of one text column on `paper` with the document's margin, columns and gap.
double columnWidth(const pdf::Document& document);

// How a box looks. Safety boxes have a heavy frame and a warning sign, so they stand apart from
// tips (a tinted box with a bar on its left) also when printed in grey.
enum class BoxLook { tip, safety, remember };

// A line to fill in ("Someone I can call: ______"), or filled when `value` is given.
struct WriteIn {
  std::string label;
  std::string value;
};

struct BoxContent {
  std::string title;
  const Picture* picture = nullptr;  // drawn at the top of the box
  std::string caption;               // printed beside the picture
  std::vector<std::string> paragraphs;
  std::vector<std::string> items;
  bool numbered = false;  // items as 1. 2. 3. (steps) rather than bullets
  std::vector<WriteIn> write_ins;
  std::vector<std::string> closing;  // paragraphs after the items, before the write-ins
};

// The box as one block kept whole on one column.
pdf::Block boxBlock(BoxLook look, const BoxContent& content, double width, double body_size);

// A picture with its caption beside it, kept with the text after it.
pdf::Block pictureBlock(const Picture& picture, const std::string& caption, double width,
                        double body_size);

// How tall a picture is drawn in a column of `width`.
double pictureHeight(const Picture& picture, double width);

// Every section of `content` shown for `band`, with the markers resolved for `child_name` and
// `sex`; `helpers` fills the calm-down plan's lines (empty: lines to write on).
void appendGeneralContent(const HandoutContent& content,
                          const std::optional<std::string>& child_name, model::Sex sex,
                          AgeBand band, const ClinicDetails& clinic,
                          const std::vector<WriteIn>& helpers, double width, double body_size,
                          std::vector<pdf::Block>& out);

}  // namespace securebase::handout::detail
