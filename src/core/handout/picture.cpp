#include "securebase/handout/picture.h"

#include <boost/json.hpp>
#include <cctype>
#include <charconv>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "securebase/core/error.h"
#include "securebase/core/paths.h"
#include "securebase/json/strict_parse.h"
#include "securebase/json/value_reader.h"

namespace securebase::handout {

namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

// Kappa: the control distance that makes four cubic curves a close ellipse.
constexpr double kKappa = 0.5522847498;

struct PathReader {
  std::string_view text;
  std::size_t at = 0;

  void skipSpace() {
    while (at < text.size() &&
           (std::isspace(static_cast<unsigned char>(text[at])) || text[at] == ','))
      ++at;
  }
  bool atCommand() {
    skipSpace();
    return at < text.size() && std::isalpha(static_cast<unsigned char>(text[at]));
  }
  bool done() {
    skipSpace();
    return at >= text.size();
  }
  double number() {
    skipSpace();
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data() + at, text.data() + text.size(), value);
    if (ec != std::errc{})
      throw std::invalid_argument("a number was expected at character " + std::to_string(at + 1));
    at = static_cast<std::size_t>(end - text.data());
    return value;
  }
  pdf::Point point() {
    const double x = number();
    return {x, number()};
  }
};

void appendEllipse(std::vector<pdf::PathStep>& path, pdf::Point c, double rx, double ry) {
  using K = pdf::PathStep::Kind;
  const double kx = rx * kKappa, ky = ry * kKappa;
  path.push_back({K::move, {c.x + rx, c.y}, {}, {}});
  path.push_back({K::cubic, {c.x, c.y + ry}, {c.x + rx, c.y + ky}, {c.x + kx, c.y + ry}});
  path.push_back({K::cubic, {c.x - rx, c.y}, {c.x - kx, c.y + ry}, {c.x - rx, c.y + ky}});
  path.push_back({K::cubic, {c.x, c.y - ry}, {c.x - rx, c.y - ky}, {c.x - kx, c.y - ry}});
  path.push_back({K::cubic, {c.x + rx, c.y}, {c.x + kx, c.y - ry}, {c.x + rx, c.y - ky}});
  path.push_back({K::close, {}, {}, {}});
}

// "M x y  L x y …  C x1 y1 x2 y2 x y …  Q x1 y1 x y …  O cx cy rx ry  Z" (absolute only).
std::vector<pdf::PathStep> parsePath(std::string_view text) {
  using K = pdf::PathStep::Kind;
  std::vector<pdf::PathStep> path;
  PathReader in{text};
  pdf::Point current;
  char command = 0;
  while (!in.done()) {
    if (in.atCommand()) command = in.text[in.at++];
    switch (command) {
      case 'M':
        current = in.point();
        path.push_back({K::move, current, {}, {}});
        command = 'L';  // like SVG: pairs after a move are lines
        break;
      case 'L':
        current = in.point();
        path.push_back({K::line, current, {}, {}});
        break;
      case 'C': {
        const pdf::Point c1 = in.point();
        const pdf::Point c2 = in.point();
        current = in.point();
        path.push_back({K::cubic, current, c1, c2});
        break;
      }
      case 'Q': {  // a quadratic curve, raised to the cubic that draws the same
        const pdf::Point q = in.point();
        const pdf::Point to = in.point();
        const pdf::Point c1{current.x + 2.0 / 3 * (q.x - current.x),
                            current.y + 2.0 / 3 * (q.y - current.y)};
        const pdf::Point c2{to.x + 2.0 / 3 * (q.x - to.x), to.y + 2.0 / 3 * (q.y - to.y)};
        current = to;
        path.push_back({K::cubic, current, c1, c2});
        break;
      }
      case 'O': {
        const pdf::Point c = in.point();
        const double rx = in.number();
        appendEllipse(path, c, rx, in.number());
        current = c;
        break;
      }
      case 'Z':
        path.push_back({K::close, {}, {}, {}});
        command = 0;
        break;
      default:
        throw std::invalid_argument(command == 0 ? "the path must start with M or O"
                                                 : std::string("unknown path command '") + command +
                                                       "' (use M, L, C, Q, O or Z)");
    }
  }
  if (path.empty() || path.front().kind != K::move)
    throw std::invalid_argument("the path must start with M or O");
  return path;
}

std::string readAll(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) throwNotFound("picture file not found: " + file.string());
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

const std::string& Picture::describe(model::Language language) const {
  const auto found = description.find(model::toString(language));
  if (found == description.end())
    throwNotFound("picture " + id + " has no description in " +
                  std::string(model::toString(language)));
  return found->second;
}

const std::string& Picture::captionIn(model::Language language) const {
  const auto found = caption.find(model::toString(language));
  if (found == caption.end())
    throwNotFound("picture " + id + " has no caption in " + std::string(model::toString(language)));
  return found->second;
}

