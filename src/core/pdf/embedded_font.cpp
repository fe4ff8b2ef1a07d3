#include "embedded_font.h"

#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <memory>

#include "securebase/core/error.h"
#include "utf8_decode.h"

namespace securebase::pdf::detail {

namespace {

std::uint32_t u16(std::string_view bytes, std::size_t at) {
  if (at + 2 > bytes.size()) throwBadInput("font file is truncated");
  return (std::uint32_t{static_cast<unsigned char>(bytes[at])} << 8) |
         static_cast<unsigned char>(bytes[at + 1]);
}

std::uint32_t u32(std::string_view bytes, std::size_t at) {
  return (u16(bytes, at) << 16) | u16(bytes, at + 2);
}

void put16(std::string& out, std::size_t at, std::uint32_t value) {
  out[at] = static_cast<char>((value >> 8) & 0xFF);
  out[at + 1] = static_cast<char>(value & 0xFF);
}

void put32(std::string& out, std::size_t at, std::uint32_t value) {
  put16(out, at, value >> 16);
  put16(out, at + 2, value & 0xFFFF);
}

void append32(std::string& out, std::uint32_t value) {
  out.append(4, '\0');
  put32(out, out.size() - 4, value);
}

std::uint32_t tagOf(const char* name) {
  return (std::uint32_t{static_cast<unsigned char>(name[0])} << 24) |
         (std::uint32_t{static_cast<unsigned char>(name[1])} << 16) |
         (std::uint32_t{static_cast<unsigned char>(name[2])} << 8) |
         static_cast<unsigned char>(name[3]);
}

// The TrueType checksum: the sum of big-endian 32-bit words, the last one padded with zeros.
std::uint32_t checksum(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t whole = bytes.size() / 4 * 4;
  std::uint32_t sum = 0;
  for (std::size_t at = 0; at < whole; at += 4)
    sum += (std::uint32_t{p[at]} << 24) | (std::uint32_t{p[at + 1]} << 16) |
           (std::uint32_t{p[at + 2]} << 8) | p[at + 3];
  std::uint32_t last = 0;
  for (std::size_t at = whole; at < bytes.size(); ++at)
    last |= std::uint32_t{p[at]} << (24 - 8 * (at - whole));
  return sum + last;
}

void padTo4(std::string& out) {
  while (out.size() % 4 != 0) out += '\0';
}

void appendInt(std::string& out, long value) {
  out += std::to_string(value);
}

using DocHandle = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)>;

DocHandle scratchDocument() {
  DocHandle doc(HPDF_New(nullptr, nullptr), HPDF_Free);
  if (!doc) throw std::bad_alloc();
  return doc;
}

// What a libharu stream holds, as bytes.
std::string streamBytes(HPDF_Stream stream) {
  std::string bytes(HPDF_Stream_Size(stream), '\0');
  HPDF_UINT size = static_cast<HPDF_UINT>(bytes.size());
  HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET);
  HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  bytes.resize(size);
  return bytes;
}

// libharu writes a dictionary's own entries, then calls its write hook, which adds these
// prepared ones (a width array of hundreds of numbers would otherwise be hundreds of objects).
HPDF_STATUS writePreparedEntries(HPDF_Dict dict, HPDF_Stream stream) {
  const auto* entries = static_cast<const std::string*>(dict->attr);
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(entries->data()),
                           static_cast<HPDF_UINT>(entries->size()));
}

void withPreparedEntries(HPDF_Dict dict, const std::string& entries) {
  if (dict == nullptr) return;
  dict->attr = const_cast<std::string*>(&entries);  // read only, by writePreparedEntries
  dict->write_fn = writePreparedEntries;
}

HPDF_Dict indirectDict(HPDF_Doc doc) {
  HPDF_Dict dict = HPDF_Dict_New(doc->mmgr);
  if (dict != nullptr) HPDF_Xref_Add(doc->xref, dict);
  return dict;
}

// A stream object whose content is `held` (read when the document is saved).
HPDF_Dict streamWith(HPDF_Doc doc, HeldBytes& held) {
  HPDF_Dict dict = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (dict == nullptr) return nullptr;
  HPDF_Stream stream = heldStream(doc->mmgr, held);
  if (stream == nullptr) return nullptr;
  HPDF_Stream_Free(dict->stream);
  dict->stream = stream;
  return dict;
}

void appendHex4(std::string& out, std::uint32_t value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
}

}  // namespace

