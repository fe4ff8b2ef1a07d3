// The handout's boxes, drawn as one Drawing block each so the engine keeps them whole.
#include <algorithm>
#include <memory>

#include "handout_blocks.h"
#include "securebase/pdf/font_metrics.h"
#include "securebase/pdf/line_breaking.h"
#include "securebase/pdf/render.h"
#include "securebase/pdf/text_check.h"

namespace securebase::handout::detail {

namespace {

constexpr pdf::Color kInk{0.13, 0.13, 0.13};
constexpr double kPad = 7;
constexpr double kBarWidth = 5;
constexpr double kIconSize = 15;
// Pictures are drawn at most this tall, their caption beside them.
constexpr double kMaxPictureHeight = 48;
constexpr double kCaptionGap = 10;  // between a picture and its caption
constexpr pdf::Color kCaptionInk{0.30, 0.30, 0.30};

struct Palette {
  pdf::Color tint;
  pdf::Color frame;
  pdf::Color title;
  double frame_width;  // 0: a bar on the left instead of a frame
};

Palette paletteOf(BoxLook look) {
  switch (look) {
    case BoxLook::safety:
      return {{1.0, 0.96, 0.92}, {0.72, 0.28, 0.05}, {0.60, 0.20, 0.02}, 2.4};
    case BoxLook::remember:
      return {{0.93, 0.95, 0.99}, {0.16, 0.27, 0.55}, {0.16, 0.27, 0.55}, 1.3};
    case BoxLook::tip:
      break;
  }
  return {{0.91, 0.96, 0.95}, {0.09, 0.40, 0.38}, {0.09, 0.40, 0.38}, 0};
}

double baseline(const pdf::FontMetrics& font, double top, double line_height, double size) {
  const double glyph_box = (font.ascender() - font.descender()) * size / 1000.0;
  return top + (line_height - glyph_box) / 2 + font.ascender() * size / 1000.0;
}

// A warning sign: a filled triangle with "!" in it, readable in grey.
void drawWarningSign(pdf::Canvas& canvas, pdf::Point top_left, pdf::Color colour) {
  const double s = kIconSize;
  canvas.setFill(colour);
  canvas.fillPolygon({{top_left.x + s / 2, top_left.y},
                      {top_left.x + s, top_left.y + s * 0.9},
                      {top_left.x, top_left.y + s * 0.9}});
  canvas.setFill({1, 1, 1});
  canvas.fillRect({top_left.x + s / 2 - 1, top_left.y + s * 0.3, 2, s * 0.33});
  canvas.fillRect({top_left.x + s / 2 - 1, top_left.y + s * 0.7, 2, 2});
}

// A picture's caption: a line or two of body-size text.
struct Caption {
  std::vector<pdf::StyledLine> lines;
  double line_height = 0;
  double height() const { return static_cast<double>(lines.size()) * line_height; }
  double width() const {
    double widest = 0;
    for (const pdf::StyledLine& line : lines) widest = std::max(widest, line.width);
    return widest;
  }
};

Caption captionFor(const std::string& text, double width, double body_size) {
  if (text.empty()) return {};
  const pdf::FontMetrics& regular = pdf::FontMetrics::of(pdf::FontFace::regular);
  const pdf::StyledWidthFn measure = [&](std::string_view t, bool) {
    return regular.width(t, body_size);
  };
  return {
      pdf::breakStyledLines({{pdf::printableText(text, "picture caption"), false}}, width, measure),
      body_size * 1.2};
}

void drawCaption(pdf::Canvas& canvas, const Caption& caption, double left, double top,
                 double body_size) {
  const pdf::FontMetrics& regular = pdf::FontMetrics::of(pdf::FontFace::regular);
  canvas.setFill(kCaptionInk);
  for (const pdf::StyledLine& line : caption.lines) {
    double x = left;
    const double y = baseline(regular, top, caption.line_height, body_size);
    for (const pdf::TextRun& run : line.runs) {
      canvas.text({x, y}, run.text, body_size, run.bold);
      x += canvas.textWidth(run.text, body_size, run.bold);
    }
    top += caption.line_height;
  }
}

// A picture with its caption beside it, the pair centred in the width: the pictures are wide and
// low, so the caption takes no height of its own.
struct Figure {
  const Picture* picture = nullptr;
  double width = 0;  // the space given
  double picture_width = 0;
  double picture_height = 0;
  Caption caption;
  double height() const { return std::max(picture_height, caption.height()); }
};

Figure figureFor(const Picture& picture, const std::string& caption, double width,
                 double body_size) {
  Figure figure;
  figure.picture = &picture;
  figure.width = width;
  figure.picture_height = pictureHeight(picture, width / 2);
  figure.picture_width = figure.picture_height * picture.width / picture.height;
  figure.caption = captionFor(caption, width - figure.picture_width - kCaptionGap, body_size);
  return figure;
}

void drawFigure(pdf::Canvas& canvas, const Figure& figure, double x, double top, double body_size) {
  const double group = figure.picture_width + kCaptionGap + figure.caption.width();
  const double left = x + std::max(0.0, (figure.width - group) / 2);
  const double height = figure.height();
  drawPicture(canvas, *figure.picture,
              {left, top + (height - figure.picture_height) / 2, figure.picture_width,
               figure.picture_height});
  drawCaption(canvas, figure.caption, left + figure.picture_width + kCaptionGap,
              top + (height - figure.caption.height()) / 2, body_size);
}

struct BoxLine {
  pdf::StyledLine line;
  double indent = 0;
  double gap_before = 0;
  std::string marker;  // "•" or "2." before the first line of an item
  bool title = false;
  double rule_from = -1;   // a line to write on, from this x (relative to the text's left)
  bool continues = false;  // a wrapped line of the item or paragraph above
};

}  // namespace

double columnWidth(const pdf::Document& document) {
  const double content = pdf::pageRect(document.paper).width - 2 * document.margin;
  const int columns = std::max(document.columns, 1);
  return (content - document.column_gap * (columns - 1)) / columns;
}

double pictureHeight(const Picture& picture, double width) {
  return std::min(kMaxPictureHeight, width * picture.height / picture.width);
}

pdf::Block pictureBlock(const Picture& picture, const std::string& caption, double width,
                        double body_size) {
  Figure figure = figureFor(picture, caption, width, body_size);
  pdf::Drawing drawing;
  drawing.height = figure.height();
  drawing.keep_with_next = true;
  drawing.space_before = 8;
  drawing.text = caption;
  drawing.draw = [figure = std::move(figure), body_size](pdf::Canvas& canvas,
                                                         const pdf::Rect& box) {
    drawFigure(canvas, figure, box.x, box.y, body_size);
  };
  return drawing;
}

pdf::Block boxBlock(BoxLook look, const BoxContent& content, double width, double body_size) {
  const pdf::FontMetrics& regular = pdf::FontMetrics::of(pdf::FontFace::regular);
  const pdf::FontMetrics& bold = pdf::FontMetrics::of(pdf::FontFace::bold);
  const Palette palette = paletteOf(look);
  const double line_height = body_size * 1.2;
  const double left_edge = palette.frame_width > 0 ? palette.frame_width + kPad : kBarWidth + kPad;
  const double inner = width - left_edge - kPad - palette.frame_width;
  const pdf::StyledWidthFn measure = [&](std::string_view t, bool is_bold) {
    return (is_bold ? bold : regular).width(t, body_size);
  };
  const auto printable = [](const std::string& text) {
    return pdf::printableText(text, "handout text");
  };

  auto lines = std::make_shared<std::vector<BoxLine>>();
  const auto add = [&](const std::vector<pdf::TextRun>& runs, double indent, double gap,
                       const std::string& marker, bool title) {
    bool first = true;
    for (pdf::StyledLine& line : pdf::breakStyledLines(runs, inner - indent, measure)) {
      lines->push_back(
          {std::move(line), indent, first ? gap : 0, first ? marker : "", title, -1, !first});
      first = false;
    }
  };
  const double icon_room = look == BoxLook::safety ? kIconSize + 6 : 0;
  if (!content.title.empty()) add({{printable(content.title), true}}, icon_room, 0, "", true);
  for (const std::string& text : content.paragraphs)
    add({{printable(text), false}}, 0, lines->empty() ? 0 : 4, "", false);
  const double item_indent = content.numbered ? body_size * 1.5 : body_size * 1.2;
  for (std::size_t i = 0; i < content.items.size(); ++i)
    add({{printable(content.items[i]), false}}, item_indent, lines->empty() ? 0 : 3,
        content.numbered ? std::to_string(i + 1) + "." : "\u2022", false);
  for (const std::string& text : content.closing)
    add({{printable(text), true}}, 0, lines->empty() ? 0 : 5, "", false);
  for (const WriteIn& write_in : content.write_ins) {
    const std::string label = printable(write_in.label) + " ";
    if (!write_in.value.empty()) {
      add({{label, true}, {printable(write_in.value), false}}, 0, 5, "", false);
    } else {
      add({{label, true}}, 0, 9, "", false);
      lines->back().rule_from = lines->back().line.width + 2;
    }
  }

  auto figure = std::make_shared<Figure>(
      content.picture != nullptr ? figureFor(*content.picture, content.caption, inner, body_size)
                                 : Figure{});
  const double picture_height = figure->height();
  std::size_t titles = 0;
  while (titles < lines->size() && (*lines)[titles].title) ++titles;
  // One row per item or paragraph, so a box split between columns or pages never breaks a
  // sentence: the title lines with their picture are one row, then each item with its wrapped
  // lines. The first row carries the top frame and padding (and the picture when there is no
  // title), the last the bottom padding and frame. `starts` holds each row's first line.
  const double top_inset = palette.frame_width + kPad;
  const double picture_room = picture_height > 0 ? picture_height + 6 : 0;
  auto starts = std::make_shared<std::vector<std::size_t>>();
  std::vector<double> rows;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const bool same_row = i > 0 && ((*lines)[i].continues || (i < titles && i > 0));
    double row = (*lines)[i].gap_before + line_height;
    if (i == 0) row += top_inset + (titles == 0 ? picture_room : 0);
    if (titles > 0 && i + 1 == titles) row += picture_room;
    if (i + 1 == lines->size()) row += kPad + palette.frame_width;
    if (same_row) {
      rows.back() += row;
    } else {
      starts->push_back(i);
      rows.push_back(row);
    }
  }

