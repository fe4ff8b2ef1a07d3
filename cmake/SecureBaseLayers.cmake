# The core is built as one STATIC target per layer (src/core/<area>/), like Audacity's
# libraries/lib-*: a layer sees only its own public headers (include/securebase/<area>/) and
# those of the layers it links, so an include of a layer it may not use fails to compile.
#
# securebase_core_layer(<name> [HEADERS <area>]) adds the target securebase_<name> (alias
# securebase::<name>) from every source under the calling folder, with the public headers of
# include/securebase/<area>/ (<area> defaults to <name>). The caller then links what it may use.
function(securebase_core_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 layer "" "HEADERS" "")
  if(NOT layer_HEADERS)
    set(layer_HEADERS ${name})
  endif()
  set(target securebase_${name})
  # Globbed so that files added to the folder join the layer without editing this list.
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp"
       "${CMAKE_CURRENT_SOURCE_DIR}/*.h")
  file(GLOB_RECURSE headers CONFIGURE_DEPENDS
       "${PROJECT_SOURCE_DIR}/include/securebase/${layer_HEADERS}/*.h")
  add_library(${target} STATIC ${sources} ${headers})
  add_library(securebase::${name} ALIAS ${target})

  # include/ as a whole would show every layer's headers to every layer. Each layer instead
  # gets a folder in the build tree holding one link, securebase/<area> -> its headers.
  set(root "${PROJECT_BINARY_DIR}/layer_headers/${layer_HEADERS}")
  file(MAKE_DIRECTORY "${root}/securebase")
  file(CREATE_LINK "${PROJECT_SOURCE_DIR}/include/securebase/${layer_HEADERS}"
       "${root}/securebase/${layer_HEADERS}" SYMBOLIC)
  target_include_directories(${target} PUBLIC "${root}")
  target_link_libraries(${target} PRIVATE securebase_warnings)
  securebase_precompile(${target} BOOST_JSON)
  set_property(GLOBAL APPEND PROPERTY SECUREBASE_CORE_LAYERS ${target})
endfunction()
