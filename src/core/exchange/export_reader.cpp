// Reading an export in pieces (securebase/exchange/export_reader.h): the passes over the file
// and where each family lies in it.
#include "securebase/exchange/export_reader.h"

#include <algorithm>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>

#include "import_internal.h"
#include "securebase/json/byte_source.h"
#include "securebase/json/document_scanner.h"
#include "securebase/json/strict_parse.h"

namespace securebase::exchange {

struct ExportReader::Impl {
  // Where one family's text lies in the file.
  struct Place {
    std::string uuid;
    std::size_t begin = 0;
    std::size_t end = 0;
  };

  std::unique_ptr<securebase::json::ByteSource> bytes;
  std::string source;
  ExchangeData header;
  std::vector<Place> places;  // after check(): by uuid

  // Read, parsed and shaped on its own; the JSON values live only as long as this call.
  FamilyData family(detail::ShapeReader& shape, std::size_t position) const {
    const Place& place = places[position];
    const std::string text = securebase::json::readRange(*bytes, place.begin, place.end);
    boost::json::monotonic_resource memory;
    const boost::json::value value = boost::json::parse(text, &memory);
    return shape.family("$.families[" + std::to_string(position) + "]", value);
  }

  // The root's members, with the families array left empty and its elements' places noted.
  ExchangeData head(detail::ShapeReader& shape) {
    boost::json::object root;
    const bool is_object = securebase::json::scanDocument(
        *bytes, {.stream = [](const std::string& key) { return key == "families"; },
                 .member = [&](const std::string& key,
                               std::string_view value) { root[key] = boost::json::parse(value); },
                 .element =
                     [&](const std::string&, std::size_t, std::string_view, std::size_t begin,
                         std::size_t end) {
                       places.push_back({"", begin, end});
                     }});
    if (is_object) return shape.document(root);
    // Not an export at all; the shape check says what is wrong with its root.
    return shape.document(
        boost::json::parse(securebase::json::readRange(*bytes, 0, bytes->size())));
  }
};

ExportReader::ExportReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ExportReader::ExportReader(ExportReader&&) noexcept = default;
ExportReader& ExportReader::operator=(ExportReader&&) noexcept = default;
ExportReader::~ExportReader() = default;

ExportReader ExportReader::ofText(std::string_view text, const std::string& source) {
  auto impl = std::make_unique<Impl>();
  impl->bytes = std::make_unique<securebase::json::TextSource>(text);
  impl->source = source;
  return ExportReader(std::move(impl));
}

ExportReader ExportReader::ofFile(const std::filesystem::path& file, const std::string& source) {
  auto impl = std::make_unique<Impl>();
  impl->bytes = std::make_unique<securebase::json::FileSource>(file);
  impl->source = source;
  return ExportReader(std::move(impl));
}

void ExportReader::check() {
  Impl& r = *impl_;
  securebase::json::checkStrict(*r.bytes, r.source, "the export");
  detail::ShapeReader shape(r.source);
  r.header = r.head(shape);
  // One pass over the families: a problem of shape is told at once (a whole-file check finds
  // those first); the consistency check keeps its problems until every shape is known good.
  detail::ConsistencyCheck consistency(r.source);
  consistency.head(r.header);
  for (std::size_t i = 0; i < r.places.size(); ++i) {
    const FamilyData family = r.family(shape, i);
    r.places[i].uuid = family.uuid;
    consistency.family(family, i);
  }
  consistency.finish();
  std::sort(r.places.begin(), r.places.end(),
            [](const Impl::Place& a, const Impl::Place& b) { return a.uuid < b.uuid; });
  sortCanonically(r.header);
}

const ExchangeData& ExportReader::header() const {
  return impl_->header;
}

std::size_t ExportReader::familyCount() const {
  return impl_->places.size();
}

void ExportReader::forEachFamily(const std::function<void(FamilyData&&)>& visit) const {
  detail::ShapeReader shape(impl_->source);
  for (std::size_t i = 0; i < impl_->places.size(); ++i) {
    FamilyData family = impl_->family(shape, i);
    sortFamily(family);
    visit(std::move(family));
  }
}

}  // namespace securebase::exchange
