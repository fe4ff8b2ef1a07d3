// Pagination as a pure function over heights, so its rules are unit tested without a PDF:
// - a unit that is kept with the next (a heading) never ends a page without the start of
//   what follows;
// - a splittable unit (paragraph lines, list items, table rows) is split between rows, leaving
//   at least `min_rows_per_part` rows on each side (2 for paragraphs: no lone first or last line);
// - a unit with min_rows_per_part 0 (tip box, image, chart) is kept whole;
// - a repeated header (a table's header row) is drawn above the rows of every part;
// - space before a unit is dropped at the top of a page.
// A unit that cannot fit even on an empty page is placed anyway (split as needed when it is
// splittable), so nothing is ever dropped.
#pragma once

#include <cstddef>
#include <vector>

namespace securebase::pdf {

struct FlowUnit {
  std::vector<double> rows;  // heights, top to bottom
  double space_before = 0;
  int min_rows_per_part = 0;  // 0: never split
  double repeated_header = 0;
  bool keep_with_next = false;
  // With paginate's `whole_across_pages`: this unit (a long box) may still split between
  // pages, where moving it whole would leave a large gap.
  bool split_across_pages = false;
};

struct Placement {
  std::size_t unit = 0;
  std::size_t first_row = 0;
  std::size_t end_row = 0;  // one past the last row placed
  std::size_t page = 0;     // 0-based
  double top = 0;           // distance from the top of the page's content area
  double height = 0;        // header (if any) plus the rows placed
  bool operator==(const Placement&) const = default;
};

std::vector<Placement> paginate(const std::vector<FlowUnit>& units, double page_height);

// The same over columns: `frame_height` is a column's height and a placement's `page` counts
// frames (frame f is column f % frames_per_page of page f / frames_per_page). With
// `whole_across_pages`, a splittable unit still splits between the columns of one page, but it
// moves whole to the next page when it fits in one empty column: a paragraph never breaks
// between pages unless it must.
std::vector<Placement> paginate(const std::vector<FlowUnit>& units, double frame_height,
                                std::size_t frames_per_page, bool whole_across_pages);

// Pages used by a pagination result (at least 1).
std::size_t pageCount(const std::vector<Placement>& placements);

}  // namespace securebase::pdf
