// The parent's copy of the progress report: strengths first, in the form's own parent texts
// (the same words the handouts use), for the household to keep. It must never carry a score,
// a percentage, a wellbeing item, a concern flag, a referral or a counselor note.
#include <algorithm>
#include <set>

#include "report_parts.h"
#include "securebase/forms/personalize.h"

namespace securebase::report::parts {
namespace {

constexpr std::size_t kMostStrengths = 6;
constexpr std::size_t kMostToTry = 3;

struct ParentLines {
  std::vector<std::string> doing_well;
  std::vector<std::string> growing;
  std::vector<std::string> to_try;
};

// Picks, over every pair, the public items with parent texts: top-level ratings are what the
// parent does well (those that rose first), other rises are what is growing, and the lowest or
// falling ones give at most three things to try. Text is deduplicated across pairs.
ParentLines parentLines(const ReportInput& input, const Trends& trends, model::Language language) {
  struct Pick {
    const ItemTrend* item;
    const model::Child* child;
  };
  std::vector<Pick> well, growing, to_try;
  for (const auto& pair : trends.pairs) {
    const auto* child = findChild(input.record, pair.child_id);
    for (const auto& item : pair.items) {
      if (item.is_private || !item.has_parent_texts || !item.latest_rated) continue;
      if (item.latest_rated->fraction >= 1.0 && item.direction != Direction::down)
        well.push_back({&item, child});
      else if (item.direction == Direction::up)
        growing.push_back({&item, child});
      else if (isGrowthArea(item) && !item.try_text.empty())
        to_try.push_back({&item, child});
    }
  }
  std::stable_sort(well.begin(), well.end(), [](const Pick& a, const Pick& b) {
    return a.item->direction == Direction::up && b.item->direction != Direction::up;
  });
  std::stable_sort(to_try.begin(), to_try.end(), [](const Pick& a, const Pick& b) {
    return a.item->latest_rated->fraction < b.item->latest_rated->fraction;
  });
  std::set<std::string> used;
  auto fill = [&](const std::vector<Pick>& picks, bool use_try, std::size_t most,
                  std::vector<std::string>& out) {
    for (const auto& pick : picks) {
      if (out.size() >= most) break;
      const std::string name = pick.child ? pick.child->name : "";
      const model::Sex sex = pick.child ? pick.child->sex : model::Sex::unknown;
      std::string line = forms::personalize(use_try ? pick.item->try_text : pick.item->strength,
                                            language, name, sex);
      if (used.insert(line).second) out.push_back(std::move(line));
    }
  };
  ParentLines lines;
  fill(well, false, kMostStrengths, lines.doing_well);
  fill(growing, false, kMostStrengths, lines.growing);
  fill(to_try, true, kMostToTry, lines.to_try);
  return lines;
}

std::string childNames(const store::FamilyRecord& record, model::Language language) {
  std::string names;
  for (std::size_t i = 0; i < record.children.size(); ++i) {
    if (i > 0)
      names += i + 1 == record.children.size() ? (language == model::Language::es ? " y " : " and ")
                                               : ", ";
    names += record.children[i].name;
  }
  return names;
}

void addParentHeader(pdf::Document& doc, const ReportInput& input, const Trends& trends,
                     const ReportText& text, const ReportOptions& options) {
  const auto& r = input.record;
  doc.blocks.push_back(pdf::Heading{text.get("title_parent"), 1});
  const std::string children = childNames(r, text.language());
  doc.blocks.push_back(pdf::Paragraph{text.format("parent_intro", {{"child", children}}), ""});
  pdf::KeyValueList kv;
  kv.key_fraction = 0.26;
  kv.rows.push_back({text.get("family"), r.family.display_name});
  const Date on = ageDate(options);
  for (const auto& child : r.children) {
    std::string line = child.name;
    const std::string age = ageText(child, on, text, "parent_age", "parent_age_corrected");
    if (!age.empty()) line += ", " + age;
    kv.rows.push_back({text.get("parent_baby"), line});
  }
  if (!input.counselor_name.empty())
    kv.rows.push_back({text.get("parent_visitor"), input.counselor_name});
  const auto shown = shownPeriod(trends);
  if (shown.from && shown.to)
    kv.rows.push_back(
        {text.get("parent_time"), text.format("period_value", {{"from", text.longDate(*shown.from)},
                                                               {"to", text.longDate(*shown.to)}})});
  doc.blocks.push_back(std::move(kv));
}

void addParentGoals(pdf::Document& doc, const Trends& trends, const ReportText& text) {
  if (trends.goals.empty()) return;
  doc.blocks.push_back(pdf::Heading{text.get("parent_goals"), 2});
  std::vector<std::string> lines;
  // Goals reached come first: the report opens and closes on what went well.
  for (auto status :
       {model::GoalStatus::achieved, model::GoalStatus::open, model::GoalStatus::dropped})
    for (const auto& g : trends.goals)
      if (g.status == status)
        lines.push_back(text.format(
            "parent_goal_line",
            {{"goal", g.text},
             {"status", text.get("parent_goal_" + std::string(model::toString(status)))}}));
  doc.blocks.push_back(pdf::BulletList{lines});
}

}  // namespace

void addParentBody(pdf::Document& doc, const ReportInput& input, const Trends& trends,
                   const ReportText& text, const ReportOptions& options) {
  addParentHeader(doc, input, trends, text, options);
  if (const auto none = noVisitsSentence(trends, text, true); !none.empty()) {
    doc.blocks.push_back(pdf::Paragraph{none, ""});
  } else {
    const auto shown = shownPeriod(trends);
    const int met = trends.counts.completed;
    if (met == 1)
      doc.blocks.push_back(pdf::Paragraph{
          text.format("parent_met_once", {{"date", text.longDate(trends.completedVisit(0).date)}}),
          ""});
    else if (met > 1)
      doc.blocks.push_back(
          pdf::Paragraph{text.format("parent_met", {{"count", std::to_string(met)},
                                                    {"from", text.longDate(*shown.from)},
                                                    {"to", text.longDate(*shown.to)}}),
                         ""});
    const auto lines = parentLines(input, trends, text.language());
    doc.blocks.push_back(pdf::Heading{text.get("parent_doing_well"), 2});
    if (lines.doing_well.empty() && lines.growing.empty())
      doc.blocks.push_back(pdf::Paragraph{text.get("parent_no_strengths_yet"), ""});
    else if (!lines.doing_well.empty())
      doc.blocks.push_back(pdf::BulletList{lines.doing_well});
    if (!lines.growing.empty()) {
      doc.blocks.push_back(pdf::Heading{text.get("parent_growing"), 2});
      doc.blocks.push_back(pdf::Paragraph{text.get("parent_growing_intro"), ""});
      doc.blocks.push_back(pdf::BulletList{lines.growing});
    }
    if (!lines.to_try.empty()) {
      doc.blocks.push_back(pdf::Heading{text.get("parent_keep_trying"), 2});
      doc.blocks.push_back(pdf::BulletList{lines.to_try});
    }
  }
  addParentGoals(doc, trends, text);
  doc.blocks.push_back(pdf::TipBox{text.get("parent_thanks"), {text.get("parent_closing")}, {}});
  if (!input.counselor_name.empty())
    doc.blocks.push_back(pdf::Paragraph{input.counselor_name + ", " + text.longDate(options.today),
                                        text.get("parent_signature") + ":"});
}

}  // namespace securebase::report::parts
