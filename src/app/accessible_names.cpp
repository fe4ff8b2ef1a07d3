#include "accessible_names.h"

#include <dlfcn.h>
#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/infobar.h>
#include <wx/modalhook.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/stockitem.h>
#include <wx/textentry.h>
#include <wx/window.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>
#include <vector>

namespace securebase::app {
namespace {

// The few GTK and ATK calls needed, looked up at run time: GTK and ATK are loaded with wx, but
// their headers are not needed for these calls (as in modal_dialogs.cpp).
struct Atk {
  using Accessible = void*;  // AtkObject*
  Accessible (*widget_accessible)(GtkWidget*) = nullptr;
  const char* (*get_name)(Accessible) = nullptr;
  void (*set_name)(Accessible, const char*) = nullptr;
  const char* (*get_description)(Accessible) = nullptr;
  void (*set_description)(Accessible, const char*) = nullptr;
  int (*relation_for_name)(const char*) = nullptr;
  int (*add_relationship)(Accessible, int, Accessible) = nullptr;
  void* (*get_data)(void*, const char*) = nullptr;
  void (*set_data)(void*, const char*, void*) = nullptr;
  int (*child_count)(Accessible) = nullptr;
  Accessible (*ref_child)(Accessible, int) = nullptr;
  void* (*ref_states)(Accessible) = nullptr;  // AtkStateSet*
  int (*has_state)(void*, int) = nullptr;
  int (*state_for_name)(const char*) = nullptr;
  void (*unref)(void*) = nullptr;
  int labelled_by = 0;
  int label_for = 0;
  int focusable = 0;
};

template <typename Function>
void lookUp(Function& function, const char* name) {
  function = reinterpret_cast<Function>(dlsym(RTLD_DEFAULT, name));
}

// nullptr when there is nothing to name for: GTK tells no screen reader (NO_AT_BRIDGE=1, as in
// tests and scripts), or the calls are missing.
const Atk* atk() {
  static const std::unique_ptr<Atk> loaded = [] {
    const char* off = std::getenv("NO_AT_BRIDGE");
    if (off != nullptr && std::strcmp(off, "1") == 0) return std::unique_ptr<Atk>();
    auto calls = std::make_unique<Atk>();
    lookUp(calls->widget_accessible, "gtk_widget_get_accessible");
    lookUp(calls->get_name, "atk_object_get_name");
    lookUp(calls->set_name, "atk_object_set_name");
    lookUp(calls->get_description, "atk_object_get_description");
    lookUp(calls->set_description, "atk_object_set_description");
    lookUp(calls->relation_for_name, "atk_relation_type_for_name");
    lookUp(calls->add_relationship, "atk_object_add_relationship");
    lookUp(calls->get_data, "g_object_get_data");
    lookUp(calls->set_data, "g_object_set_data");
    lookUp(calls->child_count, "atk_object_get_n_accessible_children");
    lookUp(calls->ref_child, "atk_object_ref_accessible_child");
    lookUp(calls->ref_states, "atk_object_ref_state_set");
    lookUp(calls->has_state, "atk_state_set_contains_state");
    lookUp(calls->state_for_name, "atk_state_type_for_name");
    lookUp(calls->unref, "g_object_unref");
    if (!calls->widget_accessible || !calls->get_name || !calls->set_name ||
        !calls->get_description || !calls->set_description || !calls->relation_for_name ||
        !calls->add_relationship || !calls->get_data || !calls->set_data || !calls->child_count ||
        !calls->ref_child || !calls->ref_states || !calls->has_state || !calls->state_for_name ||
        !calls->unref)
      return std::unique_ptr<Atk>();
    calls->labelled_by = calls->relation_for_name("labelled-by");
    calls->label_for = calls->relation_for_name("label-for");
    calls->focusable = calls->state_for_name("focusable");
    return calls;
  }();
  return loaded.get();
}

// Marks an ATK object whose texts setAccessibleText chose, so the walker leaves them.
constexpr const char* kChosenKey = "securebase-accessible-text";
// Marks an ATK object already linked to its label, so a walk links it once.
constexpr const char* kLabelKey = "securebase-accessible-label";

// The GTK widgets that stand for `window`: the one that takes the focus, and its outer widget
// when that differs (a multi-line text's scrolled window).
std::vector<GtkWidget*> widgetsOf(wxWindow& window) {
  std::vector<GtkWidget*> widgets;
  if (GtkWidget* focus = window.GetConnectWidget()) widgets.push_back(focus);
  if (window.m_widget != nullptr && (widgets.empty() || widgets.front() != window.m_widget))
    widgets.push_back(window.m_widget);
  return widgets;
}

wxString utf8(const char* text) {
  return text != nullptr ? wxString::FromUTF8(text) : wxString();
}

void setTexts(const Atk& calls, Atk::Accessible object, const wxString& name,
              const wxString& description) {
  // Only real changes: each one is a message on the accessibility bus.
  if (utf8(calls.get_name(object)) != name) calls.set_name(object, name.utf8_str());
  if (utf8(calls.get_description(object)) != description)
    calls.set_description(object, description.utf8_str());
}

// A label as a screen reader should say it: no mnemonic, no trailing colon, one line.
wxString spoken(const wxString& label) {
  wxString text = wxControl::RemoveMnemonics(label);
  text.Replace("\n", " ");
  text.Trim(true).Trim(false);
  if (text.EndsWith(":")) text.RemoveLast();
  return text.Trim(true);
}

bool isStatic(const wxWindow& window) {
  return dynamic_cast<const wxStaticText*>(&window) != nullptr ||
         dynamic_cast<const wxStaticBox*>(&window) != nullptr ||
         dynamic_cast<const wxStaticLine*>(&window) != nullptr;
}

// A window the keyboard can reach or a control that shows a value: what a screen reader names.
bool isControl(wxWindow& window) {
  if (isStatic(window) || window.IsTopLevel()) return false;  // a window's name is its title
  if (dynamic_cast<wxControl*>(&window) != nullptr) return true;
  // Other windows (a list's rows area, a chart) when they take the focus as GTK has it, which
  // is what a screen reader goes by; wx's own view of the focus differs for panels.
  const Atk* calls = atk();
  GtkWidget* widget = window.GetConnectWidget();
  Atk::Accessible object = calls && widget ? calls->widget_accessible(widget) : nullptr;
  if (object == nullptr) return false;
  void* states = calls->ref_states(object);
  const bool focusable = states != nullptr && calls->has_state(states, calls->focusable);
  if (states != nullptr) calls->unref(states);
  return focusable;
}

// The texts a window shows itself (a panel of static texts), in order: the first, a \x1f,
// then the others on one line.
wxString textsIn(wxWindow& window) {
  wxString texts;
  for (wxWindow* child : window.GetChildren())
    if (auto* text = dynamic_cast<wxStaticText*>(child); text != nullptr && text->IsShown()) {
      const wxString line = spoken(text->GetLabel());
      if (!line.empty())
        texts += (texts.empty() ? "" : texts.Find('\x1f') < 0 ? "\x1f" : " ") + line;
    }
  return texts;
}

// The item of `sizer` holding `window`, directly or in a nested sizer, as the list of
// (sizer, index) steps from `sizer` down; empty when `window` is not in it.
bool pathTo(wxSizer& sizer, const wxWindow& window,
            std::vector<std::pair<wxSizer*, size_t>>& path) {
  const auto& items = sizer.GetChildren();
  size_t index = 0;
  for (auto node = items.GetFirst(); node != nullptr; node = node->GetNext(), ++index) {
    wxSizerItem* item = node->GetData();
    path.emplace_back(&sizer, index);
    if (item->GetWindow() == &window) return true;
    if (item->GetSizer() != nullptr && pathTo(*item->GetSizer(), window, path)) return true;
    path.pop_back();
  }
  return false;
}

bool holdsControl(wxSizer& sizer) {
  for (auto node = sizer.GetChildren().GetFirst(); node != nullptr; node = node->GetNext()) {
    wxSizerItem* item = node->GetData();
    if (item->GetWindow() != nullptr && item->GetWindow()->IsShown() &&
        isControl(*item->GetWindow()))
      return true;
    if (item->GetSizer() != nullptr && holdsControl(*item->GetSizer())) return true;
  }
  return false;
}

wxStaticText* lastText(wxSizer& sizer) {
  wxStaticText* last = nullptr;
  for (auto node = sizer.GetChildren().GetFirst(); node != nullptr; node = node->GetNext()) {
    wxSizerItem* item = node->GetData();
    if (auto* text = dynamic_cast<wxStaticText*>(item->GetWindow());
        text != nullptr && text->IsShown() && !spoken(text->GetLabel()).empty())
      last = text;
    if (item->GetSizer() != nullptr)
      if (wxStaticText* inner = lastText(*item->GetSizer())) last = inner;
  }
  return last;
}

// The text label a sighted user reads just before `window` in its parent's layout: the nearest
// static text before it in its sizer, or before the sizer that holds it, unless another control
// comes between (the label is then that control's). A static box around it counts too.
wxStaticText* labelBefore(wxWindow& window) {
  wxWindow* parent = window.GetParent();
  if (parent == nullptr || parent->GetSizer() == nullptr) return nullptr;
  std::vector<std::pair<wxSizer*, size_t>> path;
  if (!pathTo(*parent->GetSizer(), window, path)) return nullptr;
  for (auto step = path.rbegin(); step != path.rend(); ++step) {
    std::vector<wxSizerItem*> items;
    for (auto node = step->first->GetChildren().GetFirst(); node; node = node->GetNext())
      items.push_back(node->GetData());
    for (size_t index = step->second; index-- > 0;) {
      wxWindow* before = items[index]->GetWindow();
      if (wxSizer* group = items[index]->GetSizer()) {
        // Texts alone (a dialog's message) label what follows; a group with controls does not.
        if (holdsControl(*group)) return nullptr;
        if (wxStaticText* text = lastText(*group)) return text;
        continue;
      }
      if (before == nullptr) continue;  // a spacer
      if (!before->IsShown()) continue;
      if (auto* label = dynamic_cast<wxStaticText*>(before)) {
        if (!spoken(label->GetLabel()).empty()) return label;
        continue;
      }
      if (isControl(*before)) return nullptr;
    }
  }
  return nullptr;
}

// The label of the static box sizer around `window`, if any.
wxString boxLabel(wxWindow& window) {
  wxWindow* parent = window.GetParent();
  if (parent == nullptr || parent->GetSizer() == nullptr) return {};
  std::vector<std::pair<wxSizer*, size_t>> path;
  if (!pathTo(*parent->GetSizer(), window, path)) return {};
  for (auto step = path.rbegin(); step != path.rend(); ++step)
    if (auto* box = dynamic_cast<wxStaticBoxSizer*>(step->first))
      return spoken(box->GetStaticBox()->GetLabel());
  return {};
}

wxString hintOf(wxWindow& window) {
  if (auto* entry = dynamic_cast<wxTextEntry*>(&window)) return entry->GetHint();
  return {};
}

// Orca reads a field's label through this link; GTK guesses one from mnemonics, often a
// text that is not the field's, and stops guessing once the link is set.
void linkLabel(const Atk& calls, Atk::Accessible object, wxStaticText* label) {
  if (label == nullptr || label->m_widget == nullptr || calls.get_data(object, kLabelKey) == label)
    return;
  if (Atk::Accessible label_object = calls.widget_accessible(label->m_widget)) {
    calls.add_relationship(object, calls.labelled_by, label_object);
    calls.add_relationship(label_object, calls.label_for, object);
    calls.set_data(object, kLabelKey, label);
  }
}

// Names the unnamed focusable parts GTK builds inside a control, out of wx's reach (a check
// list's tick cells, an info bar's close button), `depth` levels down at most.
void nameInnerParts(const Atk& calls, Atk::Accessible object, const wxString& name, int depth) {
  const int count = std::min(calls.child_count(object), 64);  // a long table: its first rows
  for (int index = 0; index < count; ++index) {
    Atk::Accessible child = calls.ref_child(object, index);
    if (child == nullptr) continue;
    void* states = calls.ref_states(child);
    const bool focusable = states != nullptr && calls.has_state(states, calls.focusable);
    if (states != nullptr) calls.unref(states);
    if (focusable && utf8(calls.get_name(child)).empty()) calls.set_name(child, name.utf8_str());
    if (depth > 1) nameInnerParts(calls, child, name, depth - 1);
    calls.unref(child);
  }
}

// Names `window` from what shows around it; returns the name it reads now, which its parts
// (the inner windows of a composite control) take when they have nothing better.
wxString nameControl(const Atk& calls, wxWindow& window, const wxString& inherited) {
  const auto widgets = widgetsOf(window);
  if (widgets.empty()) return inherited;
  Atk::Accessible focus = calls.widget_accessible(widgets.front());
  if (focus == nullptr) return inherited;
  if (calls.get_data(focus, kChosenKey) != nullptr) {
    linkLabel(calls, focus, labelBefore(window));
    return utf8(calls.get_name(focus));
  }

  const wxString tooltip = window.GetToolTipText();
  const wxString hint = hintOf(window);
  wxStaticText* label = labelBefore(window);
  wxString own;
  if (dynamic_cast<wxControl*>(&window) != nullptr && !dynamic_cast<wxTextEntry*>(&window))
    own = spoken(window.GetLabel());  // buttons, check boxes: what they say
  wxString name = own;
  // A field's label ends with a colon; other text before it (a title, a message) says less
  // than the field's own hint.
  if (label != nullptr && !label->GetLabel().Strip(wxString::both).EndsWith(":") &&
      !spoken(hint).empty())
    label = nullptr;
  if (name.empty() && label != nullptr) name = spoken(label->GetLabel());
  if (auto* book = dynamic_cast<wxBookCtrlBase*>(&window); book != nullptr && name.empty()) {
    for (size_t page = 0; page < book->GetPageCount(); ++page)  // the tabs it offers
      name += (page > 0 ? ", " : "") + spoken(book->GetPageText(page));
  }
  if (name.empty()) name = boxLabel(window);
  if (name.empty()) name = spoken(hint);
  wxString more;  // what a panel of texts shows after its first line
  if (name.empty() && dynamic_cast<wxControl*>(&window) == nullptr) {
    name = textsIn(window);
    more = name.AfterFirst('\x1f');
    name = name.BeforeFirst('\x1f');
  }
  if (name.empty()) name = inherited;  // the list, row or page it is part of
  if (name.empty()) name = spoken(tooltip);
  if (name.empty()) name = utf8(calls.get_name(focus));  // GTK's own, if it has one
  wxString description = tooltip;
  if (description.empty() && spoken(hint) != name) description = hint;
  if (description.empty()) description = more;

  for (GtkWidget* widget : widgets)
    if (Atk::Accessible object = calls.widget_accessible(widget))
      setTexts(calls, object, name, description);
  // An info bar's only inner button closes it; other parts are parts of the named control.
  nameInnerParts(
      calls, focus,
      dynamic_cast<wxInfoBar*>(&window) ? wxGetStockLabel(wxID_CLOSE, wxSTOCK_NOFLAGS) : name, 4);
  if (own.empty()) linkLabel(calls, focus, label);
  return name;
}

// Whether setAccessibleText named `window`.
bool chosen(const Atk& calls, wxWindow& window) {
  const auto widgets = widgetsOf(window);
  if (widgets.empty()) return false;
  Atk::Accessible object = calls.widget_accessible(widgets.front());
  return object != nullptr && calls.get_data(object, kChosenKey) != nullptr;
}

void nameTree(const Atk& calls, wxWindow& window, const wxString& inherited) {
  wxString name = inherited;
  if (auto* book = dynamic_cast<wxBookCtrlBase*>(&window)) {
    nameControl(calls, window, inherited);
    // What a page holds with nothing better to go by is named after the page's tab.
    for (size_t page = 0; page < book->GetPageCount(); ++page)
      if (wxWindow* content = book->GetPage(page))
        nameTree(calls, *content, spoken(book->GetPageText(page)));
    return;
  }
  if (isControl(window)) {
    const wxString own = nameControl(calls, window, inherited);
    // The parts of a control (a list's rows area) go by its name; a panel's controls do not.
    if (dynamic_cast<wxControl*>(&window) != nullptr || chosen(calls, window)) name = own;
  } else if (chosen(calls, window)) {
    // A container named on purpose (an item row) lends its name to what it holds, and is
    // labelled by its own first text (the item).
    Atk::Accessible object = calls.widget_accessible(widgetsOf(window).front());
    name = utf8(calls.get_name(object));
    for (wxWindow* child : window.GetChildren())
      if (auto* text = dynamic_cast<wxStaticText*>(child)) {
        linkLabel(calls, object, text);
        break;
      }
  }
  for (wxWindow* child : window.GetChildren())
    if (!child->IsTopLevel()) nameTree(calls, *child, name);
}

// Top-level windows whose later controls are being watched, so a second call binds nothing.
std::set<const wxWindow*>& watched() {
  static std::set<const wxWindow*> windows;
  return windows;
}

class DialogNamer : public wxModalDialogHook {
 protected:
  int Enter(wxDialog* dialog) override {
    nameAccessibles(*dialog);
    return wxID_NONE;
  }
  void Exit(wxDialog*) override {}
};

}  // namespace

void nameAccessibles(wxWindow& top) {
  const Atk* calls = atk();
  if (calls == nullptr) return;
  nameTree(*calls, top, wxString());
  if (!watched().insert(&top).second) return;
  // A control made later (rows built on demand, a page refilled) gets its native widget when it
  // is realized, which wx reports to its parents; its label and sizer are in place once the code
  // that made it returns, so the whole window is walked again then, once per batch.
  auto pending = std::make_shared<bool>(false);
  top.Bind(wxEVT_CREATE, [&top, pending](wxWindowCreateEvent& event) {
    event.Skip();
    if (*pending) return;
    *pending = true;
    top.CallAfter([&top, pending] {
      *pending = false;
      if (const Atk* now = atk()) nameTree(*now, top, wxString());
    });
  });
  top.Bind(wxEVT_DESTROY, [&top](wxWindowDestroyEvent& event) {
    if (event.GetEventObject() == &top) watched().erase(&top);
    event.Skip();
  });
}

void nameDialogsAsTheyOpen() {
  static DialogNamer* namer = [] {
    auto* created = new DialogNamer;  // lives as long as the program: wx keeps a pointer
    created->Register();
    return created;
  }();
  (void)namer;
}

void setAccessibleText(wxWindow& window, const wxString& name, const wxString& description) {
  const Atk* calls = atk();
  if (calls == nullptr) return;
  const auto widgets = widgetsOf(window);
  for (GtkWidget* widget : widgets)
    if (Atk::Accessible object = calls->widget_accessible(widget)) {
      setTexts(*calls, object, name, description);
      calls->set_data(object, kChosenKey, object);
    }
}

wxString accessibleName(wxWindow& window) {
  const Atk* calls = atk();
  const auto widgets = widgetsOf(window);
  if (calls == nullptr || widgets.empty()) return {};
  return utf8(calls->get_name(calls->widget_accessible(widgets.front())));
}

wxString accessibleDescription(wxWindow& window) {
  const Atk* calls = atk();
  const auto widgets = widgetsOf(window);
  if (calls == nullptr || widgets.empty()) return {};
  return utf8(calls->get_description(calls->widget_accessible(widgets.front())));
}

}  // namespace securebase::app
