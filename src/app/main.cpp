#include <wx/app.h>
#include <wx/frame.h>

class SecureBaseApp : public wxApp {
 public:
  bool OnInit() override {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "SecureBase");
    frame->Show();
    return true;
  }
};

wxIMPLEMENT_APP(SecureBaseApp);
