// A small form for tests of answers, scores and handout picks, independent of the wording of
// the shipped instrument.
#pragma once

#include <string>

#include "securebase/forms/form_loader.h"
#include "securebase/model/entities.h"

namespace securebase::testing {

inline const char* kMiniFormJson = R"({
  "id": "mini", "version": 1, "title": {"en": "Mini", "es": "Mini"}, "languages": ["en", "es"],
  "scales": {
    "seen": [{"value": 0, "label": {"en": "Not yet", "es": "Todavía no"}},
             {"value": 1, "label": {"en": "Sometimes", "es": "A veces"}},
             {"value": 2, "label": {"en": "Clearly", "es": "Claramente"}}],
    "five": [{"value": 1, "label": {"en": "1", "es": "1"}}, {"value": 2, "label": {"en": "2", "es": "2"}},
             {"value": 3, "label": {"en": "3", "es": "3"}}, {"value": 4, "label": {"en": "4", "es": "4"}},
             {"value": 5, "label": {"en": "5", "es": "5"}}]
  },
  "sections": [
    {"id": "care", "title": {"en": "Care", "es": "Cuidado"}, "items": [
      {"id": "a1", "guidance": "P1", "kind": "rating", "scale": "seen", "label": {"en": "A1", "es": "A1"},
       "strength": {"en": "Strength a1 for {child}.", "es": "Fortaleza a1 de {child}."},
       "try": {"en": "Try a1 with {child}.", "es": "Prueba a1 con {child}."}},
      {"id": "a2", "guidance": "P2", "kind": "rating", "scale": "seen", "label": {"en": "A2", "es": "A2"},
       "strength": {"en": "Strength a2.", "es": "Fortaleza a2."}, "try": {"en": "Try a2.", "es": "Prueba a2."}},
      {"id": "a3", "guidance": "P3", "kind": "rating", "scale": "seen", "label": {"en": "A3", "es": "A3"},
       "strength": {"en": "Strength a3.", "es": "Fortaleza a3."}, "try": {"en": "Try a3.", "es": "Prueba a3."}},
      {"id": "a4", "guidance": "P4", "kind": "yesno", "label": {"en": "A4", "es": "A4"}}
    ]},
    {"id": "more", "title": {"en": "More", "es": "Más"}, "items": [
      {"id": "b1", "guidance": "P5", "kind": "rating", "scale": "five", "label": {"en": "B1", "es": "B1"},
       "strength": {"en": "Strength b1.", "es": "Fortaleza b1."}, "try": {"en": "Try b1.", "es": "Prueba b1."}},
      {"id": "b2", "guidance": "P6", "kind": "rating", "scale": "seen", "label": {"en": "B2", "es": "B2"},
       "strength": {"en": "Strength b2.", "es": "Fortaleza b2."}, "try": {"en": "Try b2.", "es": "Prueba b2."}},
      {"id": "b3", "guidance": "P7", "kind": "multiple_choice", "label": {"en": "B3", "es": "B3"},
       "options": [{"id": "x", "label": {"en": "X", "es": "X"}}, {"id": "y", "label": {"en": "Y", "es": "Y"}},
                   {"id": "z", "label": {"en": "Z", "es": "Z"}}]},
      {"id": "b4", "guidance": "P8", "kind": "number", "min": 0, "max": 24, "label": {"en": "B4", "es": "B4"}},
      {"id": "b5", "guidance": "P9", "kind": "text", "label": {"en": "B5", "es": "B5"}},
      {"id": "b6", "guidance": "P9", "kind": "single_choice", "label": {"en": "B6", "es": "B6"},
       "options": [{"id": "x", "label": {"en": "X", "es": "X"}}, {"id": "y", "label": {"en": "Y", "es": "Y"}}]}
    ]},
    {"id": "wellbeing", "title": {"en": "Wellbeing", "es": "Bienestar"}, "private": true, "items": [
      {"id": "w1", "guidance": "H1", "kind": "rating", "scale": "seen", "label": {"en": "W1", "es": "W1"}},
      {"id": "w2", "guidance": "H1", "kind": "yesno", "concern": true, "leads_to": "H1",
       "label": {"en": "W2", "es": "W2"}}
    ]}
  ]
})";

inline forms::Form miniForm() {
  return forms::parseForm(kMiniFormJson, "mini.v1.json");
}

inline model::Observation rated(const std::string& item_id, int value, bool focus = false) {
  model::Observation observation;
  observation.item_id = item_id;
  observation.value = std::to_string(value);
  observation.focus = focus;
  return observation;
}

inline model::Observation answer(const std::string& item_id, const std::string& value) {
  model::Observation observation;
  observation.item_id = item_id;
  observation.value = value;
  return observation;
}

inline model::Observation notObserved(const std::string& item_id) {
  model::Observation observation;
  observation.item_id = item_id;
  observation.not_observed = true;
  return observation;
}

}  // namespace securebase::testing
