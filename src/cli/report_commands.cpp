// report: the progress report of one family as a PDF (DESIGN §7, §9).
#include <iostream>

#include "commands.h"
#include "output_target.h"
#include "securebase/core/error.h"
#include "securebase/forms/form_catalog.h"
#include "securebase/pdf/render.h"
#include "securebase/report/progress_report.h"
#include "securebase/store/settings.h"

namespace securebase::cli {
namespace {

int report(const std::vector<std::string>& args) {
  po::options_description options("Options");
  addDatabaseOptions(options);
  options.add_options()("family", po::value<std::string>()->required(), "family id")(
      "from", po::value<std::string>(),
      "first day of the period, YYYY-MM-DD (default: first visit)")(
      "to", po::value<std::string>(), "last day of the period, YYYY-MM-DD (default: latest visit)")(
      "audience", po::value<std::string>()->default_value("clinical"),
      "clinical (full record) or parent (strengths, no scores)")(
      "lang", po::value<std::string>(),
      "en or es (default: the family's language for parents, else the clinic's default)")(
      "paper", po::value<std::string>(),
      "letter or a4 (default: the clinic's setting, else letter)")(
      "output,o", po::value<std::string>()->required(), "PDF file to write");
  auto vm = parseOptions("report", "--family ID [--from DATE --to DATE] [options] -o FILE", options,
                         {}, args);
  if (!vm) return kOk;

  report::ReportOptions opts;
  const auto family_id = parseId((*vm)["family"].as<std::string>(), "family id");
  if (vm->count("from"))
    opts.period.from = parseDateOption((*vm)["from"].as<std::string>(), "--from");
  if (vm->count("to")) opts.period.to = parseDateOption((*vm)["to"].as<std::string>(), "--to");
  if (opts.period.from && opts.period.to && *opts.period.to < *opts.period.from)
    throwBadInput("--from " + opts.period.from->iso() + " is after --to " + opts.period.to->iso());
  const auto audience = report::parseAudience((*vm)["audience"].as<std::string>());
  if (!audience) throwBadInput("--audience must be clinical or parent");
  opts.audience = *audience;
  std::optional<model::Language> language;
  if (vm->count("lang")) {
    language = model::parseLanguage((*vm)["lang"].as<std::string>());
    if (!language) throwBadInput("--lang must be en or es");
  }
  std::optional<pdf::PaperSize> paper;
  if (vm->count("paper")) {
    const auto p = (*vm)["paper"].as<std::string>();
    if (p != "letter" && p != "a4") throwBadInput("--paper must be letter or a4");
    paper = p == "a4" ? pdf::PaperSize::a4 : pdf::PaperSize::letter;
  }
  const std::string output = (*vm)["output"].as<std::string>();

  auto open = openStoreToRead(*vm);
  auto& store = *open.store;
  const auto family = store.family(family_id);  // not_found before anything is written
  if (!language) {
    if (opts.audience == report::Audience::parent)
      language = family.language;
    else
      language =
          model::parseLanguage(store.setting(store::setting::default_language).value_or("en"))
              .value_or(model::Language::en);
  }
  opts.language = *language;
  if (!paper)
    paper = store.setting(store::setting::paper_size).value_or("letter") == "a4"
                ? pdf::PaperSize::a4
                : pdf::PaperSize::letter;
  opts.paper = *paper;
  const auto catalog = forms::FormCatalog::loadDefault();
  const auto document = report::progressReport(store, catalog, family_id, opts);
  const auto pdf = pdf::renderPdf(document);
  writeOutput(output, pdf.bytes, open);
  const auto pages = pdf.pages;
  messageStream(output) << output << " (" << pages << (pages == 1 ? " page" : " pages") << ")\n";
  return kOk;
}

}  // namespace

std::vector<Command> reportCommands() {
  return {{"report", "progress report of a family as PDF (clinical or parent)", report}};
}

}  // namespace securebase::cli
