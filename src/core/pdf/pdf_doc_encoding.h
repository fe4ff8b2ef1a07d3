// PDFDocEncoding, the single-byte encoding of PDF text strings outside page content (the title
// and author in the document information). Lets a document in a single-byte font encoding write
// those strings without setting up libharu's UTF-8 encoder, which otherwise turns them into
// UTF-16.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace securebase::pdf::detail {

// `utf8` in PDFDocEncoding; nullopt when a character is not in it.
std::optional<std::string> pdfDocEncoded(std::string_view utf8);

}  // namespace securebase::pdf::detail
