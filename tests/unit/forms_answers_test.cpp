#include <gtest/gtest.h>

#include "forms_fixture.h"
#include "securebase/forms/answers.h"
#include "securebase/forms/form_error.h"

namespace {

using namespace securebase::forms;
using securebase::model::Observation;
using securebase::model::ObservationSet;
using securebase::testing::answer;
using securebase::testing::miniForm;
using securebase::testing::notObserved;
using securebase::testing::rated;

std::string refusal(const Form& form, const Observation& observation) {
  try {
    validateObservation(*form.item(observation.item_id), observation);
  } catch (const FormError& error) {
    EXPECT_EQ(error.kind(), securebase::ErrorKind::bad_input);
    return error.what();
  }
  return "";
}

TEST(ValidateObservation, AcceptsEveryKindOfValidAnswer) {
  const Form form = miniForm();
  for (const auto& ok :
       {rated("a1", 0), rated("a1", 2), rated("b1", 5), notObserved("a1"), answer("a4", "yes"),
        answer("a4", "no"), answer("b3", "x,z"), answer("b3", "y"), answer("b4", "7.5"),
        answer("b4", "0"), answer("b5", "Grandma helps on Tuesdays.\nDad works nights."),
        answer("b6", "y"), rated("a1", 1, true), answer("a1", "")})
    EXPECT_EQ(refusal(form, ok), "") << ok.item_id << " " << ok.value;
}

TEST(ValidateObservation, RefusesWithAMessageNamingTheItem) {
  const Form form = miniForm();
  auto text_with_bell = answer("b5", "ring\a");
  auto not_observed_with_value = notObserved("a1");
  not_observed_with_value.value = "1";
  auto bad_note = rated("a1", 1);
  bad_note.note = "caf\xE9";
  const std::vector<std::pair<Observation, std::string>> cases{
      {rated("a1", 3), "item \"a1\": \"3\" is not a level of the scale \"seen\" (0 to 2)"},
      {rated("b1", 0), "item \"b1\": \"0\" is not a level of the scale \"five\" (1 to 5)"},
      {answer("a1", "two"), "item \"a1\": \"two\" is not a level of the scale \"seen\" (0 to 2)"},
      {answer("a4", "Yes"), "item \"a4\": the answer must be \"yes\" or \"no\", not \"Yes\""},
      {answer("b3", "x,w"), "item \"b3\": \"w\" is not one of its options"},
      {answer("b3", "x,x"), "item \"b3\": option \"x\" is picked twice"},
      {answer("b6", "x,y"), "item \"b6\": only one option can be picked"},
      {answer("b4", "7,5"),
       "item \"b4\": \"7,5\" is not a number (write digits, with '.' for decimals)"},
      {answer("b4", "25"), "item \"b4\": 25 is above the highest allowed value, 24"},
      {answer("b4", "-1"), "item \"b4\": -1 is below the lowest allowed value, 0"},
      {text_with_bell, "item \"b5\": the answer contains a control character"},
      {bad_note, "item \"a1\": the note is not valid UTF-8 text"},
      {not_observed_with_value,
       "item \"a1\": an answer marked \"not observed\" cannot also hold a value"},
      {rated("w1", 1, true), "item \"w1\": it has no suggestion to pick for \"things to try\""},
  };
  for (const auto& [observation, message] : cases) EXPECT_EQ(refusal(form, observation), message);
}

TEST(ValidateObservation, RefusesAnAnswerFiledUnderAnotherItem) {
  const Form form = miniForm();
  EXPECT_EQ(
      [&] {
        try {
          validateObservation(*form.item("a2"), rated("a1", 1));
        } catch (const FormError& error) {
          return std::string(error.what());
        }
        return std::string();
      }(),
      "item \"a2\": the answer is recorded for item \"a1\"");
}

TEST(ValidateObservationSet, RefusesUnknownAndRepeatedItems) {
  const Form form = miniForm();
  ObservationSet set;
  set.observations = {rated("a1", 1), rated("zz", 1)};
  EXPECT_THROW(validateObservationSet(form, set), FormError);
  set.observations = {rated("a1", 1), rated("a1", 2)};
  EXPECT_THROW(validateObservationSet(form, set), FormError);
  set.observations = {rated("a1", 1), answer("w2", "yes"), notObserved("b3")};
  EXPECT_NO_THROW(validateObservationSet(form, set));
}

}  // namespace
