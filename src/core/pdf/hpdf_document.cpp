#include "hpdf_document.h"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <cstdio>
#include <new>
#include <vector>

#include "pdf_doc_encoding.h"
#include "securebase/pdf/font_metrics.h"

namespace securebase::pdf::detail {

// One libharu document per PDF. (Keeping an emptied document per thread and renewing it with
// HPDF_NewDoc saved ~8% of a single-byte document, but libharu then failed now and then with
// HPDF_ARRAY_COUNT_ERR when adding a page, so every PDF starts from a fresh HPDF_New.)
struct HpdfDocument::Session {
  HPDF_Doc doc = nullptr;
  PendingError pending;
  std::string font_dir;
  std::map<std::string, std::string> loaded;  // font file -> libharu's name for it
};

void HpdfDocument::SessionDeleter::operator()(Session* session) const {
  HPDF_Free(session->doc);
  delete session;
}

HpdfDocument::HpdfDocument(Compression compression, const SingleByteEncoding* encoding)
    : encoding_(encoding) {
  session_.reset(new Session{nullptr, {}, fontDir().string(), {}});
  session_->doc = HPDF_New(&HpdfDocument::onError, &session_->pending);
  if (session_->doc == nullptr) throw std::bad_alloc();
  pending_ = &session_->pending;
  doc_ = session_->doc;
  check("starting a document");
  // Deflating the embedded font programs is a third of a single-byte document's cost, and
  // their small single-byte subsets keep the file well under 48 KB without it; UTF-8 fonts
  // are much larger, so they stay compressed.
  const HPDF_UINT all_but_fonts = HPDF_COMP_TEXT | HPDF_COMP_IMAGE;  // METADATA covers fonts
  const HPDF_UINT mode = compression == Compression::all
                             ? (encoding_ != nullptr ? all_but_fonts : HPDF_COMP_ALL)
                         : compression == Compression::text_only ? HPDF_COMP_TEXT
                                                                 : HPDF_COMP_NONE;
  HPDF_SetCompressionMode(doc_, mode);
  if (encoding_ == nullptr) useUtf8();
}

HpdfDocument::~HpdfDocument() = default;

// Setting up libharu's UTF-8 encoder costs a noticeable share of a single-byte document, so
// those only pay for it when their title needs it.
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

// libharu 2.3 writes a CIDToGIDMap entry for every code point of the BMP (128 KB per font, then
// deflated on every save). Text reaching libharu only holds characters the font covers (see
// text_check.h), and a map shorter than the CID range maps the rest to glyph 0, so the map is
// cut after the font's highest code point: about 17 KB, saving ~0.5 ms per font per document.
// This reaches into libharu's installed internal headers (hpdf_font.h), matching the library
// the build links.
void HpdfDocument::trimGlyphMap(HPDF_Font font, std::size_t code_points) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (attr == nullptr || attr->map_stream == nullptr || attr->map_stream->stream == nullptr) return;
  HPDF_Stream old_stream = attr->map_stream->stream;
  HPDF_UINT length = static_cast<HPDF_UINT>(code_points * 2);
  if (length >= HPDF_Stream_Size(old_stream)) return;
  std::vector<HPDF_BYTE> kept(length);
  HPDF_Stream_Seek(old_stream, 0, HPDF_SEEK_SET);
  HPDF_Stream_Read(old_stream, kept.data(), &length);
  HPDF_Stream trimmed = HPDF_MemStream_New(doc_->mmgr, length);
  if (trimmed == nullptr) return check("loading a font");
  HPDF_Stream_Write(trimmed, kept.data(), length);
  HPDF_Stream_Free(old_stream);
  attr->map_stream->stream = trimmed;
  check("loading a font");
}

// libharu embeds the glyphs text used plus only one level of their composite parts; nested
// parts (the tilde-and-circumflex of U+1EC5) would be left out and the letter drawn bare. So
// just before saving, the parts of every used glyph are marked used, to any depth.
void HpdfDocument::keepCompositeParts(HPDF_Font font, const FontMetrics& metrics) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (attr == nullptr || attr->fontdef == nullptr || attr->fontdef->attr == nullptr) return;
  auto* def = static_cast<HPDF_TTFontDefAttr>(attr->fontdef->attr);
  if (def->glyph_tbl.flgs == nullptr) return;
  std::vector<std::uint16_t> pending;
  for (std::uint16_t gid = 0; gid < def->num_glyphs; ++gid)
    if (def->glyph_tbl.flgs[gid] != 0) pending.push_back(gid);
  while (!pending.empty()) {
    const std::uint16_t gid = pending.back();
    pending.pop_back();
    for (std::uint16_t part : metrics.partsOf(gid)) {
      if (part < def->num_glyphs && def->glyph_tbl.flgs[part] == 0) {
        def->glyph_tbl.flgs[part] = 1;
        pending.push_back(part);
      }
    }
  }
}

HPDF_Font HpdfDocument::font(FontFace face) {
  if (auto found = fonts_.find(face); found != fonts_.end()) return found->second.font;
  const std::string path = (encoding_ ? singleByteFontPath(face) : fontPath(face)).string();
  auto loaded = session_->loaded.find(path);
  if (loaded == session_->loaded.end()) {
    const char* name = HPDF_LoadTTFontFromFile(doc_, path.c_str(), HPDF_TRUE);
    checked(name, "loading the font " + path);
    loaded = session_->loaded.emplace(path, name).first;
  }
  HPDF_Font font =
      checked(HPDF_GetFont(doc_, loaded->second.c_str(), encoding_ ? encoding_->name() : "UTF-8"),
              "loading the font " + path);
  const FontMetrics& metrics = FontMetrics::ofFile(path);
  if (encoding_ == nullptr) trimGlyphMap(font, metrics.codePointLimit());
  fonts_.emplace(face, LoadedFont{font, &metrics});
  return font;
}

HPDF_Image HpdfDocument::png(std::string_view bytes) {
  if (auto found = images_.find(bytes.data()); found != images_.end()) return found->second;
  HPDF_Image image = HPDF_LoadPngImageFromMem(
      doc_, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
  checked(image, "reading a PNG image (is it a valid PNG file?)", ErrorKind::bad_input);
  images_.emplace(bytes.data(), image);
  return image;
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
  for (const auto& [face, loaded] : fonts_) keepCompositeParts(loaded.font, *loaded.metrics);
  HPDF_SaveToStream(doc_);
  check("writing the PDF");
  std::string bytes(HPDF_GetStreamSize(doc_), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ResetStream(doc_);
  HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  // Reading to the end reports HPDF_STREAM_EOF through the handler: that is success here.
  if (pending_->code == HPDF_STREAM_EOF) *pending_ = {};
  HPDF_ResetError(doc_);
  check("reading the PDF from memory");
  bytes.resize(size);
  return bytes;
}

}  // namespace securebase::pdf::detail
