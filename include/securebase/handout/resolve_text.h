// Fills the two markers a handout or form text may carry, so one text serves every family:
//
//   {child}             the baby's first name. With no name given this is an error, because a
//                       generic handout has no name to print: texts read without a name must
//                       use the next form.
//   {child|your baby}   the baby's first name, or the words after "|" when no name is given.
//   {f:lista|m:listo|u:con ganas}
//                       Spanish agreement with the baby's sex: the f: text for a girl, m: for a
//                       boy, u: a wording that needs no agreement when the sex is not recorded.
//                       The same syntax as the observation forms (forms::agreementFor); all
//                       three are required, and they hold no other marker.
//
// Any other {word} (for example {page} or {date} in page labels) is left as it is, for the layer
// that knows its value. Names are inserted verbatim and never scanned for markers.
#pragma once

#include <optional>
#include <string>

#include "securebase/model/enums.h"

namespace securebase::handout {

// Throws Error(bad_input) for a bare {child} with no name, or a marker that is not closed or
// lacks one of its two forms. An empty name counts as no name.
std::string resolveText(const std::string& text_template,
                        const std::optional<std::string>& child_name, model::Sex sex);

}  // namespace securebase::handout
