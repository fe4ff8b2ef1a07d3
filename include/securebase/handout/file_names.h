// The names of the document files SecureBase proposes (the window's save dialogs) and writes
// (`securebase-cli handout --out-dir`, File › Handouts for Every Active Family…). Print queues,
// recent-file lists and shared folders show file names, so by default a name says what the
// document is, whose number and which day — "handout-12-2026-12-06.pdf" — and not the family's
// name. The device setting files.family_names (store/settings.h) lets this computer add it:
// "handout-12-2026-12-06-garcia-nunez.pdf".
#pragma once

#include <string>
#include <string_view>

#include "securebase/model/date.h"
#include "securebase/model/entities.h"

namespace securebase::store {
class Store;
}

namespace securebase::handout {

enum class FamilyNames { left_out, included };

// files.family_names of `store`: included only when set to yes.
FamilyNames familyNamesSetting(store::Store& store);

// "<kind>-<family number>-<YYYY-MM-DD>[-<name>][-<variant>].pdf": `kind` and `variant` are
// plain lower-case words ("report", "parent"); <name> is the family's name in lower-case ASCII
// without "family" ("Familia García Núñez" → "garcia-nunez"), only when included.
std::string documentFileName(std::string_view kind, const model::Family& family, model::Date day,
                             FamilyNames names, std::string_view variant = {});

// The general handout, which has no family: "handout-<en|es>-<YYYY-MM-DD>.pdf", with the baby's
// name typed for it ("Lucía" → "-lucia") only when names are included.
std::string generalHandoutFileName(model::Language language, const std::string& child_name,
                                   model::Date day, FamilyNames names);

}  // namespace securebase::handout
