# Targets for the system libraries SecureBase uses, all from Debian 12's archive.
# Each is wrapped in a target so the rest of the build only says what it links.

find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

# Boost 1.81 (the versioned Debian packages; the unversioned ones are 1.74 and conflict).
find_package(Boost 1.81 REQUIRED CONFIG COMPONENTS json program_options locale)

# SQLCipher is the only SQLite engine linked: without a key it reads and writes plain SQLite
# files, with a key the whole file is encrypted. SQLITE_HAS_CODEC exposes sqlite3_key/rekey.
pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher)
add_library(securebase_sqlcipher INTERFACE)
target_link_libraries(securebase_sqlcipher INTERFACE PkgConfig::SQLCIPHER)
target_compile_definitions(securebase_sqlcipher INTERFACE SQLITE_HAS_CODEC)

# OpenSSL's libcrypto (libssl-dev; SQLCipher's own cipher library, so on every machine that runs
# SecureBase) for SHA-256: it uses the processor's SHA instructions where there are some, and
# audit rows and record hashes are computed for every record a batch writes.
pkg_check_modules(LIBCRYPTO REQUIRED IMPORTED_TARGET libcrypto)

# libpq (libpq-dev): the PostgreSQL client library the agency server is reached through.
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)

# libharu ships neither a pkg-config file nor a CMake config.
find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
find_library(HPDF_LIBRARY hpdf REQUIRED)
add_library(libharu::hpdf UNKNOWN IMPORTED)
set_target_properties(libharu::hpdf PROPERTIES
  IMPORTED_LOCATION "${HPDF_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${HPDF_INCLUDE_DIR}")

# libdeflate (libdeflate-dev): the PDF module deflates page content itself, whole buffers at the
# fastest level; libharu deflates the rest with its own zlib.
find_path(LIBDEFLATE_INCLUDE_DIR libdeflate.h REQUIRED)
find_library(LIBDEFLATE_LIBRARY deflate REQUIRED)
add_library(libdeflate::libdeflate UNKNOWN IMPORTED)
set_target_properties(libdeflate::libdeflate PROPERTIES
  IMPORTED_LOCATION "${LIBDEFLATE_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${LIBDEFLATE_INCLUDE_DIR}")

# wxWidgets: CMake 3.25 has no imported target, so wrap the module's variables.
if(SECUREBASE_BUILD_GUI)
  find_package(wxWidgets 3.2 REQUIRED COMPONENTS html core base)
  add_library(securebase_wx INTERFACE)
  target_include_directories(securebase_wx SYSTEM INTERFACE ${wxWidgets_INCLUDE_DIRS})
  target_compile_definitions(securebase_wx INTERFACE ${wxWidgets_DEFINITIONS})
  target_compile_options(securebase_wx INTERFACE ${wxWidgets_CXX_FLAGS})
  target_link_libraries(securebase_wx INTERFACE ${wxWidgets_LIBRARIES})
  add_library(wx::wx ALIAS securebase_wx)
endif()
