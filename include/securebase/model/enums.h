// The closed vocabularies of SecureBase records, with the exact words stored in the database
// and written to JSON. parse*() returns nullopt for anything else, so callers can refuse it.
#pragma once

#include <optional>
#include <string_view>

namespace securebase::model {

enum class Language { en, es };
enum class Sex { female, male, unknown };
enum class FamilyStatus { active, closed };
enum class VisitOutcome { completed, missed, cancelled };
enum class VisitStatus { draft, signed_off };  // stored as "draft" / "signed"
enum class GoalStatus { open, achieved, dropped };
enum class ReferralStatus { open, completed, declined };
enum class ReferralKind { referral, no_referral };

std::string_view toString(Language value);
std::string_view toString(Sex value);
std::string_view toString(FamilyStatus value);
std::string_view toString(VisitOutcome value);
std::string_view toString(VisitStatus value);
std::string_view toString(GoalStatus value);
std::string_view toString(ReferralStatus value);
std::string_view toString(ReferralKind value);

std::optional<Language> parseLanguage(std::string_view text);
std::optional<Sex> parseSex(std::string_view text);
std::optional<FamilyStatus> parseFamilyStatus(std::string_view text);
std::optional<VisitOutcome> parseVisitOutcome(std::string_view text);
std::optional<VisitStatus> parseVisitStatus(std::string_view text);
std::optional<GoalStatus> parseGoalStatus(std::string_view text);
std::optional<ReferralStatus> parseReferralStatus(std::string_view text);
std::optional<ReferralKind> parseReferralKind(std::string_view text);

}  // namespace securebase::model
