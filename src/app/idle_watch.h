// Notices when nobody has touched the keyboard or mouse for a while, in any of the program's
// windows (an event filter sees every key and mouse event before the windows do), and then
// calls back once — the main window locks itself. A timer checks every second.
#pragma once

#include <wx/eventfilter.h>
#include <wx/timer.h>

#include <chrono>
#include <functional>

namespace securebase::app {

class IdleWatch : public wxEventFilter {
 public:
  using Clock = std::chrono::steady_clock;
  explicit IdleWatch(std::function<void()> on_idle);
  ~IdleWatch() override;
  IdleWatch(const IdleWatch&) = delete;
  IdleWatch& operator=(const IdleWatch&) = delete;

  // Zero: never. Counting starts again from now.
  void setLimit(std::chrono::seconds limit);
  std::chrono::seconds limit() const { return limit_; }
  // While paused (locked, or a database without a passphrase) nothing is counted.
  void setActive(bool active);
  bool active() const { return active_; }

  int FilterEvent(wxEvent& event) override;

 private:
  void check();

  class Ticker : public wxTimer {
   public:
    explicit Ticker(IdleWatch& watch) : watch_(watch) {}
    void Notify() override { watch_.check(); }

   private:
    IdleWatch& watch_;
  };

  std::function<void()> on_idle_;
  std::chrono::seconds limit_{0};
  bool active_ = false;
  Clock::time_point last_input_ = Clock::now();
  Ticker ticker_{*this};
};

}  // namespace securebase::app
