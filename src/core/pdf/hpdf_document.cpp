#include "hpdf_document.h"

#include <hpdf_doc.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <cstdio>
#include <memory>
#include <new>

#include "pdf_doc_encoding.h"

namespace securebase::pdf::detail {

// One libharu document per PDF. (Keeping an emptied document per thread and renewing it with
// HPDF_NewDoc saved ~8% of a single-byte document, but libharu then failed now and then with
// HPDF_ARRAY_COUNT_ERR when adding a page, so every PDF starts from a fresh HPDF_New.)
struct HpdfDocument::Session {
  HPDF_Doc doc = nullptr;
  PendingError pending;
};

void HpdfDocument::SessionDeleter::operator()(Session* session) const {
  HPDF_Free(session->doc);
  delete session;
}

HpdfDocument::HpdfDocument(Compression compression, const SingleByteEncoding* encoding)
    : encoding_(encoding) {
  session_.reset(new Session{nullptr, {}});
  session_->doc = HPDF_New(&HpdfDocument::onError, &session_->pending);
  if (session_->doc == nullptr) throw std::bad_alloc();
  pending_ = &session_->pending;
  doc_ = session_->doc;
  check("starting a document");
  // Images are deflated by libharu, page content here (compressContent). The embedded font
  // programs are subsets of a few kilobytes holding only the glyphs printed, written as they
  // are: deflating them cost more time than their bytes are worth.
  compress_content_ = compression != Compression::none;
  HPDF_SetCompressionMode(doc_, compression == Compression::all ? HPDF_COMP_IMAGE : HPDF_COMP_NONE);
}

HpdfDocument::~HpdfDocument() = default;

// libharu's UTF-8 encoder is only needed for document information outside PDFDocEncoding.
void HpdfDocument::useUtf8() {
  if (utf8_ready_) return;
  HPDF_UseUTFEncodings(doc_);
  HPDF_SetCurrentEncoder(doc_, "UTF-8");
  check("setting up UTF-8 text");
  utf8_ready_ = true;
}

void HpdfDocument::onError(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) {
  auto* pending = static_cast<PendingError*>(user_data);
  if (pending->code == HPDF_OK)  // keep the first error: later ones are its consequences
    *pending = {code, detail};
}

void HpdfDocument::check(std::string_view doing, ErrorKind kind) {
  if (pending_->code == HPDF_OK) return;
  const PendingError error = *pending_;
  *pending_ = {};
  HPDF_ResetError(doc_);
  char code[48];
  std::snprintf(code, sizeof code, " (libharu error 0x%04X, detail %u)",
                static_cast<unsigned>(error.code), static_cast<unsigned>(error.detail));
  throw Error(kind, "PDF could not be made while " + std::string(doing) + code);
}

DocumentFont& HpdfDocument::font(FontFace face) {
  auto& slot = fonts_[face];
  if (!slot) {
    const std::filesystem::path path = encoding_ ? singleByteFontPath(face) : fontPath(face);
    slot = std::make_unique<DocumentFont>(doc_, FaceProgram::ofFile(path), encoding_);
    check("adding the font " + path.string());
  }
  return *slot;
}

HPDF_Image HpdfDocument::png(std::string_view bytes) {
  if (auto found = images_.find(bytes.data()); found != images_.end()) return found->second;
  HPDF_Image image = HPDF_LoadPngImageFromMem(
      doc_, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
  checked(image, "reading a PNG image (is it a valid PNG file?)", ErrorKind::bad_input);
  images_.emplace(bytes.data(), image);
  return image;
}

namespace {

// Deflates `in` into `out` as a zlib stream (what /FlateDecode reads) with libdeflate at its
// fastest level. A page's content is one buffer already, which libdeflate compresses about
// twice as fast as zlib's fastest level (a quarter of a handout's time went there) and a little
// smaller. Each thread keeps its compressor: setting one up costs more than a page.
bool deflateQuickly(std::string_view in, std::string& out) {
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  thread_local const std::unique_ptr<libdeflate_compressor, Free> compressor(
      libdeflate_alloc_compressor(1));
  if (!compressor) return false;
  out.resize(libdeflate_zlib_compress_bound(compressor.get(), in.size()));
  const std::size_t size =
      libdeflate_zlib_compress(compressor.get(), in.data(), in.size(), out.data(), out.size());
  out.resize(size);
  return size != 0;
}

HPDF_STATUS appendTo(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
  static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), size);
  return HPDF_OK;
}

HPDF_STATUS writeFlateFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

}  // namespace

