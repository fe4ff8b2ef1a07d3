#include "idle_watch.h"

#include <wx/event.h>

namespace securebase::app {

IdleWatch::IdleWatch(std::function<void()> on_idle) : on_idle_(std::move(on_idle)) {
  wxEvtHandler::AddFilter(this);
  ticker_.Start(1000);
}

IdleWatch::~IdleWatch() {
  ticker_.Stop();
  wxEvtHandler::RemoveFilter(this);
}

void IdleWatch::setLimit(std::chrono::seconds limit) {
  limit_ = limit;
  last_input_ = Clock::now();
}

void IdleWatch::setActive(bool active) {
  active_ = active;
  last_input_ = Clock::now();
}

int IdleWatch::FilterEvent(wxEvent& event) {
  const wxEventType type = event.GetEventType();
  if (type == wxEVT_KEY_DOWN || type == wxEVT_MOTION || type == wxEVT_LEFT_DOWN ||
      type == wxEVT_RIGHT_DOWN || type == wxEVT_MIDDLE_DOWN || type == wxEVT_MOUSEWHEEL)
    last_input_ = Clock::now();
  return Event_Skip;
}

void IdleWatch::check() {
  if (!active_ || limit_.count() == 0 || Clock::now() - last_input_ < limit_) return;
  active_ = false;  // once; the lock turns it back on when unlocked
  on_idle_();
}

}  // namespace securebase::app
