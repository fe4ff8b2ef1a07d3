#include "securebase/service/counselor.h"

#include <pwd.h>
#include <unistd.h>

#include "securebase/core/error.h"
#include "securebase/service/caseload_filter.h"
#include "securebase/store/settings.h"

namespace securebase::service {

model::Counselor findCounselor(store::Store& store, const std::string& wanted) {
  const auto all = store.counselors();
  const std::string folded = foldForSearch(wanted);
  std::vector<const model::Counselor*> partial;
  for (const auto& c : all) {
    const std::string name = foldForSearch(c.name);
    if (name == folded) return c;
    if (containsEveryWord(name, wanted)) partial.push_back(&c);
  }
  if (partial.size() == 1 && !folded.empty()) return *partial.front();
  std::string names;
  for (const auto* c : partial) names += (names.empty() ? "" : ", ") + c->name;
  if (partial.size() > 1)
    throwNotFound(
        errorText("\"{1}\" could be several counselors ({2}); give the full name", wanted, names));
  throwNotFound(errorText(
      "no counselor named \"{1}\"; add one first (securebase-cli counselor add --name NAME)",
      wanted));
}

std::string workingCounselorName(store::Store& store, const std::string& wanted) {
  if (!wanted.empty()) return findCounselor(store, wanted).name;
  return store.setting(std::string(store::setting::counselor_name)).value_or("");
}

std::string systemLogin() {
  const passwd* pw = getpwuid(geteuid());
  return pw != nullptr ? pw->pw_name : "unknown";
}

}  // namespace securebase::service
