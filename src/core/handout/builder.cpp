#include "securebase/handout/builder.h"

#include "handout_blocks.h"
#include "securebase/core/error.h"
#include "securebase/handout/resolve_text.h"

namespace securebase::handout {

namespace {

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

pdf::Document startDocument(const HandoutContent& content, const HandoutBasics& basics) {
  pdf::Document document;
  document.title = content.title;
  document.author = basics.clinic.name;
  document.paper = basics.paper;
  // 12 pt is the design's floor for body text. Two columns keep lines near 40 characters,
  // easy to follow for a tired reader, and leave no wide empty margins on two pages.
  document.body_size = 12;
  document.line_spacing = 1.2;
  document.heading_space = 0.6;
  document.margin = 32;
  document.columns = 2;
  document.column_gap = 18;
  document.whole_across_pages = true;
  // Every handout names a clinic: a generic one printed without settings gets lines to write
  // the clinic's name and phone on.
  const bool no_clinic = basics.clinic.name.empty();
  document.furniture.clinic_name =
      no_clinic ? content.label("your_clinic") + ": ____________________" : basics.clinic.name;
  document.furniture.clinic_phone = basics.clinic.phone.empty()
                                        ? content.label("phone") + ": ______________"
                                        : basics.clinic.phone;
  document.furniture.logo_png = basics.clinic.logo_png;
  std::string printed = content.label("printed_on");
  replaceAll(printed, "{date}", longDate(basics.printed_on, basics.language));
  std::string version = content.label("version");
  replaceAll(version, "{version}", content.version);
  replaceAll(version, "{reviewed}", monthAndYear(content.reviewed, basics.language));
  document.furniture.date_text =
      (no_clinic ? "" : basics.clinic.name + " \u00B7 ") + version + " \u00B7 " + printed;
  document.furniture.page_label = content.label("page_of");
  document.blocks.push_back(pdf::Heading{content.title, 1});
  return document;
}

// "Made for Ana" as a bold line.
pdf::Block madeFor(const HandoutContent& content, const std::optional<std::string>& names) {
  return pdf::Paragraph{"", resolveText(content.label("prepared_for"), names, model::Sex::unknown)};
}

// "Ana and Leo" / "Ana y Leo" (Spanish "e" before an i- sound: "Ana e Isabel").
std::string joinNames(const std::vector<std::string>& names, model::Language language) {
  std::string joined;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0 && i + 1 < names.size()) {
      joined += ", ";
    } else if (i > 0) {
      std::string conjunction = " and ";
      if (language == model::Language::es) {
        const std::string& next = names[i];
        const bool i_sound = (next.rfind('I', 0) == 0 || next.rfind('i', 0) == 0 ||
                              next.rfind("Hi", 0) == 0 || next.rfind("hi", 0) == 0) &&
                             next.rfind("Hie", 0) != 0 && next.rfind("Hia", 0) != 0;
        conjunction = i_sound ? " e " : " y ";
      }
      joined += conjunction;
    }
    joined += names[i];
  }
  return joined;
}

}  // namespace

pdf::Document buildGenericHandout(const HandoutContent& content, const GenericInputs& inputs) {
  pdf::Document document = startDocument(content, inputs.basics);
  std::optional<std::string> name = inputs.child_name;
  if (name && name->empty()) name.reset();
  // "Made for Sofía." opens the subtitle: a line of its own would cost the second page.
  const std::string made_for =
      name ? resolveText(content.label("prepared_for"), name, model::Sex::unknown) + "." : "";
  if (!content.subtitle.empty())
    document.blocks.push_back(
        pdf::Paragraph{resolveText(content.subtitle, name, inputs.sex), made_for});
  else if (name)
    document.blocks.push_back(madeFor(content, name));
  // Blank lines for the parent to write a helper's name and phone on.
  const std::vector<detail::WriteIn> helpers = {{content.label("plan_name"), ""},
                                                {content.label("phone") + ":", ""}};
  detail::appendGeneralContent(content, name, inputs.sex, ageBandFor(inputs.age_months),
                               inputs.basics.clinic, helpers, detail::columnWidth(document),
                               document.body_size, document.blocks);
  return document;
}

