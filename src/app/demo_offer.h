// At the first start on an empty database, the counselor may fill it with sample families to
// try the program (the same generator as `securebase-cli demo`).
#pragma once

class wxWindow;

namespace securebase::app {

class Session;

// Asks, and on yes adds the demo families with a progress dialog. True when families were added.
bool offerDemoFamilies(wxWindow* parent, Session& session);

}  // namespace securebase::app