// libharu deflates at zlib's default level and window, which took a third of a handout's time;
// the fastest level with a small window (deflateQuickly) costs a fraction and gives files a few
// percent larger. libharu has no setting
// for the level, so the page's content is deflated here and handed over marked as such.
void HpdfDocument::finishContent(HPDF_Page page, std::string_view tail) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  HPDF_Stream old_stream = attr->stream;
  if (!compress_content_) {
    HPDF_Stream_Write(old_stream, reinterpret_cast<const HPDF_BYTE*>(tail.data()),
                      static_cast<HPDF_UINT>(tail.size()));
    return check("writing a page");
  }
  // What libharu wrote itself (an image's operators) comes first.
  std::string raw(HPDF_Stream_Size(old_stream), '\0');
  if (!raw.empty()) {
    HPDF_UINT length = static_cast<HPDF_UINT>(raw.size());
    HPDF_Stream_Seek(old_stream, 0, HPDF_SEEK_SET);
    HPDF_Stream_Read(old_stream, reinterpret_cast<HPDF_BYTE*>(raw.data()), &length);
    raw.resize(length);
  }
  const std::string_view content = raw.empty() ? tail : std::string_view(raw.append(tail));
  check("writing a page");
  auto packed = std::make_unique<HeldBytes>();
  if (!deflateQuickly(content, packed->bytes))
    throw Error(ErrorKind::output, "PDF could not be made while compressing a page");
  HPDF_Stream stream = heldStream(doc_->mmgr, *packed);
  if (stream == nullptr) return check("compressing a page");
  page_contents_.push_back(std::move(packed));
  HPDF_Stream_Free(old_stream);
  attr->stream = stream;
  attr->contents->stream = stream;
  attr->contents->filter = HPDF_STREAM_FILTER_NONE;
  attr->contents->write_fn = writeFlateFilter;
  check("compressing a page");
}

HPDF_Page HpdfDocument::addPage(double width, double height) {
  HPDF_Page page = checked(HPDF_AddPage(doc_), "adding a page");
  HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width));
  HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height));
  check("sizing a page");
  return page;
}

void HpdfDocument::setInfo(HPDF_InfoType type, const std::string& value) {
  if (value.empty()) return;
  if (!utf8_ready_) {
    if (const auto bytes = pdfDocEncoded(value)) {
      HPDF_SetInfoAttr(doc_, type, bytes->c_str());
      return check("writing the document information");
    }
    useUtf8();
  }
  HPDF_SetInfoAttr(doc_, type, value.c_str());
  check("writing the document information");
}

std::string HpdfDocument::saveToMemory() {
  for (const auto& [face, font] : fonts_) font->finish();
  check("adding the fonts");
  // Written straight into `bytes`: libharu's memory stream would copy it twice more.
  std::string bytes;
  bytes.reserve(64 * 1024);
  HPDF_Stream out =
      checked(HPDF_CallbackWriter_New(doc_->mmgr, appendTo, &bytes), "writing the PDF");
  if (doc_->stream != nullptr) HPDF_Stream_Free(doc_->stream);
  doc_->stream = out;
  HPDF_SaveToStream(doc_);
  out->attr = nullptr;  // `bytes` leaves with the return
  check("writing the PDF");
  return bytes;
}

}  // namespace securebase::pdf::detail
