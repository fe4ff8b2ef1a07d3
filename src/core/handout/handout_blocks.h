// Pieces the handout builders share: the look of boxes the engine has no block for (the safety
// note, the "What we saw today" box), and the mapping of content blocks onto document blocks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "securebase/handout/builder.h"
#include "securebase/handout/content.h"
#include "securebase/pdf/document.h"

namespace securebase::handout::detail {

// Line width of the body text on `paper` with the document's margin.
double contentWidth(pdf::PaperSize paper, double margin);

// The colours of a boxed note. Safety notes are warm, tips are the accent's tint, so a reader
// skimming the page tells them apart.
struct NoteStyle {
  pdf::Color tint;
  pdf::Color bar;
  pdf::Color title;
  static const NoteStyle tip;
  static const NoteStyle safety;
};

// A paragraph opened by a bold lead ("Tummy time: A fun way…").
struct LeadText {
  std::string lead;
  std::string text;
};

// Lead paragraphs one under the other, a small gap between them, kept whole on one page; in a
// tinted box with a bar on its left when `style` is given.
pdf::Block leadTextBlock(const std::vector<LeadText>& entries, const NoteStyle* style, double width,
                         double body_size);

// A tinted box with a bar on its left, the title in bold opening the text, kept whole on one
// page.
pdf::Block noteBox(const NoteStyle& style, const std::string& title, const std::string& text,
                   double width, double body_size);

// Every section of `content`, with the markers resolved for `child_name` and `sex`.
void appendGeneralContent(const HandoutContent& content,
                          const std::optional<std::string>& child_name, model::Sex sex,
                          const ClinicDetails& clinic, double width, double body_size,
                          std::vector<pdf::Block>& out);

}  // namespace securebase::handout::detail
