#include "block_layout.h"

#include <algorithm>
#include <memory>
#include <string>

#include "securebase/core/error.h"
#include "securebase/pdf/line_breaking.h"
#include "securebase/pdf/text_check.h"
#include "table_layout.h"
#include "text_drawing.h"

namespace securebase::pdf::detail {

namespace {

struct HeadingStyle {
  double size_factor;
  double space_before;
  Color color;
};

HeadingStyle headingStyle(int level) {
  if (level <= 1) return {1.75, 18, palette::accent};
  if (level == 2) return {1.3, 16, palette::accent};
  return {1.08, 12, palette::ink};
}

void layoutHeading(const Heading& heading, const LayoutContext& ctx,
                   std::vector<LaidOutBlock>& out) {
  const HeadingStyle style = headingStyle(heading.level);
  const double size = ctx.body_size * style.size_factor;
  const double line_height = size * 1.25;
  auto lines = breakStyledLines({{printableText(heading.text, "heading"), true}}, ctx.width,
                                widthFor(ctx, size));
  const bool ruled = heading.level <= 1;
  const double height = static_cast<double>(lines.size()) * line_height + (ruled ? 8 : 0);
  FlowUnit unit{{height}, style.space_before * ctx.heading_space, 0, 0, true};
  const double width = ctx.width;
  const FontMetrics& font = ctx.bold;
  out.push_back(
      {unit, [lines = std::move(lines), size, line_height, style, ruled, width, &font](
                 Canvas& canvas, const Placement&, Point origin) {
         canvas.setFill(style.color);
         double top = origin.y;
         for (const StyledLine& line : lines) {
           drawStyledLine(canvas, line, {origin.x, baselineIn(font, top, line_height, size)}, size);
           top += line_height;
         }
         if (ruled) {
           canvas.setStroke(palette::accent, 1.2);
           canvas.strokeLine({origin.x, top + 4}, {origin.x + width, top + 4});
         }
       }});
}

void layoutParagraph(const Paragraph& paragraph, const LayoutContext& ctx,
                     std::vector<LaidOutBlock>& out) {
  std::vector<TextRun> runs;
  if (!paragraph.bold_lead.empty())
    runs.push_back({printableText(paragraph.bold_lead, "paragraph") + " ", true});
  runs.push_back({printableText(paragraph.text, "paragraph"), false});
  out.push_back(
      textLinesBlock(breakStyledLines(runs, ctx.width, widthFor(ctx, ctx.body_size)), ctx, 8, 0));
}

void layoutBullets(const BulletList& list, const LayoutContext& ctx,
                   std::vector<LaidOutBlock>& out) {
  const double indent = ctx.body_size * 1.6;
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    auto lines = breakStyledLines({{printableText(list.items[i], "list item"), false}},
                                  ctx.width - indent, widthFor(ctx, ctx.body_size));
    LaidOutBlock block = textLinesBlock(std::move(lines), ctx, i == 0 ? 6 : 3, indent);
    const double size = ctx.body_size;
    const double line_height = lineHeight(ctx);
    const FontMetrics& font = ctx.regular;
    block.draw = [draw_text = std::move(block.draw), size, line_height, &font](
                     Canvas& canvas, const Placement& part, Point origin) {
      if (part.first_row == 0) {
        canvas.setFill(palette::accent);
        canvas.text({origin.x + size * 0.4, baselineIn(font, origin.y, line_height, size)},
                    "\u2022", size, true);
      }
      draw_text(canvas, part, origin);
    };
    out.push_back(std::move(block));
  }
}

void layoutTipBox(const TipBox& tip, const LayoutContext& ctx, std::vector<LaidOutBlock>& out) {
  constexpr double kPad = 12;
  constexpr double kBar = 4;
  const double inner = ctx.width - 2 * kPad - kBar;
  const double title_size = ctx.body_size * 1.08;
  const double line_height = lineHeight(ctx);
  const double bullet_indent = ctx.body_size * 1.4;

  struct Piece {
    std::vector<StyledLine> lines;
    double size;
    double gap_before;
    double indent;
    bool title;
    bool bullet;
  };
  std::vector<Piece> pieces;
  if (!tip.title.empty())
    pieces.push_back({breakStyledLines({{printableText(tip.title, "tip title"), true}}, inner,
                                       widthFor(ctx, title_size)),
                      title_size, 0, 0, true, false});
  for (const std::string& text : tip.paragraphs)
    pieces.push_back({breakStyledLines({{printableText(text, "tip text"), false}}, inner,
                                       widthFor(ctx, ctx.body_size)),
                      ctx.body_size, pieces.empty() ? 0.0 : 5.0, 0, false, false});
  for (const std::string& text : tip.bullets)
    pieces.push_back({breakStyledLines({{printableText(text, "tip text"), false}},
                                       inner - bullet_indent, widthFor(ctx, ctx.body_size)),
                      ctx.body_size, pieces.empty() ? 0.0 : 3.0, bullet_indent, false, true});
  double height = 2 * kPad;
  for (const Piece& piece : pieces)
    height += piece.gap_before + static_cast<double>(piece.lines.size()) * line_height;

  const double width = ctx.width;
  const FontMetrics& font = ctx.regular;
  out.push_back({FlowUnit{{height}, 14, 0, 0, false},
                 [pieces = std::move(pieces), height, width, line_height, &font](
                     Canvas& canvas, const Placement&, Point origin) {
                   canvas.setFill(palette::tip_background);
                   canvas.fillRect({origin.x, origin.y, width, height});
                   canvas.setFill(palette::accent);
                   canvas.fillRect({origin.x, origin.y, kBar, height});
                   double top = origin.y + kPad;
                   const double left = origin.x + kBar + kPad;
                   for (const Piece& piece : pieces) {
                     top += piece.gap_before;
                     if (piece.bullet) {
                       canvas.setFill(palette::accent);
                       canvas.text({left + 2, baselineIn(font, top, line_height, piece.size)},
                                   "\u2022", piece.size, true);
                     }
                     canvas.setFill(piece.title ? palette::accent : palette::ink);
                     for (const StyledLine& line : piece.lines) {
                       drawStyledLine(
                           canvas, line,
                           {left + piece.indent, baselineIn(font, top, line_height, piece.size)},
                           piece.size);
                       top += line_height;
                     }
                   }
                 }});
}

void layoutImage(const Image& image, const LayoutContext& ctx, std::vector<LaidOutBlock>& out) {
  const auto [pixels_wide, pixels_high] = pngSize(image.png);
  double width = image.width > 0 ? image.width : pixels_wide * 0.75;
  width = std::min(width, ctx.width);
  const double height = width * pixels_high / pixels_wide;
  const double offset = image.align == TextAlign::left     ? 0
                        : image.align == TextAlign::center ? (ctx.width - width) / 2
                                                           : ctx.width - width;
  out.push_back(
      {FlowUnit{{height}, 8, 0, 0, false},
       [png = image.png, width, height, offset](Canvas& canvas, const Placement&, Point origin) {
         canvas.image(png, {origin.x + offset, origin.y, width, height});
       }});
}

void layoutBox(double height, double space_before, const LayoutContext& ctx,
               std::function<void(Canvas&, const Rect&)> draw, std::vector<LaidOutBlock>& out,
               bool keep_with_next = false) {
  const double width = ctx.width;
  out.push_back(
      {FlowUnit{{height}, space_before, 0, 0, keep_with_next},
       [draw = std::move(draw), width, height](Canvas& canvas, const Placement&, Point origin) {
         if (draw) draw(canvas, {origin.x, origin.y, width, height});
       }});
}

}  // namespace

