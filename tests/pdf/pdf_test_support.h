// Running poppler and qpdf on a PDF from a test, and reading their output.
#pragma once

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

namespace securebase::pdf::testing {

struct CommandResult {
  int status = -1;
  std::string output;
};

inline CommandResult run(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  result.status = ::pclose(pipe);
  return result;
}

inline std::string quoted(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

inline std::string pdfText(const std::filesystem::path& pdf, const std::string& options = "") {
  return run("pdftotext -q -enc UTF-8 " + options + " " + quoted(pdf) + " -").output;
}

}  // namespace securebase::pdf::testing

namespace securebase::pdf::testing {

// A small solid-colour RGB PNG built in memory (stored, uncompressed deflate blocks), so the
// tests need no image files.
inline std::string solidPng(unsigned width, unsigned height, unsigned char r, unsigned char g,
                            unsigned char b) {
  const auto crc32 = [](const std::string& data) {
    unsigned long crc = 0xFFFFFFFFul;
    for (unsigned char c : data) {
      crc ^= c;
      for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320ul & (0ul - (crc & 1ul)));
    }
    return crc ^ 0xFFFFFFFFul;
  };
  const auto be32 = [](unsigned long v) {
    std::string s(4, '\0');
    for (int i = 0; i < 4; ++i)
      s[static_cast<std::size_t>(i)] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
    return s;
  };
  const auto chunk = [&](const std::string& type, const std::string& data) {
    return be32(data.size()) + type + data + be32(crc32(type + data));
  };
  std::string raw;
  for (unsigned y = 0; y < height; ++y) {
    raw += '\0';
    for (unsigned x = 0; x < width; ++x)
      raw += std::string{static_cast<char>(r), static_cast<char>(g), static_cast<char>(b)};
  }
  std::string deflate = "\x78\x01";
  for (std::size_t at = 0; at < raw.size(); at += 65535) {
    const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
    deflate += static_cast<char>(at + n == raw.size() ? 1 : 0);
    deflate += static_cast<char>(n & 0xFF);
    deflate += static_cast<char>(n >> 8);
    deflate += static_cast<char>(~n & 0xFF);
    deflate += static_cast<char>((~n >> 8) & 0xFF);
    deflate += raw.substr(at, n);
  }
  unsigned long a = 1, b2 = 0;
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b2 = (b2 + a) % 65521;
  }
  deflate += be32((b2 << 16) | a);
  const std::string header = be32(width) + be32(height) + std::string("\x08\x02\x00\x00\x00", 5);
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) + chunk("IDAT", deflate) +
         chunk("IEND", "");
}

}  // namespace securebase::pdf::testing
