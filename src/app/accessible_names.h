// What a screen reader (Orca, through AT-SPI) says for each control. wxWidgets has no
// accessibility API on GTK (wxAccessible is Windows-only), but every GTK widget has an ATK object
// whose name and description Orca reads, so names are set there:
//  - nameAccessibles() walks a window after it is built and names every control from what a
//    sighted user reads beside it: its own label, the text label before it in its sizer (linked
//    to it as its label), its hint, the list, row or notebook page it is part of, its tooltip;
//    and names controls added later the same way.
//  - setAccessibleText() gives a control its own name and description, for custom-drawn parts
//    whose value only shows as colour or lines; the walker never overrides it.
// With NO_AT_BRIDGE=1 (GTK then tells no screen reader: tests, scripts) every call does nothing.
#pragma once

#include <wx/string.h>

class wxWindow;

namespace securebase::app {

// Names every control under `top` (a frame or dialog) now, and again each time controls are
// added to it (checked after their native widgets appear). Calling it again on the same
// window is harmless.
void nameAccessibles(wxWindow& top);

// From now on, every modal dialog is named by nameAccessibles() as it opens. Call at start-up,
// before the first dialog.
void nameDialogsAsTheyOpen();

// The name and description a screen reader gives `window`, kept until set again.
void setAccessibleText(wxWindow& window, const wxString& name,
                       const wxString& description = wxString());

// What a screen reader reads for `window` now (tests; empty without an accessibility bus).
wxString accessibleName(wxWindow& window);
wxString accessibleDescription(wxWindow& window);

}  // namespace securebase::app
