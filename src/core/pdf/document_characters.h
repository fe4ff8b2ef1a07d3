// Every character a document prints that is known before drawing: block text, the furniture,
// the bullets the layout adds. Text drawn by a Drawing block's own callback is not known here;
// the canvas reports it if it cannot be written (see render.cpp).
#pragma once

#include "securebase/pdf/document.h"
#include "single_byte_encoding.h"

namespace securebase::pdf::detail {

// `document` must already have passed layout (valid UTF-8).
CharacterSet documentCharacters(const Document& document);

}  // namespace securebase::pdf::detail
