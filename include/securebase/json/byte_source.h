// The bytes of a JSON text read piece by piece: an export of a whole caseload is larger than the
// memory a counselor's laptop should spend on it, so the strict reader and the scanner of large
// documents read through this instead of holding the text.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace securebase::json {

// How much the readers of a ByteSource take at once.
inline constexpr std::size_t kPieceSize = std::size_t{1} << 20;

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual std::size_t size() const = 0;
  // Up to `count` bytes from `offset` into `out`; fewer only at the end.
  virtual std::size_t read(std::size_t offset, char* out, std::size_t count) const = 0;
};

// Text already in memory (a test's, a fuzzer's); it must outlive the source.
class TextSource final : public ByteSource {
 public:
  explicit TextSource(std::string_view text) : text_(text) {}
  std::size_t size() const override { return text_.size(); }
  std::size_t read(std::size_t offset, char* out, std::size_t count) const override;

 private:
  std::string_view text_;
};

// A file, read with pread so passes may go back to any record. Error(not_found) when it does not
// exist, Error(bad_input) when it is a folder or cannot be read — the words every command uses.
class FileSource final : public ByteSource {
 public:
  explicit FileSource(const std::filesystem::path& file);
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  std::size_t size() const override { return size_; }
  std::size_t read(std::size_t offset, char* out, std::size_t count) const override;

 private:
  std::string name_;
  int fd_ = -1;
  std::size_t size_ = 0;
};

// Calls `piece` with consecutive pieces of [begin, end), each at most kPieceSize long, and its
// offset; stops early when `piece` returns false.
template <typename Piece>
void forEachPiece(const ByteSource& source, std::size_t begin, std::size_t end, Piece piece) {
  if (begin >= end) return;
  // Sized to what is read, not to a whole piece, and left unset: a picture or form of a few
  // kilobytes would otherwise zero a megabyte each time it is read.
  const std::size_t size = std::min(kPieceSize, end - begin);
  const std::unique_ptr<char[]> buffer(new char[size]);
  for (std::size_t offset = begin; offset < end;) {
    const std::size_t got = source.read(offset, buffer.get(), std::min(size, end - offset));
    if (got == 0) break;
    if (!piece(std::string_view(buffer.get(), got), offset)) return;
    offset += got;
  }
}

// The bytes of [begin, end) as one string (one record of a large document).
std::string readRange(const ByteSource& source, std::size_t begin, std::size_t end);

}  // namespace securebase::json
