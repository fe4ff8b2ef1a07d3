// Opening a workspace — database, store, form catalog and checks — the one way every front end
// does it.
#include "securebase/service/workspace.h"

#include <gtest/gtest.h>

#include "securebase/core/error.h"
#include "temp_dir.h"
#include "test_key.h"

namespace securebase::testing {
namespace {

TEST(WorkspaceTest, OpensWithTheKeyTheActorTheCatalogAndTheTextCheck) {
  TempDir dir;
  const auto file = dir / "workspace.db";
  auto workspace = service::openWorkspace(
      file, {.database = {.key = kTestKey},
             .counselor = [](store::Store&) { return std::string("Carmen Ruiz"); }});
  EXPECT_TRUE(workspace.database->encrypted());
  EXPECT_EQ(workspace.store->actor(), "Carmen Ruiz");
  EXPECT_NE(workspace.catalog->latest("attachment-practices"), nullptr);
  model::Family family;
  family.display_name = "Nguyen family";
  EXPECT_GT(workspace.store->addFamily(family), 0);
  // Text the handout fonts cannot print is refused before it is stored.
  family.display_name = "\xe6\xbc\xa2\xe5\xad\x97 family";
  EXPECT_THROW(workspace.store->addFamily(family), Error);
  EXPECT_EQ(workspace.store->listFamilies().size(), 1u);
}

TEST(WorkspaceTest, AReadOnlyWorkspaceOfAMissingFileIsRefused) {
  TempDir dir;
  EXPECT_THROW(service::openWorkspace(dir / "missing.db", {.database = {.create_if_missing = false,
                                                                        .read_only = true}}),
               Error);
  EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));
}

}  // namespace
}  // namespace securebase::testing
