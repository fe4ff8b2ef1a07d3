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

}  // namespace

void appendGeneralContent(const HandoutContent& content,
                          const std::optional<std::string>& child_name, model::Sex sex,
                          const ClinicDetails& clinic, double width, double body_size,
                          std::vector<pdf::Block>& out) {
  const auto resolve = [&](const std::string& text) { return resolveText(text, child_name, sex); };
  for (const ContentSection& section : content.sections) {
    out.push_back(pdf::Heading{resolve(section.heading), 2});
    for (const ContentBlock& block : section.blocks) {
      switch (block.kind) {
        case BlockKind::paragraph:
          out.push_back(pdf::Paragraph{resolve(block.text), {}});
          break;
        case BlockKind::bullets: {
          pdf::BulletList list;
          for (const ContentItem& item : block.items) list.items.push_back(resolve(item.text));
          out.push_back(std::move(list));
          break;
        }
        case BlockKind::tip:
          out.push_back(
              noteBox(NoteStyle::tip, resolve(block.title), resolve(block.text), width, body_size));
          break;
        case BlockKind::safety:
          out.push_back(noteBox(NoteStyle::safety, resolve(block.title), resolve(block.text), width,
                                body_size));
          break;
        case BlockKind::help_lines: {
          // One short paragraph, not a table: it sits under the advice to ask for help.
          std::string text;
          for (const auto& [name, number] : parseHelpLines(clinic.help_lines))
            text += (text.empty() ? "" : "   \u00B7   ") + name +
                    (number.empty() ? "" : ": " + unbreakable(number));
          if (!text.empty())
            out.push_back(pdf::Paragraph{text, asLead(content.label("help_lines"))});
          break;
        }
        case BlockKind::reading:
          for (const ContentItem& item : block.items)
            out.push_back(pdf::Paragraph{resolve(item.text), asLead(resolve(item.title))});
          break;
      }
    }
  }
}

}  // namespace securebase::handout::detail
