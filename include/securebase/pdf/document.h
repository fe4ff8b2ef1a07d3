// What a PDF is made of: a list of blocks (headings, paragraphs, bullets, tip boxes, images,
// spacers, key-value lists, tables, charts, free drawings) plus the page furniture (clinic
// header, dated footer with page numbers). The handout and report builders fill these; the
// renderer (render.h) lays them out and paginates. Text is UTF-8; it is normalised to NFC and
// checked against the fonts when rendered (text_check.h).
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "securebase/pdf/canvas.h"
#include "securebase/pdf/chart.h"

namespace securebase::pdf {

struct Heading {
  std::string text;
  int level = 2;  // 1: document title, 2: section, 3: subsection
};

struct Paragraph {
  std::string text;
  std::string bold_lead;  // optional bold words opening the paragraph ("Tip:")
};

struct BulletList {
  std::vector<std::string> items;
};

// A tinted box with a title, kept whole on one page.
struct TipBox {
  std::string title;  // e.g. "Tip for parents" / "Consejo para padres"
  std::vector<std::string> paragraphs;
  std::vector<std::string> bullets;
};

struct Image {
  std::string png;   // the PNG file's bytes
  double width = 0;  // points; 0: the image's pixel width at 96 dpi, capped to the line width
  TextAlign align = TextAlign::left;
};

struct Spacer {
  double height = 12;
};

// Two columns: bold keys on the left, wrapped values on the right (report headers).
struct KeyValueList {
  std::vector<std::pair<std::string, std::string>> rows;
  double key_fraction = 0.3;  // share of the line width given to keys
};

struct TableColumn {
  std::string header;
  double weight = 1;  // widths are proportional to the weights
  TextAlign align = TextAlign::left;
};

// Split between rows across pages, the header row repeated on every part; cell text wraps.
struct Table {
  std::vector<TableColumn> columns;
  std::vector<std::vector<std::string>> rows;
};

struct ChartBlock {
  LineChart chart;
  double height = 230;
};

// Vector content drawn by the caller into a box of the line width and `height`, kept whole.
struct Drawing {
  double height = 100;
  std::function<void(Canvas& canvas, const Rect& box)> draw;
  bool keep_with_next = false;  // a picture stays on the page of the text it illustrates
  double space_before = 12;
  // A long box may split between its rows instead (at least two rows on each side): `rows`
  // holds their heights (the total replaces `height`) and `draw_rows` draws rows [first, end)
  // into `box`, the part's own rectangle.
  std::vector<double> rows;
  std::function<void(Canvas& canvas, const Rect& box, std::size_t first, std::size_t end)>
      draw_rows;
  // The text the drawing prints, so the fonts are chosen before drawing (otherwise text outside
  // the single-byte encoding makes the whole document be drawn twice).
  std::string text;
};

using Block = std::variant<Heading, Paragraph, BulletList, TipBox, Image, Spacer, KeyValueList,
                           Table, ChartBlock, Drawing>;

enum class PaperSize { letter, a4 };

struct PageFurniture {
  std::string clinic_name;
  std::string clinic_phone;
  std::string logo_png;   // PNG bytes, optional
  std::string date_text;  // already formatted for the reader's language
  // "{page}" and "{pages}" are replaced, e.g. "Página {page} de {pages}".
  std::string page_label = "Page {page} of {pages}";
};

struct Document {
  std::string title;   // PDF metadata
  std::string author;  // PDF metadata, optional
  PaperSize paper = PaperSize::letter;
  double margin = 54;         // points (0.75 in)
  double body_size = 12;      // points; headings scale from it
  double line_spacing = 1.4;  // body line height as a multiple of body_size
  double heading_space = 1;   // scales the space above headings (dense two-page handouts)
  // Text set in this many columns (blocks are a column wide). With `whole_across_pages` a
  // paragraph or list item breaks between columns of a page but never between pages when it
  // fits in one column (pagination.h).
  int columns = 1;
  double column_gap = 18;
  bool whole_across_pages = false;
  PageFurniture furniture;
  std::vector<Block> blocks;
};

}  // namespace securebase::pdf
