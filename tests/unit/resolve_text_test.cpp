#include "securebase/handout/resolve_text.h"

#include <gtest/gtest.h>

#include "securebase/core/error.h"

using securebase::Error;
using securebase::ErrorKind;
using securebase::handout::resolveText;
using securebase::model::Sex;

namespace {

const std::string kEnglish = "Comfort {child|your baby}: hold them close.";
const std::string kSpanish =
    "Cuando {child|tu bebé} esté {f:tranquila y despierta|m:tranquilo y despierto|u:en calma y "
    "alerta}, juega.";

std::string errorOf(const std::string& text, const std::optional<std::string>& name) {
  try {
    resolveText(text, name, Sex::unknown);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::bad_input);
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(ResolveText, EnglishUsesTheNameOrTheFallback) {
  EXPECT_EQ(resolveText(kEnglish, std::string("Amara"), Sex::female),
            "Comfort Amara: hold them close.");
  EXPECT_EQ(resolveText(kEnglish, std::string("Amara"), Sex::unknown),
            "Comfort Amara: hold them close.");
  EXPECT_EQ(resolveText(kEnglish, std::nullopt, Sex::male), "Comfort your baby: hold them close.");
}

TEST(ResolveText, EmptyNameCountsAsNoName) {
  EXPECT_EQ(resolveText(kEnglish, std::string(), Sex::unknown),
            "Comfort your baby: hold them close.");
}

TEST(ResolveText, SpanishAgreesWithAGirl) {
  EXPECT_EQ(resolveText(kSpanish, std::string("Sofía"), Sex::female),
            "Cuando Sofía esté tranquila y despierta, juega.");
  EXPECT_EQ(resolveText(kSpanish, std::nullopt, Sex::female),
            "Cuando tu bebé esté tranquila y despierta, juega.");
}

TEST(ResolveText, SpanishAgreesWithABoy) {
  EXPECT_EQ(resolveText(kSpanish, std::string("Mateo"), Sex::male),
            "Cuando Mateo esté tranquilo y despierto, juega.");
  EXPECT_EQ(resolveText(kSpanish, std::nullopt, Sex::male),
            "Cuando tu bebé esté tranquilo y despierto, juega.");
}

// Not recorded: a wording that needs no agreement, never the generic masculine or "o/a".
TEST(ResolveText, SpanishNeedsNoAgreementWhenSexIsUnknown) {
  EXPECT_EQ(resolveText(kSpanish, std::nullopt, Sex::unknown),
            "Cuando tu bebé esté en calma y alerta, juega.");
  EXPECT_EQ(resolveText(kSpanish, std::string("Alex"), Sex::unknown),
            "Cuando Alex esté en calma y alerta, juega.");
}

TEST(ResolveText, BareChildUsesTheName) {
  EXPECT_EQ(resolveText("You went to {child} every time {child} cried.", std::string("Noor"),
                        Sex::unknown),
            "You went to Noor every time Noor cried.");
}

TEST(ResolveText, BareChildWithoutANameIsRefused) {
  EXPECT_EQ(errorOf("You went to {child}.", std::nullopt),
            "text uses {child} without a fallback and no baby name was given: write "
            "{child|your baby}");
}

TEST(ResolveText, NamesAreInsertedVerbatim) {
  EXPECT_EQ(resolveText("Hi {child|you}.", std::string("{f:a|m:b|u:c} Zoë-Łucja"), Sex::female),
            "Hi {f:a|m:b|u:c} Zoë-Łucja.");
}

TEST(ResolveText, LeavesOtherPlaceholdersForLaterLayers) {
  EXPECT_EQ(resolveText("Page {page} of {pages}", std::nullopt, Sex::unknown),
            "Page {page} of {pages}");
  EXPECT_EQ(resolveText("Printed on {date}", std::string("Ana"), Sex::female), "Printed on {date}");
}

TEST(ResolveText, RefusesMalformedMarkers) {
  EXPECT_EQ(errorOf("Espera a que esté {m:listo|f:lista}.", std::nullopt),
            "agreement marker {m:listo|f:lista} lacks the u: alternative, like "
            "{f:lista|m:listo|u:con ganas}");
  EXPECT_EQ(errorOf("Comfort {child|your baby: hold them.", std::nullopt),
            "marker starting \"{child|your baby: ho\" is not closed with }");
  EXPECT_EQ(errorOf("Comfort {child|{f:a|m:b|u:c}}.", std::nullopt),
            "marker starting \"{child|{f:a|m:b|u:c}\" is not closed with }");
}
