#include <utility>

#include "handout_blocks.h"
#include "securebase/handout/resolve_text.h"

namespace securebase::handout::detail {

namespace {

// "Tummy time" → "Tummy time:"; a title that already ends in punctuation keeps it.
std::string asLead(const std::string& title) {
  if (title.empty()) return title;
  const char last = title.back();
  return (last == ':' || last == '.' || last == '?' || last == '!') ? title : title + ":";
}

// A phone number kept on one line.
std::string unbreakable(std::string text) {
  for (std::size_t at = text.find(' '); at != std::string::npos; at = text.find(' ', at))
    text.replace(at, 1, "\u00A0");
  return text;
}

const Picture* pictureOf(const ContentBlock& block) {
  return block.picture.empty() ? nullptr : &pictureById(block.picture);
}

// The clinic, its help lines and the crisis line as lines of a box; the crisis line is a line
// to write on when the clinic has not set one, so no handout goes home without a place for it.
BoxContent helpLinesBox(const HandoutContent& content, const ClinicDetails& clinic) {
  BoxContent box;
  box.title = content.label("help_lines");
  // The clinic's phone and address, where the reader looks for whom to call.
  if (!clinic.name.empty() || !clinic.phone.empty()) {
    std::string where = unbreakable(clinic.phone);
    if (!clinic.address.empty()) where += (where.empty() ? "" : ", ") + clinic.address;
    box.write_ins.push_back(
        {asLead(clinic.name.empty() ? content.label("your_clinic") : clinic.name), where});
  }
  for (const auto& [name, number] : parseHelpLines(clinic.help_lines))
    box.write_ins.push_back({asLead(name), unbreakable(number)});
  box.write_ins.push_back({asLead(content.label("crisis_line")), unbreakable(clinic.crisis_line)});
  return box;
}

}  // namespace

void appendGeneralContent(const HandoutContent& content,
                          const std::optional<std::string>& child_name, model::Sex sex,
                          AgeBand band, const ClinicDetails& clinic,
                          const std::vector<WriteIn>& helpers, double width, double body_size,
                          std::vector<pdf::Block>& out) {
  const auto resolve = [&](const std::string& text) { return resolveText(text, child_name, sex); };
  const auto captionOf = [&](const ContentBlock& block) {
    return block.picture.empty() ? std::string()
                                 : pictureById(block.picture).captionIn(content.language);
  };
  const auto resolveItems = [&](const ContentBlock& block) {
    std::vector<std::string> items;
    for (const ContentItem& item : block.items) items.push_back(resolve(item.text));
    return items;
  };
  for (const ContentSection& section : content.sections) {
    if (!section.shownFor(band)) continue;
    if (!section.heading.empty()) out.push_back(pdf::Heading{resolve(section.heading), 2});
    for (std::size_t b = 0; b < section.blocks.size(); ++b) {
      const ContentBlock& block = section.blocks[b];
      // Help lines right after a safety note go inside its box: whom to call, where the
      // reader is told to call.
      const bool help_lines_next =
          b + 1 < section.blocks.size() && section.blocks[b + 1].kind == BlockKind::help_lines;
      switch (block.kind) {
        case BlockKind::paragraph:
          if (const Picture* picture = pictureOf(block))
            out.push_back(pictureBlock(*picture, captionOf(block), width, body_size));
          out.push_back(pdf::Paragraph{resolve(block.text), {}});
          break;
        case BlockKind::bullets:
          if (const Picture* picture = pictureOf(block))
            out.push_back(pictureBlock(*picture, captionOf(block), width, body_size));
          out.push_back(pdf::BulletList{resolveItems(block)});
          break;
        case BlockKind::tip:
          out.push_back(boxBlock(
              BoxLook::tip,
              {resolve(block.title), nullptr, {}, {resolve(block.text)}, {}, false, {}, {}}, width,
              body_size));
          break;
        case BlockKind::safety: {
          BoxContent box{resolve(block.title),
                         pictureOf(block),
                         captionOf(block),
                         {},
                         resolveItems(block),
                         false,
                         {},
                         {}};
          if (!block.text.empty()) box.paragraphs.push_back(resolve(block.text));
          if (help_lines_next) {
            box.write_ins = helpLinesBox(content, clinic).write_ins;
            ++b;
          }
          out.push_back(boxBlock(BoxLook::safety, box, width, body_size));
          break;
        }
        case BlockKind::remember:
          out.push_back(boxBlock(BoxLook::remember,
                                 {resolve(block.title),
                                  pictureOf(block),
                                  captionOf(block),
                                  {},
                                  resolveItems(block),
                                  false,
                                  {},
                                  {}},
                                 width, body_size));
          break;
        case BlockKind::plan: {
          BoxContent box{resolve(block.title),
                         pictureOf(block),
                         captionOf(block),
                         {},
                         resolveItems(block),
                         true,
                         helpers,
                         {}};
          if (!block.text.empty()) box.closing.push_back(resolve(block.text));
          out.push_back(boxBlock(BoxLook::safety, box, width, body_size));
          break;
        }
        case BlockKind::help_lines:
          out.push_back(
              boxBlock(BoxLook::remember, helpLinesBox(content, clinic), width, body_size));
          break;
        case BlockKind::reading:
          for (const ContentItem& item : block.items)
            out.push_back(pdf::Paragraph{resolve(item.text), asLead(resolve(item.title))});
          // Where to read more only when the clinic named a place: never an empty teaser.
          if (!clinic.website.empty()) {
            std::string line = content.label("learn_more_at");
            const auto at = line.find("{website}");
            if (at != std::string::npos) line.replace(at, 9, clinic.website);
            out.push_back(pdf::Paragraph{line, {}});
          }
          break;
      }
    }
  }
}

}  // namespace securebase::handout::detail
