#include "exchange_field_names.h"

#include <wx/translation.h>

#include <string_view>

namespace securebase::app {
namespace {

struct FieldName {
  std::string_view key;
  const char* label;  // marked for translation, translated when shown
};

// Every key of record_json.cpp that a record's content can differ in.
constexpr FieldName field_names[] = {
    {"display_name", wxTRANSLATE("name")},
    {"name", wxTRANSLATE("name")},
    {"address", wxTRANSLATE("address")},
    {"phone", wxTRANSLATE("phone")},
    {"email", wxTRANSLATE("e-mail")},
    {"language", wxTRANSLATE("language")},
    {"created_on", wxTRANSLATE("date added")},
    {"visit_frequency_days", wxTRANSLATE("days between visits")},
    {"counselor_uuid", wxTRANSLATE("assigned counselor")},
    {"relationship", wxTRANSLATE("relationship")},
    {"birth_date", wxTRANSLATE("date of birth")},
    {"sex", wxTRANSLATE("sex")},
    {"gestation_weeks", wxTRANSLATE("weeks of pregnancy at birth")},
    {"notes", wxTRANSLATE("notes")},
    {"date", wxTRANSLATE("date")},
    {"place", wxTRANSLATE("place")},
    {"form_id", wxTRANSLATE("form used")},
    {"form_version", wxTRANSLATE("form version")},
    {"version", wxTRANSLATE("version")},
    {"json", wxTRANSLATE("form content")},
    {"status", wxTRANSLATE("status")},
    {"signed_at", wxTRANSLATE("signing time")},
    {"signed_by", wxTRANSLATE("signed by")},
    {"amends_uuid", wxTRANSLATE("amended visit")},
    {"superseded_by_uuid", wxTRANSLATE("amendment")},
    {"amend_reason", wxTRANSLATE("reason for the amendment")},
    {"observation_sets", wxTRANSLATE("ratings and notes")},
    {"present", wxTRANSLATE("who was present")},
    {"next_planned", wxTRANSLATE("next visit planned")},
    {"text", wxTRANSLATE("text")},
    {"reason", wxTRANSLATE("reason")},
    {"to_whom", wxTRANSLATE("referred to")},
    {"outcome", wxTRANSLATE("outcome")},
    {"closing_reason", wxTRANSLATE("reason for closing")},
    {"set_at_visit_uuid", wxTRANSLATE("visit where it was set")},
    {"closed_at_visit_uuid", wxTRANSLATE("visit where it was closed")},
    {"visit_uuid", wxTRANSLATE("visit it came from")},
};

}  // namespace

wxString exchangeFieldName(const std::string& key) {
  for (const auto& field : field_names)
    if (field.key == key) return wxGetTranslation(wxString::FromUTF8(field.label));
  return wxString::FromUTF8(key);
}

}  // namespace securebase::app