const FaceProgram& FaceProgram::ofFile(const std::filesystem::path& path) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<FaceProgram>> cache;
  const std::lock_guard lock(mutex);
  auto& slot = cache[path.string()];
  if (!slot) slot = std::make_unique<FaceProgram>(FontMetrics::readFile(path), path);
  return *slot;
}

FaceProgram::FaceProgram(std::string bytes, const std::filesystem::path& path)
    : bytes_(std::move(bytes)), metrics_(bytes_, path.string()) {
  const std::string_view in = bytes_;
  const std::uint32_t count = u16(in, 4);
  std::size_t head = 0, loca = 0, maxp = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::size_t record = 12 + 16 * std::size_t{i};
    Table table{u32(in, record), u32(in, record + 8), u32(in, record + 12)};
    if (table.offset + table.length > in.size())
      throwBadInput("font file " + path.string() + " is truncated");
    if (table.tag == tagOf("head")) head = table.offset;
    if (table.tag == tagOf("loca")) loca = table.offset;
    if (table.tag == tagOf("maxp")) maxp = table.offset;
    if (table.tag == tagOf("glyf")) glyf_ = table.offset;
    tables_.push_back(table);
  }
  if (head == 0 || loca == 0 || maxp == 0 || glyf_ == 0)
    throwBadInput("font file " + path.string() + " has no TrueType outlines");
  const std::uint32_t glyphs = u16(in, maxp + 4);
  const bool long_offsets = u16(in, head + 50) != 0;
  for (std::uint32_t g = 0; g <= glyphs; ++g)
    loca_.push_back(long_offsets ? u32(in, loca + 4 * std::size_t{g})
                                 : 2 * u16(in, loca + 2 * std::size_t{g}));

  // The descriptor's values as libharu reads them, so the PDFs say what they said before.
  const DocHandle doc = scratchDocument();
  const char* name = HPDF_LoadTTFontFromFile(doc.get(), path.c_str(), HPDF_FALSE);
  const HPDF_FontDef def = name != nullptr ? HPDF_Doc_FindFontDef(doc.get(), name) : nullptr;
  if (def == nullptr) throwBadInput("font file " + path.string() + " is not usable by libharu");
  base_name_ = def->base_font;
  missing_width_ = def->missing_width;
  std::string& d = descriptor_entries_;
  d += "/Ascent ";
  appendInt(d, def->ascent);
  d += "\n/Descent ";
  appendInt(d, def->descent);
  d += "\n/CapHeight ";
  appendInt(d, def->cap_height);
  d += "\n/Flags ";
  appendInt(d, static_cast<long>(def->flags));
  d += "\n/FontBBox [";
  for (const HPDF_REAL v :
       {def->font_bbox.left, def->font_bbox.bottom, def->font_bbox.right, def->font_bbox.top}) {
    d += ' ';
    appendInt(d, static_cast<long>(v));
  }
  d += " ]\n/ItalicAngle ";
  appendInt(d, def->italic_angle);
  d += "\n/StemV ";
  appendInt(d, def->stemv);
  d += "\n/XHeight ";
  appendInt(d, def->x_height);
  d += '\n';
}

std::size_t FaceProgram::glyphOffset(std::uint16_t glyph) const {
  return glyf_ + loca_[glyph];
}

