// Running poppler and qpdf on a PDF from a test, and reading their output.
#pragma once

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
  if (pipe == nullptr)
    return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    result.output.append(buffer, n);
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
