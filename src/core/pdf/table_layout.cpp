#include "table_layout.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "securebase/core/error.h"
#include "securebase/pdf/text_check.h"
#include "text_drawing.h"

namespace securebase::pdf::detail {

namespace {

constexpr double kPadX = 5;
constexpr double kPadY = 4;

struct Cell {
  std::vector<StyledLine> lines;
};

struct Row {
  std::vector<Cell> cells;
  double height = 0;
};

Row measureRow(const std::vector<std::string>& texts, const std::vector<double>& widths, bool bold,
               double size, double line_height, const LayoutContext& ctx, const char* what) {
  Row row;
  std::size_t most_lines = 1;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const std::string text = c < texts.size() ? printableText(texts[c], what) : std::string();
    Cell cell{breakStyledLines({{text, bold}}, widths[c] - 2 * kPadX, widthFor(ctx, size))};
    most_lines = std::max(most_lines, cell.lines.size());
    row.cells.push_back(std::move(cell));
  }
  row.height = static_cast<double>(most_lines) * line_height + 2 * kPadY;
  return row;
}

void drawRow(Canvas& canvas, const Row& row, const std::vector<double>& widths,
             const std::vector<TextAlign>& aligns, Point origin, double size, double line_height,
             const FontMetrics& font) {
  double x = origin.x;
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    double top = origin.y + kPadY;
    for (const StyledLine& line : row.cells[c].lines) {
      const double baseline = baselineIn(font, top, line_height, size);
      double left = x + kPadX;
      if (aligns[c] == TextAlign::right)
        left = x + widths[c] - kPadX - line.width;
      else if (aligns[c] == TextAlign::center)
        left = x + (widths[c] - line.width) / 2;
      drawStyledLine(canvas, line, {left, baseline}, size);
      top += line_height;
    }
    x += widths[c];
  }
}

}  // namespace

LaidOutBlock layoutTable(const Table& table, const LayoutContext& ctx) {
  if (table.columns.empty()) throwBadInput("a table needs at least one column");
  const double total_weight = std::accumulate(
      table.columns.begin(), table.columns.end(), 0.0,
      [](double sum, const TableColumn& c) { return sum + std::max(c.weight, 0.0); });
  std::vector<double> widths;
  std::vector<TextAlign> aligns;
  std::vector<std::string> headers;
  for (const TableColumn& column : table.columns) {
    widths.push_back(total_weight > 0 ? ctx.width * std::max(column.weight, 0.0) / total_weight
                                      : ctx.width / static_cast<double>(table.columns.size()));
    aligns.push_back(column.align);
    headers.push_back(column.header);
  }
  const double size = ctx.body_size - 1;
  const double line_height = size * 1.3;
  Row header = measureRow(headers, widths, true, size, line_height, ctx, "table header");
  std::vector<Row> rows;
  FlowUnit unit{{}, 10, 1, header.height, false};
  for (const auto& texts : table.rows) {
    rows.push_back(measureRow(texts, widths, false, size, line_height, ctx, "table cell"));
    unit.rows.push_back(rows.back().height);
  }
  const double width = ctx.width;
  const FontMetrics& font = ctx.regular;
  return {std::move(unit),
          [header = std::move(header), rows = std::move(rows), widths, aligns, size, line_height,
           width, &font](Canvas& canvas, const Placement& part, Point origin) {
            canvas.setFill(palette::table_header);
            canvas.fillRect({origin.x, origin.y, width, header.height});
            canvas.setFill(palette::ink);
            drawRow(canvas, header, widths, aligns, origin, size, line_height, font);
            double top = origin.y + header.height;
            canvas.setStroke(palette::rule, 0.6);
            for (std::size_t r = part.first_row; r < part.end_row; ++r) {
              if (r % 2 == 1) {
                canvas.setFill(palette::table_stripe);
                canvas.fillRect({origin.x, top, width, rows[r].height});
              }
              canvas.setFill(palette::ink);
              drawRow(canvas, rows[r], widths, aligns, {origin.x, top}, size, line_height, font);
              top += rows[r].height;
              canvas.strokeLine({origin.x, top}, {origin.x + width, top});
            }
            canvas.setStroke(palette::accent, 1);
            canvas.strokeLine({origin.x, origin.y + header.height},
                              {origin.x + width, origin.y + header.height});
          }};
}

LaidOutBlock layoutKeyValues(const KeyValueList& list, const LayoutContext& ctx) {
  const double key_width = ctx.width * std::clamp(list.key_fraction, 0.1, 0.9);
  const std::vector<double> widths{key_width, ctx.width - key_width};
  const double size = ctx.body_size;
  const double line_height = lineHeight(ctx) * 0.92;
  std::vector<Row> rows;
  FlowUnit unit{{}, 8, 1, 0, false};
  for (const auto& [key, value] : list.rows) {
    Row row = measureRow({key}, {key_width}, true, size, line_height, ctx, "label");
    Row values = measureRow({value}, {widths[1]}, false, size, line_height, ctx, "value");
    row.cells.push_back(std::move(values.cells.front()));
    row.height = std::max(row.height, values.height) - kPadY;  // rows sit closer than cells
    unit.rows.push_back(row.height);
    rows.push_back(std::move(row));
  }
  const FontMetrics& font = ctx.regular;
  return {std::move(unit), [rows = std::move(rows), widths, size, line_height, &font](
                               Canvas& canvas, const Placement& part, Point origin) {
            const std::vector<TextAlign> aligns{TextAlign::left, TextAlign::left};
            double top = origin.y - kPadY / 2;
            for (std::size_t r = part.first_row; r < part.end_row; ++r) {
              canvas.setFill(palette::ink);
              drawRow(canvas, rows[r], widths, aligns, {origin.x - kPadX, top}, size, line_height,
                      font);
              top += rows[r].height;
            }
          }};
}

}  // namespace securebase::pdf::detail
