#include "document_characters.h"

#include "securebase/pdf/text_check.h"
#include "utf8_decode.h"

namespace securebase::pdf::detail {

namespace {

// Layout prints text in NFC; only text holding a code point from U+0300 up can change under
// it, so only such text pays for normalising.
void addPrinted(CharacterSet& set, std::string_view utf8) {
  for (std::size_t pos = 0; pos < utf8.size();) {
    if (static_cast<unsigned char>(utf8[pos]) < 0x80) {
      ++pos;
    } else if (nextCodePoint(utf8, pos) >= 0x300) {
      set.add(normalizeNfc(utf8));
      return;
    }
  }
  set.add(utf8);
}

void addBlock(CharacterSet& set, const Block& block) {
  const auto add = [&set](std::string_view text) { addPrinted(set, text); };
  if (const auto* heading = std::get_if<Heading>(&block)) {
    add(heading->text);
  } else if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
    add(paragraph->bold_lead);
    add(paragraph->text);
  } else if (const auto* list = std::get_if<BulletList>(&block)) {
    set.add(U'\u2022');
    for (const std::string& item : list->items) add(item);
  } else if (const auto* tip = std::get_if<TipBox>(&block)) {
    add(tip->title);
    for (const std::string& text : tip->paragraphs) add(text);
    if (!tip->bullets.empty()) set.add(U'\u2022');
    for (const std::string& text : tip->bullets) add(text);
  } else if (const auto* pairs = std::get_if<KeyValueList>(&block)) {
    for (const auto& [key, value] : pairs->rows) {
      add(key);
      add(value);
    }
  } else if (const auto* table = std::get_if<Table>(&block)) {
    for (const TableColumn& column : table->columns) add(column.header);
    for (const auto& row : table->rows)
      for (const std::string& cell : row) add(cell);
  } else if (const auto* chart = std::get_if<ChartBlock>(&block)) {
    add(chart->chart.title);
    for (const std::string& label : chart->chart.x_labels) add(label);
    for (const ChartSeries& series : chart->chart.series) add(series.name);
  } else if (const auto* drawing = std::get_if<Drawing>(&block)) {
    add(drawing->text);
  }
}

}  // namespace

CharacterSet documentCharacters(const Document& document) {
  CharacterSet set;
  addPrinted(set, document.title);
  addPrinted(set, document.author);
  const PageFurniture& furniture = document.furniture;
  for (const std::string* text : {&furniture.clinic_name, &furniture.clinic_phone,
                                  &furniture.date_text, &furniture.page_label})
    addPrinted(set, *text);
  set.add("0123456789");  // page numbers and chart ticks
  for (const Block& block : document.blocks) addBlock(set, block);
  return set;
}

}  // namespace securebase::pdf::detail
