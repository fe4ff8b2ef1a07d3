// Plausible entries: a visit is never dated before the family joined or before a child it
// observes was born, and text fields keep to their documented limits (names 200 characters,
// notes 20,000), by every path that writes them.
#include <gtest/gtest.h>

#include "securebase/model/text_limits.h"
#include "securebase/store/store.h"
#include "store_fixture.h"

using namespace securebase;
using namespace securebase::testing;

namespace {

class Plausibility : public ::testing::Test {
 protected:
  void SetUp() override { family = addSmallFamily(store); }  // joined 2024-01-01, born 2024-03-01

  TempDir dir;
  store::Database db{dir / "a.db"};
  store::Store store{db, "Counselor Kim"};
  SmallFamily family;
};

}  // namespace

TEST_F(Plausibility, AVisitBeforeTheChildWasBornIsRefused) {
  const std::string before = dumpContent(db);
  EXPECT_EQ(errorMessageOf(
                [&] { store.addVisit(makeVisit(family, "2024-02-10", {1}), testFormSnapshot()); }),
            "visit date 2024-02-10 is before Sofía was born (2024-03-01)");
  EXPECT_EQ(dumpContent(db), before);
}

TEST_F(Plausibility, AVisitBeforeTheFamilyJoinedIsRefused) {
  auto visit = makeVisit(family, "1900-01-01", {});
  visit.sets.clear();
  visit.outcome = model::VisitOutcome::missed;
  EXPECT_EQ(errorMessageOf([&] { store.addVisit(visit, testFormSnapshot()); }),
            "visit date 1900-01-01 is before the family joined the program (2024-01-01)");
}

TEST_F(Plausibility, MovingADraftOrObservingAnUnbornChildIsRefusedToo) {
  const auto id = store.addVisit(makeVisit(family, "2024-05-02", {1}), testFormSnapshot());
  model::Visit moved = store.visit(id);
  moved.date = *model::Date::parse("2024-02-01");
  EXPECT_NE(errorMessageOf([&] { store.updateVisitHeader(moved); }).find("before Sofía was born"),
            std::string::npos);
  model::Child twin;
  twin.family_id = family.family;
  twin.name = "Luz";
  twin.birth_date = *model::Date::parse("2024-06-01");
  const auto later_child = store.addChild(twin);
  EXPECT_NE(errorMessageOf([&] {
              store.addObservationSet(id, family.caregiver, later_child);
            }).find("before Luz was born"),
            std::string::npos);
  EXPECT_EQ(store.visit(id).sets.size(), 1u);
}

TEST_F(Plausibility, AFamilyCannotJoinInTheFuture) {
  model::Family f;
  f.display_name = "Later family";
  f.created_on = model::Date::today().plusDays(3);
  EXPECT_NE(errorMessageOf([&] { store.addFamily(f); }).find("is in the future"),
            std::string::npos);
}

TEST_F(Plausibility, AHundredThousandCharacterNameIsRefusedWithItsLimit) {
  model::Family f;
  f.display_name = std::string(100000, 'a');
  EXPECT_EQ(errorMessageOf([&] { store.addFamily(f); }),
            "family name is too long (100000 characters; at most 200)");
  EXPECT_NE(errorMessageOf([&] {
              store.addCaregiver({0, "", family.family, std::string(201, 'b'), "mother"});
            }).find("caregiver name is too long (201 characters; at most 200)"),
            std::string::npos);
  // Characters, not bytes: 200 two-byte letters are within the limit.
  std::string accented;
  for (int i = 0; i < 200; ++i) accented += "é";
  EXPECT_NO_THROW(store.addCaregiver({0, "", family.family, accented, "mother"}));
  EXPECT_EQ(countRows(db, "caregivers"), 2);
}

TEST_F(Plausibility, NotesTakeTwentyThousandCharacters) {
  auto visit = makeVisit(family, "2024-05-02", {1});
  visit.notes = std::string(model::kNoteLimit + 1, 'n');
  EXPECT_EQ(errorMessageOf([&] { store.addVisit(visit, testFormSnapshot()); }),
            "visit notes is too long (20001 characters; at most 20000)");
  visit.notes.pop_back();
  EXPECT_NO_THROW(store.addVisit(visit, testFormSnapshot()));
}
