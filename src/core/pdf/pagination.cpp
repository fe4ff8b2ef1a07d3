#include "securebase/pdf/pagination.h"

#include <algorithm>
#include <numeric>

namespace securebase::pdf {

namespace {

double rowsHeight(const FlowUnit& unit, std::size_t first, std::size_t end) {
  return std::accumulate(unit.rows.begin() + static_cast<std::ptrdiff_t>(first),
                         unit.rows.begin() + static_cast<std::ptrdiff_t>(end), 0.0);
}

double wholeHeight(const FlowUnit& unit) {
  return unit.repeated_header + rowsHeight(unit, 0, unit.rows.size());
}

// Height that must follow unit `index` on the same page: the smallest allowed first part of the
// next unit, and through chained keep-with-next units (heading then subheading) their whole.
// `whole` says the next unit will not split here (it moves whole to the next page).
double leadOfNext(const std::vector<FlowUnit>& units, std::size_t index, bool whole = false) {
  const std::size_t next = index + 1;
  if (next >= units.size()) return 0;
  const FlowUnit& unit = units[next];
  if (unit.keep_with_next)
    return unit.space_before + wholeHeight(unit) + leadOfNext(units, next, whole);
  // A unit too short to split (a three-line paragraph) must follow whole.
  const auto min_rows = static_cast<std::size_t>(std::max(unit.min_rows_per_part, 0));
  const bool splittable =
      min_rows > 0 && unit.rows.size() >= 2 * min_rows && !(whole && !unit.split_across_pages);
  const std::size_t rows = splittable ? min_rows : unit.rows.size();
  return unit.space_before + unit.repeated_header + rowsHeight(unit, 0, rows);
}

// Rows from `first` that fit in `available`, honouring the minimum part size on both sides;
// 0 when no allowed split fits.
std::size_t rowsThatFit(const FlowUnit& unit, std::size_t first, double available) {
  const auto min_rows = static_cast<std::size_t>(unit.min_rows_per_part);
  std::size_t count = 0;
  double used = 0;
  while (first + count < unit.rows.size() && used + unit.rows[first + count] <= available)
    used += unit.rows[first + count++];
  const std::size_t left = unit.rows.size() - first;
  if (left - count < min_rows) count = left > min_rows ? left - min_rows : 0;
  return count >= min_rows ? count : 0;
}

}  // namespace

std::vector<Placement> paginate(const std::vector<FlowUnit>& units, double page_height) {
  return paginate(units, page_height, 1, false);
}

std::vector<Placement> paginate(const std::vector<FlowUnit>& units, double page_height,
                                std::size_t frames_per_page, bool whole_across_pages) {
  frames_per_page = std::max<std::size_t>(frames_per_page, 1);
  std::vector<Placement> placements;
  std::size_t page = 0;
  double y = 0;
  const auto place = [&](std::size_t index, std::size_t first, std::size_t end, double top) {
    const double height = units[index].repeated_header + rowsHeight(units[index], first, end);
    placements.push_back({index, first, end, page, top, height});
    y = top + height;
  };
  const auto newPage = [&] {
    ++page;
    y = 0;
  };

  for (std::size_t index = 0; index < units.size(); ++index) {
    const FlowUnit& unit = units[index];
    std::size_t first = 0;
    bool placed_any = false;
    while (!placed_any || first < unit.rows.size()) {
      const bool at_top = y == 0;
      const double top = at_top ? 0 : y + unit.space_before;
      const double rest = unit.repeated_header + rowsHeight(unit, first, unit.rows.size());
      const bool page_turns_next = (page + 1) % frames_per_page == 0;
      const double lead = unit.keep_with_next && first == 0
                              ? leadOfNext(units, index, whole_across_pages && page_turns_next)
                              : 0;
      if (top + rest + lead <= page_height) {
        place(index, first, unit.rows.size(), top);
        break;
      }
      const bool splittable = unit.min_rows_per_part > 0 && !unit.keep_with_next;
      const bool fits_next_frame = rest <= page_height;
      const bool stays_whole =
          whole_across_pages && page_turns_next && fits_next_frame && !unit.split_across_pages;
      if (splittable && !stays_whole) {
        const double available = page_height - top - unit.repeated_header;
        if (const std::size_t count = rowsThatFit(unit, first, available); count > 0) {
          place(index, first, first + count, top);
          placed_any = true;
          first += count;
          newPage();
          continue;
        }
      }
      if (!at_top) {
        newPage();
        continue;
      }
      // Too tall even for an empty page: place what we can rather than lose it.
      std::size_t end = unit.rows.size();
      if (splittable) {
        FlowUnit loose = unit;
        loose.min_rows_per_part = 1;
        end = first + std::max<std::size_t>(
                          1, rowsThatFit(loose, first, page_height - unit.repeated_header));
      }
      place(index, first, end, top);
      placed_any = true;
      first = end;
      if (first < unit.rows.size()) newPage();
    }
  }
  return placements;
}

std::size_t pageCount(const std::vector<Placement>& placements) {
  std::size_t pages = 1;
  for (const Placement& p : placements) pages = std::max(pages, p.page + 1);
  return pages;
}

}  // namespace securebase::pdf