double baselineIn(const FontMetrics& font, double top, double line_height, double size) {
  const double glyph_box = (font.ascender() - font.descender()) * size / 1000.0;
  return top + (line_height - glyph_box) / 2 + font.ascender() * size / 1000.0;
}

void layoutBlock(const Block& block, const LayoutContext& ctx, std::vector<LaidOutBlock>& out) {
  if (const auto* heading = std::get_if<Heading>(&block)) {
    layoutHeading(*heading, ctx, out);
  } else if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
    layoutParagraph(*paragraph, ctx, out);
  } else if (const auto* list = std::get_if<BulletList>(&block)) {
    layoutBullets(*list, ctx, out);
  } else if (const auto* tip = std::get_if<TipBox>(&block)) {
    layoutTipBox(*tip, ctx, out);
  } else if (const auto* image = std::get_if<Image>(&block)) {
    layoutImage(*image, ctx, out);
  } else if (const auto* spacer = std::get_if<Spacer>(&block)) {
    layoutBox(spacer->height, 0, ctx, nullptr, out);
  } else if (const auto* pairs = std::get_if<KeyValueList>(&block)) {
    out.push_back(layoutKeyValues(*pairs, ctx));
  } else if (const auto* table = std::get_if<Table>(&block)) {
    out.push_back(layoutTable(*table, ctx));
  } else if (const auto* chart = std::get_if<ChartBlock>(&block)) {
    LineChart printable = chart->chart;
    printable.title = printableText(printable.title, "chart title");
    for (ChartSeries& series : printable.series)
      series.name = printableText(series.name, "chart series name");
    for (std::string& label : printable.x_labels) label = printableText(label, "chart label");
    layoutBox(
        chart->height, 12, ctx,
        [chart = std::move(printable)](Canvas& canvas, const Rect& box) {
          drawChart(canvas, chart, box);
        },
        out);
  } else if (const auto* drawing = std::get_if<Drawing>(&block)) {
    if (drawing->draw_rows) {
      const double width = ctx.width;
      out.push_back(
          {FlowUnit{drawing->rows, drawing->space_before, 2, 0, drawing->keep_with_next, true},
           [draw = drawing->draw_rows, width](Canvas& canvas, const Placement& part, Point origin) {
             draw(canvas, {origin.x, origin.y, width, part.height}, part.first_row, part.end_row);
           }});
      return;
    }
    layoutBox(drawing->height, drawing->space_before, ctx, drawing->draw, out,
              drawing->keep_with_next);
  }
}

}  // namespace securebase::pdf::detail
