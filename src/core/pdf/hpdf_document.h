// The one owner of a libharu document (HPDF_Doc): created in the constructor, freed in the
// destructor, fonts (embedded_font.h) and images cached per document. libharu reports errors
// through a C callback; throwing from there would unwind through libharu's C frames, so the handler
// only records the error and check() turns it into a securebase::Error after the call has returned.
// libharu's errors are sticky, so check() also resets them.
#pragma once

#include <hpdf.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "embedded_font.h"
#include "securebase/core/error.h"
#include "securebase/pdf/font_metrics.h"
#include "securebase/pdf/fonts.h"
#include "securebase/pdf/render.h"
#include "single_byte_encoding.h"

namespace securebase::pdf::detail {

class HpdfDocument {
 public:
  // Text is written in `encoding`, or in UTF-8 when it is nullptr.
  HpdfDocument(Compression compression, const SingleByteEncoding* encoding);
  ~HpdfDocument();
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;

  HPDF_Doc handle() const { return doc_; }
  const SingleByteEncoding* encoding() const { return encoding_; }
  // Text that `encoding()` cannot hold was left out: the document must be made again in UTF-8.
  void markNeedsUtf8() { needs_utf8_ = true; }
  bool needsUtf8() const { return needs_utf8_; }
  DocumentFont& font(FontFace face);
  HPDF_Image png(std::string_view bytes);
  HPDF_Page addPage(double width, double height);
  // Completes `page`'s content with `tail` (operators after what its stream holds) and deflates
  // it (see the .cpp). Once per page, when it is drawn.
  void finishContent(HPDF_Page page, std::string_view tail);
  void setInfo(HPDF_InfoType type, const std::string& value);
  std::string saveToMemory();

  // Throws when libharu recorded an error during the last call(s); `doing` completes
  // "PDF could not be made while ...".
  void check(std::string_view doing, ErrorKind kind = ErrorKind::output);
  template <typename Handle>
  Handle checked(Handle handle, std::string_view doing, ErrorKind kind = ErrorKind::output) {
    check(doing, kind);
    if (handle == nullptr) throw Error(kind, "PDF could not be made while " + std::string(doing));
    return handle;
  }

 private:
  struct PendingError {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
  };
  static void onError(HPDF_STATUS code, HPDF_STATUS detail, void* user_data);
  void useUtf8();

  // The libharu document with its error slot (whose address libharu keeps).
  struct Session;
  struct SessionDeleter {
    void operator()(Session* session) const;
  };
  std::unique_ptr<Session, SessionDeleter> session_;
  PendingError* pending_ = nullptr;
  HPDF_Doc doc_ = nullptr;
  const SingleByteEncoding* encoding_ = nullptr;
  bool compress_content_ = false;
  bool utf8_ready_ = false;
  bool needs_utf8_ = false;
  std::map<FontFace, std::unique_ptr<DocumentFont>> fonts_;
  std::vector<std::unique_ptr<HeldBytes>> page_contents_;  // deflated, read when saving
  std::map<const void*, HPDF_Image> images_;
};

}  // namespace securebase::pdf::detail