  pdf::Drawing drawing;
  drawing.rows = rows;
  drawing.height = 0;
  for (const double row : rows) drawing.height += row;
  drawing.space_before = 10;
  for (const BoxLine& line : *lines)
    for (const pdf::TextRun& run : line.line.runs) drawing.text += run.text;
  drawing.text += "\u2022.0123456789";
  if (content.picture != nullptr) drawing.text += content.caption;
  drawing.draw_rows = [palette, look, lines, starts, body_size, line_height, left_edge, inner,
                       picture_room, top_inset, titles, figure,
                       &regular](pdf::Canvas& canvas, const pdf::Rect& box, std::size_t first_row,
                                 std::size_t end_row) {
    const std::size_t first = (*starts)[first_row];
    const std::size_t end = end_row < starts->size() ? (*starts)[end_row] : lines->size();
    const bool opens = first == 0;
    const bool closes = end == lines->size();
    canvas.setFill(palette.tint);
    canvas.fillRect(box);
    // A box split between columns is open where it continues.
    if (palette.frame_width > 0) {
      const double half = palette.frame_width / 2;
      canvas.setStroke(palette.frame, palette.frame_width);
      const double left = box.x + half, right = box.right() - half;
      const double top = box.y + half, bottom = box.bottom() - half;
      canvas.strokeLine({left, box.y}, {left, box.bottom()});
      canvas.strokeLine({right, box.y}, {right, box.bottom()});
      if (opens) canvas.strokeLine({box.x, top}, {box.right(), top});
      if (closes) canvas.strokeLine({box.x, bottom}, {box.right(), bottom});
    } else {
      canvas.setFill(palette.frame);
      canvas.fillRect({box.x, box.y, kBarWidth, box.height});
    }
    const double left = box.x + left_edge;
    double top = box.y + (opens ? top_inset : 0);
    const auto drawPictureHere = [&] {
      if (figure->picture == nullptr) return;
      drawFigure(canvas, *figure, left, top + 2, body_size);
      top += picture_room;
    };
    if (opens && titles == 0) drawPictureHere();
    for (std::size_t i = first; i < end; ++i) {
      const BoxLine& line = (*lines)[i];
      top += line.gap_before;
      const double y = baseline(regular, top, line_height, body_size);
      if (i == 0 && line.title && look == BoxLook::safety)
        drawWarningSign(canvas, {left, top + (line_height - kIconSize) / 2}, palette.frame);
      if (!line.marker.empty()) {
        canvas.setFill(palette.frame);
        canvas.text({left, y}, line.marker, body_size, true);
      }
      double x = left + line.indent;
      for (const pdf::TextRun& run : line.line.runs) {
        canvas.setFill(line.title ? palette.title : kInk);
        canvas.text({x, y}, run.text, body_size, run.bold);
        x += canvas.textWidth(run.text, body_size, run.bold);
      }
      if (line.rule_from >= 0) {
        canvas.setStroke({0.35, 0.35, 0.35}, 0.8);
        canvas.strokeLine({left + line.rule_from, y + 2}, {left + inner, y + 2});
      }
      top += line_height;
      if (titles > 0 && i + 1 == titles) drawPictureHere();
    }
  };
  return drawing;
}

}  // namespace securebase::handout::detail
