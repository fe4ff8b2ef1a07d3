# Warnings every SecureBase target builds with. Targets link securebase_warnings instead of
# repeating flags, so the policy lives in one place.
add_library(securebase_warnings INTERFACE)
target_compile_options(securebase_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough
  # C++20 designated initializers name only the fields that differ from their defaults.
  -Wno-missing-field-initializers)
if(SECUREBASE_WARNINGS_AS_ERRORS)
  target_compile_options(securebase_warnings INTERFACE -Werror)
endif()
