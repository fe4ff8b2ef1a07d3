// Inputs and checks shared by the handout PDF tests: sample inputs, rendering a handout to a
// file, and reading it back with poppler.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "pdf_test_support.h"
#include "securebase/handout/builder.h"
#include "securebase/handout/content.h"
#include "securebase/pdf/render.h"
#include "temp_dir.h"

namespace securebase::handout::testing {

using pdf::testing::pdfText;
using pdf::testing::quoted;
using pdf::testing::run;

inline ClinicDetails sampleClinic() {
  ClinicDetails clinic;
  clinic.name = "Eastside Family Clinic";
  clinic.phone = "(555) 010-2300";
  clinic.address = "120 Maple Street, Springfield";
  clinic.help_lines = "Parent support line: (555) 010-4400";
  clinic.crisis_line = "988";
  return clinic;
}

inline HandoutBasics sampleBasics(model::Language language, pdf::PaperSize paper) {
  HandoutBasics basics;
  basics.language = language;
  basics.paper = paper;
  basics.clinic = sampleClinic();
  basics.printed_on = {2026, 12, 4};
  return basics;
}

inline GenericInputs sampleGeneric(model::Language language, pdf::PaperSize paper,
                                   std::optional<std::string> name = std::nullopt) {
  GenericInputs inputs;
  inputs.basics = sampleBasics(language, paper);
  inputs.child_name = std::move(name);
  inputs.sex = model::Sex::female;
  return inputs;
}

// The most a personalised handout carries: four strengths, three things to try, three goals.
inline PersonalInputs samplePersonal(model::Language language, pdf::PaperSize paper,
                                     const std::string& name = "Sofía") {
  PersonalInputs inputs;
  inputs.basics = sampleBasics(language, paper);
  inputs.child_names = {name};
  inputs.sex = model::Sex::female;
  inputs.visit_date = {2026, 12, 4};
  inputs.next_visit = model::Date{2026, 12, 18};
  inputs.counselor_name = "María López";
  inputs.counselor_phone = "(555) 010-2311";
  inputs.counselor_email = "maria.lopez@eastside.example";
  if (language == model::Language::es) {
    inputs.strengths = {"Fuiste con " + name + " cada vez que " + name + " lloró.",
                        "Tu voz suave ayudó a " + name + " a calmarse.",
                        "Viste lo que " + name + " quería, y le respondiste.",
                        "Le hablaste y le cantaste a " + name + ". ¡Le encanta tu voz!"};
    inputs.things_to_try = {"Cuando " + name + " se aleje con la mirada, haz una pausa corta.",
                            "Trata de dormir cuando " + name + " duerma, aunque sea un rato.",
                            "Pide a un familiar que te ayude con las compras o la comida."};
    inputs.open_goals = {"Salir a caminar con " + name + " tres veces por semana.",
                         "Pedir ayuda a la abuela con la ropa."};
  } else {
    inputs.strengths = {"You went to " + name + " each time " + name + " cried.",
                        "Your soft voice helped " + name + " calm down.",
                        "You saw what " + name + " wanted, and you answered.",
                        "You talked and sang to " + name + ". " + name + " loves your voice."};
    inputs.things_to_try = {"When " + name + " looks away, take a short pause.",
                            "Try to sleep when " + name + " sleeps, even for a short time.",
                            "Ask a friend or family member to help with shopping or a meal."};
    inputs.open_goals = {"Take a walk with " + name + " three times a week.",
                         "Ask Grandma to help with the laundry on Sundays."};
  }
  return inputs;
}

struct WrittenHandout {
  std::filesystem::path file;
  std::size_t pages = 0;
  std::vector<pdf::PlacedFigure> figures;  // where the pictures landed
};

inline WrittenHandout writeHandout(const pdf::Document& document, const std::filesystem::path& file,
                                   int copies = 1) {
  const pdf::RenderedPdf pdf = renderHandout(document, copies);
  pdf::writeFileAtomically(file, pdf.bytes);
  return {file, pdf.pages, pdf.figures};
}

inline std::size_t pdfPages(const std::filesystem::path& file) {
  const std::string info = run("pdfinfo " + quoted(file)).output;
  const auto at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::stoul(info.substr(at + 6));
}

// Where each needle first appears in `text`; npos when missing.
inline std::vector<std::size_t> positionsOf(const std::string& text,
                                            const std::vector<std::string>& needles) {
  std::vector<std::size_t> at;
  for (const auto& needle : needles) at.push_back(text.find(needle));
  return at;
}

// Text with every run of whitespace made one space, so wrapped lines compare as prose.
inline std::string flattened(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace securebase::handout::testing
