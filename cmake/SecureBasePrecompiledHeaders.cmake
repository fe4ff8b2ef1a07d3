# Precompiled headers. Most of a file's compile time goes to library headers, not to its own
# code: a GUI test file spends about 5 of its 8 seconds in wxWidgets, GoogleTest and Boost.JSON.
# Each larger target therefore compiles its library headers once. Only headers from outside the
# project go in, so the layer rule (a layer sees only the project headers of what it links)
# still holds; a file must still include what it uses, which a build with
# -DSECUREBASE_PRECOMPILED_HEADERS=OFF checks.
option(SECUREBASE_PRECOMPILED_HEADERS "Precompile the library headers of the larger targets" ON)

set(SECUREBASE_PCH_STD
    <algorithm> <array> <chrono> <filesystem> <functional> <map> <memory> <optional> <set>
    <sstream> <string> <string_view> <utility> <vector>)
set(SECUREBASE_PCH_BOOST_JSON <boost/json.hpp>)
set(SECUREBASE_PCH_PROGRAM_OPTIONS <boost/program_options.hpp>)
set(SECUREBASE_PCH_GTEST <gtest/gtest.h> <gmock/gmock.h>)
set(SECUREBASE_PCH_WX
    <wx/wx.h> <wx/listctrl.h> <wx/spinctrl.h> <wx/infobar.h> <wx/notebook.h> <wx/filename.h>
    <wx/translation.h> <wx/uiaction.h>)

# securebase_precompile(<target> [BOOST_JSON] [PROGRAM_OPTIONS] [GTEST] [WX]): the standard
# library headers plus the named groups, for a target with enough files to repay the one
# extra compile (fewer than eight sources are left alone: loading the headers
# costs a small file more than it saves).
function(securebase_precompile target)
  if(NOT SECUREBASE_PRECOMPILED_HEADERS)
    return()
  endif()
  cmake_parse_arguments(PARSE_ARGV 1 use "BOOST_JSON;PROGRAM_OPTIONS;GTEST;WX" "" "")
  get_target_property(sources ${target} SOURCES)
  list(FILTER sources INCLUDE REGEX "\\.cpp$")
  list(LENGTH sources count)
  if(count LESS 8)
    return()
  endif()
  set(headers ${SECUREBASE_PCH_STD})
  foreach(group BOOST_JSON PROGRAM_OPTIONS GTEST WX)
    if(use_${group})
      list(APPEND headers ${SECUREBASE_PCH_${group}})
    endif()
  endforeach()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