std::string FaceProgram::subset(std::vector<bool>& used) const {
  const std::size_t glyphs = loca_.size() - 1;
  used.resize(glyphs, false);
  used[0] = true;
  std::vector<std::uint16_t> pending;
  for (std::size_t g = 0; g < glyphs; ++g)
    if (used[g]) pending.push_back(static_cast<std::uint16_t>(g));
  while (!pending.empty()) {
    const std::uint16_t g = pending.back();
    pending.pop_back();
    for (const std::uint16_t part : metrics_.partsOf(g))
      if (part < glyphs && !used[part]) {
        used[part] = true;
        pending.push_back(part);
      }
  }

  std::string glyf;
  std::string loca;
  loca.reserve((glyphs + 1) * 4);
  append32(loca, 0);
  for (std::size_t g = 0; g < glyphs; ++g) {
    if (used[g] && loca_[g + 1] > loca_[g]) {
      glyf.append(bytes_, glyphOffset(static_cast<std::uint16_t>(g)), loca_[g + 1] - loca_[g]);
      padTo4(glyf);
    }
    append32(loca, static_cast<std::uint32_t>(glyf.size()));
  }

  // The same tables in the same order; glyf and loca are the new ones (loca in long offsets).
  const std::size_t count = tables_.size();
  std::string out(12 + 16 * count, '\0');
  put32(out, 0, u32(bytes_, 0));
  put16(out, 4, static_cast<std::uint32_t>(count));
  std::uint32_t power = 1, log = 0;
  while (power * 2 <= count) {
    power *= 2;
    ++log;
  }
  put16(out, 6, power * 16);
  put16(out, 8, log);
  put16(out, 10, static_cast<std::uint32_t>(count * 16 - power * 16));
  std::size_t head_at = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const Table& table = tables_[i];
    const std::size_t at = out.size();
    if (table.tag == tagOf("glyf")) {
      out += glyf;
    } else if (table.tag == tagOf("loca")) {
      out += loca;
    } else {
      out.append(bytes_, table.offset, table.length);
    }
    const std::size_t length = out.size() - at;
    if (table.tag == tagOf("head")) {
      head_at = at;
      put32(out, at + 8, 0);   // checkSumAdjustment, set below
      put16(out, at + 50, 1);  // indexToLocFormat: long
    }
    padTo4(out);
    const std::size_t record = 12 + 16 * i;
    put32(out, record, table.tag);
    put32(out, record + 4, checksum(std::string_view(out).substr(at, length)));
    put32(out, record + 8, static_cast<std::uint32_t>(at));
    put32(out, record + 12, static_cast<std::uint32_t>(length));
  }
  if (head_at != 0) put32(out, head_at + 8, 0xB1B0AFBAu - checksum(out));
  return out;
}

const std::string& FaceProgram::simpleFontEntries(const SingleByteEncoding& encoding) const {
  const std::lock_guard lock(mutex_);
  auto& entries = simple_entries_[encoding.name()];
  if (!entries.empty()) return entries;
  const DocHandle doc = scratchDocument();
  const HPDF_Encoder encoder = HPDF_GetEncoder(doc.get(), encoding.name());
  if (encoder == nullptr || encoder->type != HPDF_ENCODER_TYPE_SINGLE_BYTE)
    throw Error(ErrorKind::output,
                std::string("PDF library lacks the encoding ") + encoding.name());
  const auto* attr = static_cast<HPDF_BasicEncoderAttr>(encoder->attr);
  std::string text = "/FirstChar ";
  appendInt(text, attr->first_char);
  text += "\n/LastChar ";
  appendInt(text, attr->last_char);
  if (missing_width_ != 0) {
    text += "\n/MissingWidth ";
    appendInt(text, missing_width_);
  }
  text += "\n/Widths [";
  for (unsigned code = attr->first_char; code <= attr->last_char; ++code) {
    text += (code - attr->first_char) % 16 == 0 ? '\n' : ' ';
    appendInt(text, metrics_.advance(attr->unicode_map[code]));
  }
  text += " ]\n";
  HPDF_Stream stream = HPDF_MemStream_New(doc->mmgr, 1024);
  if (stream == nullptr || encoder->write_fn(encoder, stream) != HPDF_OK)
    throw Error(ErrorKind::output,
                std::string("PDF library could not write the encoding ") + encoding.name());
  text += streamBytes(stream);
  HPDF_Stream_Free(stream);
  entries = std::move(text);
  return entries;
}

DocumentFont::DocumentFont(HPDF_Doc doc, const FaceProgram& program,
                           const SingleByteEncoding* encoding)
    : doc_(doc),
      program_(program),
      encoding_(encoding),
      dict_(indirectDict(doc)),
      used_glyphs_(program.metrics().glyphCount(), false) {
  if (encoding_ == nullptr) unicode_of_glyph_.assign(used_glyphs_.size(), 0);
}

void DocumentFont::markUsed(char32_t cp) {
  const std::uint16_t glyph = program_.metrics().glyphOf(cp);
  if (glyph >= used_glyphs_.size()) return;
  used_glyphs_[glyph] = true;
  if (encoding_ == nullptr && unicode_of_glyph_[glyph] == 0) unicode_of_glyph_[glyph] = cp;
}

bool DocumentFont::appendString(std::string_view utf8, std::string& out) {
  if (encoding_ != nullptr) {
    out += '(';
    for (std::size_t pos = 0; pos < utf8.size();) {
      const char32_t cp = nextCodePoint(utf8, pos);
      const std::uint8_t code = encoding_->codeOf(cp);
      if (code == 0) return false;
      markUsed(cp);
      if (code == '(' || code == ')' || code == '\\') out += '\\';
      out += static_cast<char>(code);
    }
    out += ')';
    return true;
  }
  out += '<';
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = nextCodePoint(utf8, pos);
    markUsed(cp);
    appendHex4(out, program_.metrics().glyphOf(cp));
  }
  out += '>';
  return true;
}