pdf::Document buildPersonalisedHandout(const HandoutContent& content,
                                       const PersonalInputs& inputs) {
  if (inputs.strengths.empty() && inputs.things_to_try.empty())
    throwBadInput(
        "there is nothing to personalise: no practice was rated at this visit (print the general "
        "handout with --generic)");
  pdf::Document document = startDocument(content, inputs.basics);
  const model::Language language = inputs.basics.language;
  // Twins share the page: the general texts then speak of "your baby", not of one name.
  std::optional<std::string> single_name;
  if (inputs.child_names.size() == 1 && !inputs.child_names.front().empty())
    single_name = inputs.child_names.front();
  const model::Sex sex = single_name ? inputs.sex : model::Sex::unknown;
  std::optional<std::string> all_names;
  if (!inputs.child_names.empty()) all_names = joinNames(inputs.child_names, language);
  auto& blocks = document.blocks;
  // Twins: "Made for Ana and Leo". One child is named in every strength already.
  if (inputs.child_names.size() > 1) blocks.push_back(madeFor(content, all_names));

  const double width = detail::columnWidth(document);
  if (!inputs.strengths.empty()) {
    detail::BoxContent saw;
    saw.title = content.label("what_we_saw");
    for (std::size_t i = 0; i < inputs.strengths.size() && i < kMaxStrengths; ++i)
      saw.items.push_back(inputs.strengths[i]);
    blocks.push_back(detail::boxBlock(detail::BoxLook::tip, saw, width, document.body_size));
  }
  if (!inputs.things_to_try.empty()) {
    blocks.push_back(pdf::Heading{content.label("things_to_try"), 2});
    pdf::BulletList list;
    for (std::size_t i = 0; i < inputs.things_to_try.size() && i < kMaxThingsToTry; ++i)
      list.items.push_back(inputs.things_to_try[i]);
    blocks.push_back(std::move(list));
  }
  if (!inputs.open_goals.empty()) {
    blocks.push_back(pdf::Heading{content.label("your_goals"), 2});
    blocks.push_back(pdf::BulletList{inputs.open_goals});
  }
  // A date already past (a handout printed long after its visit) would only mislead.
  if (inputs.next_visit && *inputs.next_visit >= inputs.basics.printed_on)
    blocks.push_back(
        pdf::Paragraph{longDate(*inputs.next_visit, language), content.label("next_visit") + ":"});

  // The plan names whom to call: the counselor from the family's record, then a line for
  // someone the parent trusts.
  std::vector<detail::WriteIn> helpers;
  if (!inputs.counselor_name.empty()) {
    std::string who = inputs.counselor_name;
    // Name and phone: what a parent needs in the moment (the e-mail would not help then).
    std::string phone = inputs.counselor_phone;  // kept on one line
    for (auto at = phone.find(' '); at != std::string::npos; at = phone.find(' ', at))
      phone.replace(at, 1, "\u00A0");
    if (!phone.empty()) who += ", " + phone;
    helpers.push_back({content.label("your_counselor") + ":", who});
  }
  helpers.push_back({content.label("plan_call"), ""});
  detail::appendGeneralContent(content, single_name, sex, ageBandFor(inputs.age_months),
                               inputs.basics.clinic, helpers, width, document.body_size, blocks);
  return document;
}

pdf::RenderedPdf renderHandout(const pdf::Document& document, int copies) {
  if (copies < 1 || copies > 100)
    throwBadInput("copies must be between 1 and 100, not " + std::to_string(copies));
  pdf::RenderOptions options;
  options.copies = copies;
  return pdf::renderPdf(document, options);
}

}  // namespace securebase::handout
