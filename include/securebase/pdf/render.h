// Turning a Document into PDF bytes or a file. The fonts are embedded (subset DejaVu Sans);
// libharu does the writing, everything it needs is checked first so a failure is a clear
// securebase::Error: bad_input for text the fonts cannot print or invalid UTF-8 or a broken
// PNG, output for a file that cannot be written, not_found when the fonts are missing.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "securebase/pdf/document.h"

namespace securebase::pdf {

enum class Compression {
  all,        // content, fonts and images (smallest files; the default)
  text_only,  // page content only (fonts stay raw: files grow well past 250 KB)
  none,
};

struct RenderOptions {
  Compression compression = Compression::all;
  // When every character of the document is in WinAnsiEncoding (English, Spanish...) or CP1250
  // (Polish, Czech...), the fonts are embedded as simple TrueType fonts in that encoding, which
  // is several times faster to make than UTF-8 fonts; otherwise, or when false, UTF-8 is used.
  // The text, the glyphs and their positions are the same either way.
  bool single_byte_fonts = true;
  // The document's pages this many times over in one file, each copy numbered on its own
  // ("Page 1 of 2" again for the second copy); laid out once.
  int copies = 1;
};

// Where a picture landed (Canvas::noteFigure): its page (1-based) and rectangle in points, from
// the page's top-left corner.
struct PlacedFigure {
  std::size_t page = 0;
  Rect rect;
};

struct RenderedPdf {
  std::string bytes;
  std::size_t pages = 0;              // of one copy
  std::string font_encoding;          // "WinAnsiEncoding", "CP1250" or "UTF-8"
  std::vector<PlacedFigure> figures;  // of the first copy
};

RenderedPdf renderPdf(const Document& document, const RenderOptions& options = {});

// Renders and writes atomically (see writeFileAtomically); returns the page count.
std::size_t writePdf(const Document& document, const std::filesystem::path& path,
                     const RenderOptions& options = {});

// Writes an unnamed file (O_TMPFILE) in the target's folder, mode 0600, and gives it the name
// `path` only once complete and synced, so readers never see a half-written file and a failure
// or a kill leaves nothing behind. A target that exists and is not a regular file (a device, a
// pipe) is written through, never replaced; a folder is refused. Throws Error(output) with one
// line naming the path when the folder is missing or unwritable or the disk is full.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);
// The same for content made in pieces: `produce` hands each piece to the sink it is given, and
// the pieces go to disk as they come (a large export is never held whole). If `produce` throws,
// nothing is left behind and the exception goes on.
using ByteSink = std::function<void(std::string_view)>;
void writeFileAtomically(const std::filesystem::path& path,
                         const std::function<void(const ByteSink&)>& produce);

// Many files written atomically as writeFileAtomically writes one, durable together: each is
// written unnamed at once (the disk starts on it), and in groups they are synced, named and their
// folder synced once — one wait for the disk per group rather than two per file. Naming and
// syncing happen on a thread of its own while the caller makes the next files. add() may be
// called from several threads. Files not yet named when the writer is destroyed without
// finish() (an error elsewhere) leave nothing behind.
class FileBatchWriter {
 public:
  FileBatchWriter();
  ~FileBatchWriter();
  FileBatchWriter(const FileBatchWriter&) = delete;
  FileBatchWriter& operator=(const FileBatchWriter&) = delete;

  // Throws Error(output) as writeFileAtomically, or for an earlier file that could not be named.
  void add(const std::filesystem::path& path, std::string_view bytes);
  // Every file added is complete, synced and named when this returns; throws like add().
  void finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The page size in points (width, height).
Rect pageRect(PaperSize paper);

}  // namespace securebase::pdf