void DocumentFont::finish() {
  program_bytes_.bytes = program_.subset(used_glyphs_);
  const std::size_t program_size = program_bytes_.bytes.size();
  // A subset is named with six capital letters before the face's name; they follow from the
  // glyphs kept, so the same text gives the same file.
  std::uint64_t hash = encoding_ == nullptr ? 1469598103934665603ull : 1099511628211ull;
  for (std::size_t g = 0; g < used_glyphs_.size(); ++g)
    if (used_glyphs_[g]) hash = (hash ^ g) * 1099511628211ull;
  std::string name;
  for (int i = 0; i < 6; ++i, hash /= 26) name += static_cast<char>('A' + hash % 26);
  name += '+' + program_.baseName();

  HPDF_Dict file = streamWith(doc_, program_bytes_);
  if (file != nullptr) HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(program_size));
  HPDF_Dict descriptor = indirectDict(doc_);
  if (descriptor == nullptr || file == nullptr || dict_ == nullptr) return;  // error recorded
  HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  HPDF_Dict_AddName(descriptor, "FontName", name.c_str());
  HPDF_Dict_Add(descriptor, "FontFile2", file);
  withPreparedEntries(descriptor, program_.descriptorEntries());

  HPDF_Dict_AddName(dict_, "Type", "Font");
  HPDF_Dict_AddName(dict_, "BaseFont", name.c_str());
  if (encoding_ != nullptr) {
    HPDF_Dict_AddName(dict_, "Subtype", "TrueType");
    HPDF_Dict_Add(dict_, "FontDescriptor", descriptor);
    withPreparedEntries(dict_, program_.simpleFontEntries(*encoding_));
    return;
  }

  // Type0: codes are glyph ids; widths and the text each glyph stands for, for the glyphs used.
  HPDF_Dict_AddName(dict_, "Subtype", "Type0");
  HPDF_Dict_AddName(dict_, "Encoding", "Identity-H");
  HPDF_Dict descendant = indirectDict(doc_);
  HPDF_Array descendants = HPDF_Array_New(doc_->mmgr);
  HPDF_Dict system_info = HPDF_Dict_New(doc_->mmgr);
  if (descendant == nullptr || descendants == nullptr || system_info == nullptr) return;
  HPDF_Array_Add(descendants, descendant);
  HPDF_Dict_Add(dict_, "DescendantFonts", descendants);
  HPDF_Dict_AddName(descendant, "Type", "Font");
  HPDF_Dict_AddName(descendant, "Subtype", "CIDFontType2");
  HPDF_Dict_AddName(descendant, "BaseFont", name.c_str());
  HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(doc_->mmgr, "Adobe", nullptr));
  HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(doc_->mmgr, "Identity", nullptr));
  HPDF_Dict_AddNumber(system_info, "Supplement", 0);
  HPDF_Dict_Add(descendant, "CIDSystemInfo", system_info);
  HPDF_Dict_Add(descendant, "FontDescriptor", descriptor);
  HPDF_Dict_AddNumber(descendant, "DW", program_.missingWidth());
  HPDF_Dict_AddName(descendant, "CIDToGIDMap", "Identity");

  std::string& widths = descendant_entries_;
  widths = "/W [";
  std::string cmap;
  std::size_t in_block = 0;
  std::string block;
  const auto endBlock = [&] {
    if (in_block == 0) return;
    cmap += std::to_string(in_block) + " beginbfchar\n" + block + "endbfchar\n";
    block.clear();
    in_block = 0;
  };
  for (std::size_t g = 0; g < used_glyphs_.size(); ++g) {
    if (!used_glyphs_[g]) continue;
    widths += ' ' + std::to_string(g) + " [" +
              std::to_string(program_.metrics().glyphAdvance(static_cast<std::uint16_t>(g))) + ']';
    if (unicode_of_glyph_[g] == 0) continue;
    block += '<';
    appendHex4(block, static_cast<std::uint32_t>(g));
    block += "> <";
    appendHex4(block, unicode_of_glyph_[g]);
    block += ">\n";
    if (++in_block == 100) endBlock();
  }
  endBlock();
  widths += " ]\n";
  withPreparedEntries(descendant, widths);
  to_unicode_bytes_.bytes =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
      cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  HPDF_Dict_Add(dict_, "ToUnicode", streamWith(doc_, to_unicode_bytes_));
}

}  // namespace securebase::pdf::detail
