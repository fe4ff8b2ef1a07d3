// Answers recorded against a form's items. Three states never blur (DESIGN §5): no
// Observation (or one holding only a note) is *unanswered*; Observation::not_observed means the
// situation did not arise; anything else is an answer — including the lowest rating.
#pragma once

#include <string>
#include <vector>

#include "securebase/forms/form.h"
#include "securebase/model/entities.h"

namespace securebase::forms {

enum class AnswerState { unanswered, not_observed, answered };

AnswerState answerState(const model::ObservationSet& set, const Item& item);

// Throws FormError (bad_input) naming the item when `observation` is not a valid answer to it:
// a rating must be a level of the item's scale, yesno "yes"/"no", choices known option ids
// (multiple choice joined by ','), a number must parse and lie within bounds, text and notes
// must be valid UTF-8 without control characters; focus needs an item with a "try" text.
// An empty value with a note only is allowed (the item stays unanswered).
void validateObservation(const Item& item, const model::Observation& observation);

// Validates every observation of the set against the form; unknown item ids are refused.
void validateObservationSet(const Form& form, const model::ObservationSet& set);

// Items answered or marked not observed, counted over the whole form.
std::size_t answeredCount(const Form& form, const model::ObservationSet& set);
// Ids of the items still unanswered, in form order (for the "sign anyway?" warning).
std::vector<std::string> unansweredItems(const Form& form, const model::ObservationSet& set);

// True when any concern item (e.g. the wellbeing concern, leading to H1) is answered "yes".
bool concernFlagged(const Form& form, const model::ObservationSet& set);

}  // namespace securebase::forms
