#include "window_config.h"

#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/toplevel.h>
#include <wx/utils.h>

#include <algorithm>

namespace securebase::app {
namespace {

wxString configFile() {
  wxString base;
  if (!wxGetEnv("XDG_CONFIG_HOME", &base) || base.empty()) base = wxGetHomeDir() + "/.config";
  wxFileName file(base + "/securebase", "window.ini");
  file.Mkdir(wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
  return file.GetFullPath();
}

}  // namespace

WindowConfig& WindowConfig::instance() {
  static WindowConfig config;
  return config;
}

WindowConfig::WindowConfig()
    : config_(std::make_unique<wxFileConfig>("securebase", wxEmptyString, configFile(),
                                             wxEmptyString, wxCONFIG_USE_LOCAL_FILE)) {}

void WindowConfig::restore(wxTopLevelWindow& window, const wxString& name, wxSize default_size) {
  const wxString key = "/Windows/" + name + "/";
  const int width = static_cast<int>(config_->ReadLong(key + "Width", default_size.x));
  const int height = static_cast<int>(config_->ReadLong(key + "Height", default_size.y));
  window.SetSize(wxSize(std::max(width, 400), std::max(height, 300)));
  if (config_->ReadBool(key + "Maximized", false)) window.Maximize();
}

void WindowConfig::save(const wxTopLevelWindow& window, const wxString& name) {
  const wxString key = "/Windows/" + name + "/";
  config_->Write(key + "Maximized", window.IsMaximized());
  if (!window.IsMaximized()) {
    config_->Write(key + "Width", window.GetSize().x);
    config_->Write(key + "Height", window.GetSize().y);
  }
  config_->Flush();
}

int WindowConfig::sash(const wxString& name, int fallback) {
  return static_cast<int>(config_->ReadLong("/Windows/" + name + "/Sash", fallback));
}

void WindowConfig::setSash(const wxString& name, int position) {
  config_->Write("/Windows/" + name + "/Sash", position);
  config_->Flush();
}

std::vector<wxString> WindowConfig::recentFiles() {
  std::vector<wxString> files;
  for (std::size_t i = 0; i < kMaxRecent; ++i) {
    wxString path;
    if (config_->Read(wxString::Format("/RecentFiles/File%zu", i), &path) && !path.empty())
      files.push_back(path);
  }
  return files;
}

void WindowConfig::addRecentFile(const wxString& path) {
  auto files = recentFiles();
  files.erase(std::remove(files.begin(), files.end(), path), files.end());
  files.insert(files.begin(), path);
  if (files.size() > kMaxRecent) files.resize(kMaxRecent);
  config_->DeleteGroup("/RecentFiles");
  for (std::size_t i = 0; i < files.size(); ++i)
    config_->Write(wxString::Format("/RecentFiles/File%zu", i), files[i]);
  config_->Flush();
}

wxString WindowConfig::counselor() {
  wxString name;
  config_->Read("/Counselor/Name", &name);
  return name;
}

void WindowConfig::setCounselor(const wxString& name) {
  config_->Write("/Counselor/Name", name);
  config_->Flush();
}

}  // namespace securebase::app
