// The server schema's fifth version: possible duplicate families and their merges (see
// schema_v5.cpp).
#pragma once

namespace securebase::server {

extern const char* const kServerSchemaV5;

}  // namespace securebase::server
