#include "securebase/pdf/line_breaking.h"

#include "utf8_decode.h"

namespace securebase::pdf {

namespace {

struct Word {
  std::string_view text;
  bool bold = false;
  bool newline_before = false;  // a hard break precedes this word
  bool space_before = false;    // the source had a space between this word and the last
};

std::vector<Word> splitWords(const std::vector<TextRun>& runs) {
  std::vector<Word> words;
  bool pending_newline = false;
  bool pending_space = false;
  for (const TextRun& run : runs) {
    const std::string_view text = run.text;
    std::size_t pos = 0;
    while (pos < text.size()) {
      const char c = text[pos];
      if (c == '\n') {
        if (pending_newline)  // "\n\n": an empty line between two breaks
          words.push_back({std::string_view(), run.bold, true, false});
        pending_newline = true;
        pending_space = false;
        ++pos;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        pending_space = true;
        ++pos;
      } else {
        std::size_t end = pos;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t' &&
               text[end] != '\r')
          ++end;
        words.push_back({text.substr(pos, end - pos), run.bold, pending_newline, pending_space});
        pending_newline = false;
        pending_space = false;
        pos = end;
      }
    }
  }
  return words;
}

class LineBuilder {
 public:
  LineBuilder(double max_width, const StyledWidthFn& width) : max_(max_width), width_(width) {}

  void add(const Word& word) {
    if (word.newline_before && started_) finish();
    started_ = true;
    if (word.text.empty()) return;
    const double word_width = width_(word.text, word.bold);
    const bool has_content = !line_.runs.empty();
    const bool spaced = has_content && word.space_before;
    const double space = spaced ? width_(" ", word.bold) : 0.0;
    if (has_content && line_.width + space + word_width <= max_) {
      if (spaced) append(" ", word.bold, space);
      append(word.text, word.bold, word_width);
      return;
    }
    if (has_content) finish();
    if (word_width <= max_)
      append(word.text, word.bold, word_width);
    else
      addOverlong(word);
  }

  std::vector<StyledLine> take() {
    if (started_) finish();
    return std::move(lines_);
  }

 private:
  // Fills lines character by character; every line takes at least one character.
  void addOverlong(const Word& word) {
    std::size_t pos = 0;
    while (pos < word.text.size()) {
      std::size_t next = pos;
      detail::nextCodePoint(word.text, next);
      const std::string_view piece = word.text.substr(pos, next - pos);
      const double piece_width = width_(piece, word.bold);
      if (!line_.runs.empty() && line_.width + piece_width > max_) finish();
      append(piece, word.bold, piece_width);
      pos = next;
    }
  }

  void append(std::string_view text, bool bold, double w) {
    if (line_.runs.empty() || line_.runs.back().bold != bold)
      line_.runs.push_back({std::string(), bold});
    line_.runs.back().text += text;
    line_.width += w;
  }

  void finish() {
    lines_.push_back(std::move(line_));
    line_ = {};
  }

  double max_;
  const StyledWidthFn& width_;
  std::vector<StyledLine> lines_;
  StyledLine line_;
  bool started_ = false;
};

}  // namespace

std::vector<StyledLine> breakStyledLines(const std::vector<TextRun>& runs, double max_width,
                                         const StyledWidthFn& width) {
  LineBuilder builder(max_width, width);
  for (const Word& word : splitWords(runs)) builder.add(word);
  return builder.take();
}

std::vector<std::string> breakLines(std::string_view text, double max_width,
                                    const TextWidthFn& width) {
  const StyledWidthFn plain = [&width](std::string_view t, bool) { return width(t); };
  std::vector<std::string> lines;
  for (StyledLine& line : breakStyledLines({{std::string(text), false}}, max_width, plain))
    lines.push_back(line.runs.empty() ? std::string() : std::move(line.runs.front().text));
  return lines;
}

}  // namespace securebase::pdf