Picture loadPicture(const fs::path& file) {
  const securebase::json::ValueReader reader(file.string());
  const auto fail = [&](const std::string& where, const std::string& problem) {
    reader.fail(where, problem);
  };
  const json::value root =
      securebase::json::parseStrict(readAll(file), file.string(), "the picture");
  const json::object& object = reader.object(root, "$");
  reader.onlyFields(object, "$", {"id", "width", "height", "description", "caption", "shapes"});
  Picture picture;
  const auto number = [&](const json::object& owner, std::string_view key, const std::string& at,
                          double fallback, bool required) {
    const json::value* value = owner.if_contains(key);
    if (value == nullptr) {
      if (required) reader.field(owner, key, at);  // names the missing field
      return fallback;
    }
    return reader.number(*value, at + "." + std::string(key));
  };
  picture.id = reader.identifier(reader.field(object, "id", "$"), "$.id");
  picture.width = number(object, "width", "$", 0, true);
  picture.height = number(object, "height", "$", 0, true);
  if (picture.width <= 0 || picture.height <= 0) fail("$", "width and height must be positive");
  const json::object& description =
      reader.object(reader.field(object, "description", "$"), "$.description");
  for (const auto& entry : description) {
    const std::string at = "$.description." + std::string(entry.key());
    picture.description[std::string(entry.key())] =
        reader.text(entry.value(), at, {.line_breaks = false});
  }
  for (const char* language : {"en", "es"})
    if (!picture.description.contains(language))
      fail(std::string("$.description.") + language, "is missing");
  // A caption is one short line under the picture: a long one would crowd the page.
  constexpr std::size_t kLongestCaption = 44;  // bytes: one line in a column
  const json::object& caption = reader.object(reader.field(object, "caption", "$"), "$.caption");
  for (const auto& entry : caption) {
    const std::string at = "$.caption." + std::string(entry.key());
    std::string text = reader.text(entry.value(), at, {.line_breaks = false});
    if (text.size() > kLongestCaption)
      fail(at, "is longer than " + std::to_string(kLongestCaption) +
                   " bytes (a caption is one short line)");
    picture.caption[std::string(entry.key())] = std::move(text);
  }
  for (const char* language : {"en", "es"})
    if (!picture.caption.contains(language))
      fail(std::string("$.caption.") + language, "is missing");
  const json::array& shapes = reader.nonEmptyArray(reader.field(object, "shapes", "$"), "$.shapes");
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    const std::string at = "$.shapes[" + std::to_string(i) + "]";
    const json::object& shape_object = reader.object(shapes[i], at);
    reader.onlyFields(shape_object, at, {"d", "stroke", "fill", "width"});
    PictureShape shape;
    const json::value* d = shape_object.if_contains("d");
    if (d == nullptr || !d->is_string())
      fail(at + ".d", "must be a path text like \"M 0 0 L 10 10\"");
    try {
      shape.path = parsePath(d->get_string());
    } catch (const std::invalid_argument& e) {
      fail(at + ".d", e.what());
    }
    shape.stroke_gray = number(shape_object, "stroke", at, -1, false);
    shape.fill_gray = number(shape_object, "fill", at, -1, false);
    shape.line_width = number(shape_object, "width", at, 2, false);
    for (const double gray : {shape.stroke_gray, shape.fill_gray})
      if (gray > 1) fail(at, "greys run from 0 (black) to 1 (white)");
    if (shape.stroke_gray < 0 && shape.fill_gray < 0) fail(at, "needs a stroke or a fill");
    picture.shapes.push_back(std::move(shape));
  }
  return picture;
}

const Picture& pictureById(std::string_view id) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Picture>, std::less<>> loaded;
  const std::lock_guard lock(mutex);
  if (const auto found = loaded.find(id); found != loaded.end()) return *found->second;
  const fs::path file = assetsDir() / "pictures" / (std::string(id) + ".json");
  auto picture = std::make_unique<Picture>(loadPicture(file));
  if (picture->id != id)
    throwBadInput(file.string() + ": $.id: is \"" + picture->id +
                  "\" but the file is named for \"" + std::string(id) + "\"");
  return *loaded.emplace(std::string(id), std::move(picture)).first->second;
}

void drawPicture(pdf::Canvas& canvas, const Picture& picture, const pdf::Rect& box) {
  const double scale = std::min(box.width / picture.width, box.height / picture.height);
  const double left = box.x + (box.width - picture.width * scale) / 2;
  const double top = box.y + (box.height - picture.height * scale) / 2;
  canvas.noteFigure({left, top, picture.width * scale, picture.height * scale});
  const auto place = [&](pdf::Point p) {
    return pdf::Point{left + p.x * scale, top + p.y * scale};
  };
  std::vector<pdf::PathStep> placed;
  for (const PictureShape& shape : picture.shapes) {
    placed.clear();
    for (const pdf::PathStep& step : shape.path)
      placed.push_back({step.kind, place(step.p), place(step.c1), place(step.c2)});
    const bool fill = shape.fill_gray >= 0;
    const bool stroke = shape.stroke_gray >= 0;
    if (fill) canvas.setFill({shape.fill_gray, shape.fill_gray, shape.fill_gray});
    if (stroke)
      canvas.setStroke({shape.stroke_gray, shape.stroke_gray, shape.stroke_gray},
                       shape.line_width * scale);
    canvas.drawPath(placed, fill, stroke);
  }
}

}  // namespace securebase::handout
