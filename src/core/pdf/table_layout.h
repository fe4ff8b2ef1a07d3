// Tables and key-value lists: rows of wrapped cells that paginate row by row; a table's header
// row is repeated at the top of every page it continues on.
#pragma once

#include "block_layout.h"

namespace securebase::pdf::detail {

LaidOutBlock layoutTable(const Table& table, const LayoutContext& ctx);
LaidOutBlock layoutKeyValues(const KeyValueList& list, const LayoutContext& ctx);

}  // namespace securebase::pdf::detail
