#include "securebase/pdf/render.h"

#include <algorithm>
#include <string>

#include "block_layout.h"
#include "document_characters.h"
#include "hpdf_document.h"
#include "page_furniture.h"
#include "pdf_canvas.h"
#include "securebase/pdf/text_check.h"

namespace securebase::pdf {

namespace {

bool isHeading(const Block& block) {
  return std::holds_alternative<Heading>(block);
}

}  // namespace

Rect pageRect(PaperSize paper) {
  return paper == PaperSize::a4 ? Rect{0, 0, 595.28, 841.89} : Rect{0, 0, 612, 792};
}

RenderedPdf renderPdf(const Document& document, const RenderOptions& options) {
  const Rect page = pageRect(document.paper);
  const detail::FurnitureLayout furniture =
      detail::furnitureLayout(document.furniture, page, document.margin);
  const std::size_t columns = static_cast<std::size_t>(std::max(document.columns, 1));
  const double column_width =
      columns == 1
          ? furniture.content.width
          : (furniture.content.width - document.column_gap * double(columns - 1)) / double(columns);
  const detail::LayoutContext context{FontMetrics::of(FontFace::regular),
                                      FontMetrics::of(FontFace::bold),
                                      column_width,
                                      document.body_size,
                                      furniture.content.height,
                                      document.line_spacing,
                                      document.heading_space};

  std::vector<detail::LaidOutBlock> laid_out;
  laid_out.reserve(document.blocks.size() + 8);
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const std::size_t first = laid_out.size();
    detail::layoutBlock(document.blocks[i], context, laid_out);
    // What follows a heading belongs to it: keep it close.
    if (i > 0 && isHeading(document.blocks[i - 1]) && first < laid_out.size())
      laid_out[first].unit.space_before = std::min(laid_out[first].unit.space_before, 6.0);
  }
  std::vector<FlowUnit> units;
  units.reserve(laid_out.size());
  for (const auto& block : laid_out) units.push_back(block.unit);
  // Placements count columns; a page holds `columns` of them.
  const std::vector<Placement> placements =
      paginate(units, furniture.content.height, columns, document.whole_across_pages);
  const std::size_t pages = (pageCount(placements) + columns - 1) / columns;

  const std::string title = printableText(document.title, "document title");
  const std::string author = printableText(document.author, "document author");
  const detail::PrintableFurniture printable = detail::printableFurniture(document.furniture);
  std::vector<PlacedFigure> figures;
  const auto draw = [&](const detail::SingleByteEncoding* encoding) {
    figures.clear();
    detail::HpdfDocument pdf(options.compression, encoding);
    pdf.setInfo(HPDF_INFO_TITLE, title);
    pdf.setInfo(HPDF_INFO_AUTHOR, author);
    pdf.setInfo(HPDF_INFO_CREATOR, "SecureBase");
    for (int copy = 0; copy < std::max(options.copies, 1); ++copy) {
      std::size_t next = 0;
      for (std::size_t p = 0; p < pages; ++p) {
        detail::PdfCanvas canvas(pdf, pdf.addPage(page.width, page.height), page.height);
        detail::drawFurniture(canvas, printable, furniture, p + 1, pages);
        for (; next < placements.size() && placements[next].page / columns == p; ++next) {
          const Placement& part = placements[next];
          const double x = furniture.content.x +
                           double(part.page % columns) * (column_width + document.column_gap);
          laid_out[part.unit].draw(canvas, part, {x, furniture.content.y + part.top});
        }
        canvas.finish();
        if (copy == 0)
          for (const Rect& rect : canvas.figures()) figures.push_back({p + 1, rect});
      }
    }
    return pdf.needsUtf8() ? std::string() : pdf.saveToMemory();
  };

  // Single-byte fonts when every character known before drawing fits one encoding. A Drawing
  // block's callback may still print text outside it: then the whole document is drawn again
  // with UTF-8 fonts (the callback runs twice).
  const detail::SingleByteEncoding* encoding =
      options.single_byte_fonts
          ? detail::singleByteEncodingFor(detail::documentCharacters(document))
          : nullptr;
  std::string bytes = draw(encoding);
  if (bytes.empty()) {
    encoding = nullptr;
    bytes = draw(nullptr);
  }
  return {std::move(bytes), pages, encoding != nullptr ? encoding->name() : "UTF-8",
          std::move(figures)};
}

std::size_t writePdf(const Document& document, const std::filesystem::path& path,
                     const RenderOptions& options) {
  RenderedPdf pdf = renderPdf(document, options);
  writeFileAtomically(path, pdf.bytes);
  return pdf.pages;
}

}  // namespace securebase::pdf
