// Undo and redo of the answers given in an open draft: each rating, "not observed" or note
// saved becomes a step holding the answer before and after. Undoing saves the "before" answer
// through the editor's one save path (service::saveAnswer), so the database follows; a new
// change after an undo drops the steps that could have been redone, as editors do.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "securebase/model/entities.h"

namespace securebase::app {

struct AnswerStep {
  std::size_t set_index = 0;
  std::size_t row = 0;
  std::optional<model::Observation> before;  // nullopt: unanswered
  std::optional<model::Observation> after;
};

class AnswerHistory {
 public:
  void record(AnswerStep step) {
    redo_.clear();
    undo_.push_back(std::move(step));
  }
  bool canUndo() const { return !undo_.empty(); }
  bool canRedo() const { return !redo_.empty(); }
  // The step to undo (its `before` is what to save), moved to the redo list.
  std::optional<AnswerStep> undo() { return move(undo_, redo_); }
  // The step to redo (its `after` is what to save), moved back to the undo list.
  std::optional<AnswerStep> redo() { return move(redo_, undo_); }

 private:
  static std::optional<AnswerStep> move(std::vector<AnswerStep>& from,
                                        std::vector<AnswerStep>& to) {
    if (from.empty()) return std::nullopt;
    AnswerStep step = std::move(from.back());
    from.pop_back();
    to.push_back(step);
    return step;
  }

  std::vector<AnswerStep> undo_;
  std::vector<AnswerStep> redo_;
};

}  // namespace securebase::app
