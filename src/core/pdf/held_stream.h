// libharu streams over bytes SecureBase holds, so libharu copies them once, when it writes the
// PDF. Its own memory streams copy a byte at a time on the way in and again on the way out,
// which for a handout's font programs, page content and the finished file was a tenth of its cost.
#pragma once

#include <hpdf.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace securebase::pdf::detail {

// Bytes a libharu stream reads; must outlive the document's saving.
struct HeldBytes {
  std::string bytes;
  std::size_t at = 0;
};

inline HPDF_STATUS readHeld(HPDF_Stream stream, HPDF_BYTE* to, HPDF_UINT* size) {
  auto* held = static_cast<HeldBytes*>(stream->attr);
  const std::size_t left = held->bytes.size() - held->at;
  const std::size_t count = std::min<std::size_t>(*size, left);
  std::memcpy(to, held->bytes.data() + held->at, count);
  held->at += count;
  const bool ended = count < *size;
  *size = static_cast<HPDF_UINT>(count);
  return ended ? HPDF_STREAM_EOF : HPDF_OK;
}

inline HPDF_STATUS seekHeld(HPDF_Stream stream, HPDF_INT offset, HPDF_WhenceMode mode) {
  auto* held = static_cast<HeldBytes*>(stream->attr);
  const long base = mode == HPDF_SEEK_SET   ? 0
                    : mode == HPDF_SEEK_CUR ? static_cast<long>(held->at)
                                            : static_cast<long>(held->bytes.size());
  const long to = base + offset;
  if (to < 0 || to > static_cast<long>(held->bytes.size())) return HPDF_STREAM_EOF;
  held->at = static_cast<std::size_t>(to);
  return HPDF_OK;
}

inline HPDF_INT32 tellHeld(HPDF_Stream stream) {
  return static_cast<HPDF_INT32>(static_cast<HeldBytes*>(stream->attr)->at);
}

inline HPDF_UINT32 sizeOfHeld(HPDF_Stream stream) {
  return static_cast<HPDF_UINT32>(static_cast<HeldBytes*>(stream->attr)->bytes.size());
}

// A stream reading `held`; nullptr (with libharu's error recorded) when out of memory.
inline HPDF_Stream heldStream(HPDF_MMgr mmgr, HeldBytes& held) {
  return HPDF_CallbackReader_New(mmgr, readHeld, seekHeld, tellHeld, sizeOfHeld, &held);
}

}  // namespace securebase::pdf::detail
