// Fills a parent text for one child. Templates may hold:
//   {child}            the child's name ("your baby" / "tu bebé" when no name is given;
//                      capitalised at the start of a sentence)
//   {f:…|m:…|u:…}      agreement with the child's sex, for Spanish: the f text for a girl, m
//                      for a boy, u (a wording that needs no agreement) when the sex is not
//                      recorded. All three are required so every child gets a sensible text;
//                      an alternative may hold {child} but no other marker.
// Anything else in braces is refused when the form loads (checkTemplate), never here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "securebase/forms/form.h"
#include "securebase/model/enums.h"

namespace securebase::forms {

// The problem with a template, or nullopt when it is well formed.
std::optional<std::string> checkTemplate(std::string_view text);

// The one agreement marker syntax, shared by forms and handout texts: `body` is what stands
// between the braces ("f:lista|m:listo|u:en calma"). Returns the alternative for `sex`, or
// nullopt with the reason in `problem` when the marker is malformed (all three are required).
std::optional<std::string_view> agreementFor(std::string_view body, model::Sex sex,
                                             std::string& problem);

// True when `body` has the shape of an agreement marker (a lowercase letter, then ':').
bool looksLikeAgreement(std::string_view body);

std::string personalize(const LocalizedText& text, model::Language language,
                        const std::string& child_name, model::Sex sex);

}  // namespace securebase::forms
