#include "store_fixture.h"

#include "securebase/core/error.h"
#include "securebase/core/sha256.h"

namespace securebase::testing {

store::FormSnapshot testFormSnapshot(int version, const std::string& json) {
  return {"test-form", version, sha256Hex(json), json};
}

SmallFamily addSmallFamily(store::Store& store, const std::string& name) {
  SmallFamily f;
  model::Family family;
  family.display_name = name;
  family.created_on = {2024, 1, 1};
  f.family = store.addFamily(family);
  f.caregiver = store.addCaregiver({0, "", f.family, "Ana", "mother"});
  model::Child child;
  child.family_id = f.family;
  child.name = "Sofía";
  child.birth_date = {2024, 3, 1};
  child.sex = model::Sex::female;
  f.child = store.addChild(child);
  return f;
}

model::Visit makeVisit(const SmallFamily& family, const std::string& date,
                       std::initializer_list<int> ratings) {
  model::Visit v;
  v.family_id = family.family;
  v.date = *model::Date::parse(date);
  v.form_id = "test-form";
  v.form_version = 1;
  model::ObservationSet set;
  set.caregiver_id = family.caregiver;
  set.child_id = family.child;
  int n = 1;
  for (int r : ratings)
    set.observations.push_back({"i" + std::to_string(n++), false, std::to_string(r), "", false});
  v.sets.push_back(set);
  return v;
}

long long countRows(store::Database& db, const std::string& table) {
  auto s = db.prepare("SELECT count(*) FROM " + table);
  s.step();
  return s.integer(0);
}

std::string dumpContent(store::Database& db) {
  std::string out;
  auto tables = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
      "ORDER BY name");
  while (tables.step()) {
    const std::string table = tables.text(0);
    out += "[" + table + "]\n";
    auto rows = db.prepare("SELECT * FROM " + table + " ORDER BY 1, 2");
    while (rows.step()) {
      for (int c = 0; c < rows.columnCount(); ++c) out += rows.text(c) + "|";
      out += "\n";
    }
  }
  return out;
}

std::string dumpContent(const std::filesystem::path& file, const std::string& key) {
  store::Database db(file, {.key = key, .create_if_missing = false});
  return dumpContent(db);
}

std::string errorMessageOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace securebase::testing
