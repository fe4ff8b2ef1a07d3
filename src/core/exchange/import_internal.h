// Steps of import shared between its files (see securebase/exchange/import.h). Each works on
// the head of the document (settings, counselors, forms) or on one family at a time, so a file
// of any size is read in pieces (export_reader.cpp) instead of held whole.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "securebase/exchange/exchange_data.h"
#include "securebase/exchange/import.h"
#include "securebase/forms/form.h"

namespace securebase::exchange::detail {

// Step 1, the shape (import_parse.cpp): Error(bad_input) "<source>: <json path>: <problem>".
class ShapeReader {
 public:
  explicit ShapeReader(const std::string& source);
  ~ShapeReader();
  ShapeReader(const ShapeReader&) = delete;
  ShapeReader& operator=(const ShapeReader&) = delete;

  // The root object with everything but the families (their array may be left empty).
  ExchangeData document(const boost::json::value& root);
  FamilyData family(const std::string& path, const boost::json::value& value);

 private:
  class Parser;
  std::string source_;
  std::unique_ptr<Parser> parser_;
};

// Step 2, consistency within the file (import_check.cpp), before sorting so paths name the
// file's positions: unique uuids, references between records of the file, signatures,
// amendment links, form snapshots that match their fingerprint, and answers valid against the
// file's forms.
//
// Fed the head, then each family once, in the file's order: a family is checked against the
// ones before it, and a reference to a later one is settled when that one comes. Problems are
// kept, and finish() tells the one a check of the whole parsed file would have told first: the
// head's, then a repeated uuid, then the earliest family's. Error(bad_input)
// "<source>: <json path>: <problem>".
class ConsistencyCheck {
 public:
  explicit ConsistencyCheck(const std::string& source) : source_(source) {}

  void head(const ExchangeData& head);
  void family(const FamilyData& family, std::size_t position);
  void finish() const;

 private:
  // What the checks of other records need to know of a visit of the file.
  struct VisitFacts {
    std::uint32_t family = 0;
    bool is_signed = false;
    std::optional<std::string> amends_uuid;
    std::optional<std::string> superseded_by_uuid;
  };
  // A reference to a uuid no family before held: wrong if a later family holds it.
  struct Pending {
    std::uint32_t family = 0;
    std::string path;
    const char* what = "";
  };
  using PendingReferences = std::unordered_map<std::string, Pending>;  // by uuid

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const;
  void indexFailure(const std::string& path, const std::string& problem);
  void familyFailure(std::uint32_t family, std::exception_ptr problem);
  // False (the problem kept) when a uuid of the list was seen before.
  template <typename T, typename Seen>
  bool unique(const std::vector<T>& list, const std::string& path, Seen& seen);
  void forms(const ExchangeData& head);
  void index(const FamilyData& family, std::uint32_t position);
  // Notes that a family holds the uuid; a reference to it from another family before is kept
  // as that family's problem.
  void settle(PendingReferences& pending, const std::string& uuid, std::uint32_t family);
  // `owner`: the family holding the uuid, if one before did.
  void sameFamily(std::optional<std::uint32_t> owner, PendingReferences& pending,
                  const std::string& uuid, std::uint32_t family, const std::string& path,
                  const char* what);
  std::optional<std::uint32_t> visitOwner(const std::string& uuid) const;
  const VisitFacts* fileVisit(const std::optional<std::string>& uuid) const;
  void check(const FamilyData& family, std::uint32_t position);
  void noAmendmentLoop(const VisitData& start, const std::string& path) const;
  void visit(std::uint32_t family, const VisitData& v, const std::string& path);

  std::string source_;
  std::exception_ptr head_problem_;
  std::optional<std::string> index_problem_;
  std::exception_ptr family_problem_;
  std::uint32_t family_problem_at_ = 0;
  std::map<std::string, forms::Form> forms_;
  std::unordered_set<std::string> families_, goals_, referrals_;
  std::unordered_map<std::string, std::uint32_t> caregivers_, children_;  // uuid → family
  std::unordered_map<std::string, VisitFacts> visits_;
  PendingReferences pending_caregivers_, pending_children_, pending_visits_;
};

// Step 3, the plan (import_plan.cpp): the file's head is compared with the target's when
// constructed (plan.file holds the head), then each family with the target's families given.
// Counts and conflicts go to `plan`; what a family adds is returned.
class Planner {
 public:
  // `target` supplies counselors, forms and settings, and may hold all of the target's
  // families; it must outlive the planner.
  Planner(ImportPlan& plan, const ExchangeData& target);
  ~Planner();
  Planner(const Planner&) = delete;
  Planner& operator=(const Planner&) = delete;

  // Compare the next families with these (the ones that hold any of their uuids) instead.
  void useTargetFamilies(std::vector<FamilyData> families);
  FamilyData family(const FamilyData& family);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Step 4, the writing (import_apply.cpp), inside the caller's transaction: Error(bad_input)
// naming the first conflict and their count when there are conflicts and they are not skipped;
// the clinic settings when asked; a plan's counselors and forms; one family's records.
void refuseConflicts(const ImportPlan& plan, const ImportOptions& options);
void writeSettings(store::Store& store, const ImportPlan& plan, const ImportOptions& options);
void writeHead(store::Store& store, const ExchangeData& add);
void writeFamily(store::Store& store, const FamilyData& add);

// Every answer of the visit checked against its form; Error(bad_input) naming `where`.
void checkAnswers(const forms::Form& form, const VisitData& visit, const std::string& where);

}  // namespace securebase::exchange::detail
