#include "securebase/model/enums.h"

#include <array>
#include <utility>

namespace securebase::model {
namespace {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Language, 2> kLanguages{{{Language::en, "en"}, {Language::es, "es"}}};
constexpr Names<Sex, 3> kSexes{
    {{Sex::female, "female"}, {Sex::male, "male"}, {Sex::unknown, "unknown"}}};
constexpr Names<FamilyStatus, 2> kFamilyStatuses{
    {{FamilyStatus::active, "active"}, {FamilyStatus::closed, "closed"}}};
constexpr Names<VisitOutcome, 3> kOutcomes{{{VisitOutcome::completed, "completed"},
                                            {VisitOutcome::missed, "missed"},
                                            {VisitOutcome::cancelled, "cancelled"}}};
constexpr Names<VisitStatus, 2> kVisitStatuses{
    {{VisitStatus::draft, "draft"}, {VisitStatus::signed_off, "signed"}}};
constexpr Names<GoalStatus, 3> kGoalStatuses{{{GoalStatus::open, "open"},
                                              {GoalStatus::achieved, "achieved"},
                                              {GoalStatus::dropped, "dropped"}}};
constexpr Names<ReferralStatus, 3> kReferralStatuses{{{ReferralStatus::open, "open"},
                                                      {ReferralStatus::completed, "completed"},
                                                      {ReferralStatus::declined, "declined"}}};
constexpr Names<ReferralKind, 2> kReferralKinds{
    {{ReferralKind::referral, "referral"}, {ReferralKind::no_referral, "no_referral"}}};

template <typename E, std::size_t N>
std::string_view nameOf(const Names<E, N>& names, E value) {
  for (const auto& [v, name] : names)
    if (v == value) return name;
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const Names<E, N>& names, std::string_view text) {
  for (const auto& [v, name] : names)
    if (name == text) return v;
  return std::nullopt;
}

}  // namespace

std::string_view toString(Language v) {
  return nameOf(kLanguages, v);
}
std::string_view toString(Sex v) {
  return nameOf(kSexes, v);
}
std::string_view toString(FamilyStatus v) {
  return nameOf(kFamilyStatuses, v);
}
std::string_view toString(VisitOutcome v) {
  return nameOf(kOutcomes, v);
}
std::string_view toString(VisitStatus v) {
  return nameOf(kVisitStatuses, v);
}
std::string_view toString(GoalStatus v) {
  return nameOf(kGoalStatuses, v);
}
std::string_view toString(ReferralStatus v) {
  return nameOf(kReferralStatuses, v);
}
std::string_view toString(ReferralKind v) {
  return nameOf(kReferralKinds, v);
}

std::optional<Language> parseLanguage(std::string_view t) {
  return valueOf(kLanguages, t);
}
std::optional<Sex> parseSex(std::string_view t) {
  return valueOf(kSexes, t);
}
std::optional<FamilyStatus> parseFamilyStatus(std::string_view t) {
  return valueOf(kFamilyStatuses, t);
}
std::optional<VisitOutcome> parseVisitOutcome(std::string_view t) {
  return valueOf(kOutcomes, t);
}
std::optional<VisitStatus> parseVisitStatus(std::string_view t) {
  return valueOf(kVisitStatuses, t);
}
std::optional<GoalStatus> parseGoalStatus(std::string_view t) {
  return valueOf(kGoalStatuses, t);
}
std::optional<ReferralStatus> parseReferralStatus(std::string_view t) {
  return valueOf(kReferralStatuses, t);
}
std::optional<ReferralKind> parseReferralKind(std::string_view t) {
  return valueOf(kReferralKinds, t);
}

}  // namespace securebase::model
