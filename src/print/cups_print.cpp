#include "securebase/print/cups_print.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

#include "cups_library.h"
#include "securebase/core/error.h"

namespace securebase::print {
namespace {

using detail::CupsLibrary;

// libcups, or the words for its absence (it is loaded on first use: see cups_library.h).
const CupsLibrary& cups() {
  if (const CupsLibrary* library = detail::cupsLibrary()) return *library;
  throwOutput(errorText("the print service (CUPS) is not running on this computer"));
}

// libcups says "Success" or nothing useful for some failures; the status says more.
std::string lastCupsProblem() {
  const ipp_status_t status = cups().lastError();
  if (status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || status == IPP_STATUS_ERROR_INTERNAL)
    return errorPhrase("the print service (CUPS) is not running on this computer");
  const char* text = cups().lastErrorString();
  return text != nullptr && *text != '\0' ? text : errorPhrase("the print service refused the job");
}

struct DestsDeleter {
  int count;
  void operator()(cups_dest_t* dests) const { cups().freeDests(count, dests); }
};

bool offersTwoSided(cups_dest_t* dest) {
  cups_dinfo_t* info = cups().copyDestInfo(CUPS_HTTP_DEFAULT, dest);
  if (info == nullptr) return false;
  const bool two_sided = cups().checkDestSupported(CUPS_HTTP_DEFAULT, dest, info, CUPS_SIDES,
                                                   CUPS_SIDES_TWO_SIDED_PORTRAIT) != 0;
  cups().freeDestInfo(info);
  return two_sided;
}

}  // namespace

PrinterList listPrinters() {
  if (detail::cupsLibrary() == nullptr)
    return {{}, errorPhrase("the print service (CUPS) is not running on this computer")};
  // Which server to ask is read afresh each time ($CUPS_SERVER, client.conf): libcups would
  // otherwise keep the first answer for the life of the process.
  cups().setServer(nullptr);
  PrinterList list;
  cups_dest_t* raw = nullptr;
  const int count = cups().getDests2(CUPS_HTTP_DEFAULT, &raw);
  std::unique_ptr<cups_dest_t, DestsDeleter> dests(raw, DestsDeleter{count});
  if (count == 0) {
    // No printer is an answer; an unreachable server is a problem to name.
    if (cups().lastError() > IPP_STATUS_OK_EVENTS_COMPLETE) list.problem = lastCupsProblem();
    return list;
  }
  for (int i = 0; i < count; ++i) {
    cups_dest_t& dest = raw[i];
    if (dest.instance != nullptr) continue;  // lpoptions instances repeat a queue
    Printer printer;
    printer.name = dest.name;
    const char* info = cups().getOption("printer-info", dest.num_options, dest.options);
    printer.description = info != nullptr && *info != '\0' ? info : dest.name;
    printer.is_default = dest.is_default != 0;
    printer.two_sided = offersTwoSided(&dest);
    list.printers.push_back(std::move(printer));
  }
  std::stable_sort(list.printers.begin(), list.printers.end(),
                   [](const Printer& a, const Printer& b) {
                     if (a.is_default != b.is_default) return a.is_default;
                     return a.name < b.name;
                   });
  return list;
}

std::vector<std::pair<std::string, std::string>> cupsOptions(const PrintRequest& request) {
  std::vector<std::pair<std::string, std::string>> options;
  options.emplace_back(CUPS_COPIES, std::to_string(request.copies));
  options.emplace_back(CUPS_MEDIA,
                       request.paper == pdf::PaperSize::a4 ? CUPS_MEDIA_A4 : CUPS_MEDIA_LETTER);
  options.emplace_back(CUPS_SIDES,
                       request.two_sided ? CUPS_SIDES_TWO_SIDED_PORTRAIT : CUPS_SIDES_ONE_SIDED);
  return options;
}

PrintJob printFile(const std::filesystem::path& file, const PrintRequest& request) {
  if (request.copies < 1 || request.copies > 100)
    throwBadInput(errorText("copies must be between 1 and 100"));
  cups().setServer(nullptr);
  std::string printer = request.printer;
  if (printer.empty()) {
    const auto list = listPrinters();
    if (!list.problem.empty()) throwOutput(phrasePart(list.problem));
    if (list.printers.empty() || !list.printers.front().is_default)
      throwOutput(list.printers.empty() ? errorText("no printer is set up on this computer")
                                        : errorText("no default printer is set: name one"));
    printer = list.printers.front().name;
  }
  cups_option_t* options = nullptr;
  int count = 0;
  for (const auto& [name, value] : cupsOptions(request))
    count = cups().addOption(name.c_str(), value.c_str(), count, &options);
  const std::string title = request.title.empty() ? file.filename().string() : request.title;
  const int job = cups().printFile2(CUPS_HTTP_DEFAULT, printer.c_str(), file.c_str(), title.c_str(),
                                    count, options);
  cups().freeOptions(count, options);
  if (job == 0) throwOutput(errorText("printer {1}: {2}", printer, phrasePart(lastCupsProblem())));
  return PrintJob{job, printer};
}

pdf::PaperSize paperOfPdf(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const auto box = head.find("/MediaBox");
  if (box == std::string::npos) return pdf::PaperSize::letter;
  const auto numbers = head.find_first_of("0123456789", head.find('[', box));
  std::istringstream values(head.substr(numbers, 64));
  double x0 = 0, y0 = 0, width = 0;
  values >> x0 >> y0 >> width;
  return width > 590 && width < 600 ? pdf::PaperSize::a4 : pdf::PaperSize::letter;
}

}  // namespace securebase::print
