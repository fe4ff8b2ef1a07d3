// The JSON of each exchanged record, in one fixed key order: the export writes it, and import
// compares a file's record with the database's by the same objects, so "same content" means
// exactly "would export the same".
#pragma once

#include <boost/json/value.hpp>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "securebase/exchange/exchange_data.h"
#include "securebase/exchange/export.h"

namespace securebase::exchange::detail {

boost::json::object toJson(const CounselorData& counselor);
boost::json::object toJson(const store::FormSnapshot& form);
boost::json::object toJson(const CaregiverData& caregiver);
boost::json::object toJson(const ChildData& child);
boost::json::object toJson(const model::Observation& observation);
boost::json::object toJson(const VisitData& visit);  // with its observation sets
boost::json::object toJson(const GoalData& goal);
// An ordinary referral has the fields of export version 1; a "no referral made" record adds
// kind, concern_item and recorded_by (version 3).
boost::json::object toJson(const ReferralData& referral);
// Always with those three: the CSV's columns are the same on every row.
boost::json::object referralWithKind(const ReferralData& referral);
// The family's own fields, without its caregivers, children, visits, goals and referrals.
boost::json::object familyFields(const FamilyData& family);
boost::json::object toJson(const FamilyData& family);  // with everything in it
boost::json::object toJson(const ExchangeData& data);  // the whole document, header first
// prettyJson(toJson(data)) without holding the whole document as JSON values at once: the
// families are written one at a time (a large caseload's DOM is several times its text).
std::string documentText(const ExchangeData& data);

// The same text in pieces, as the families come: the head (everything but the families) when
// constructed, each family as given, then the closing brackets (no final newline). Export
// streams a database through it one family at a time.
class DocumentWriter {
 public:
  using Sink = std::function<void(std::string_view)>;
  DocumentWriter(const ExchangeData& header, Sink sink);
  void family(const FamilyData& family);
  void finish();

 private:
  Sink sink_;
  std::size_t families_ = 0;
};

// What an export holds, in its order (export.h): the head — deidentified when asked — then
// each family, read from the store one at a time.
void readForExport(store::Store& store, const ExportOptions& options,
                   const std::function<void(const ExchangeData& header)>& head,
                   const std::function<void(const FamilyData& family)>& each);

// Two-space indented JSON; an object or array holding only plain values stays on one line
// (one observation, one caregiver per line), so files diff well and stay compact.
std::string prettyJson(const boost::json::value& value);

}  // namespace securebase::exchange::detail
