// The server schema's sixth version: possible duplicate families and their merges (see
// schema_v6.cpp).
#pragma once

namespace securebase::server {

extern const char* const kServerSchemaV6;

}  // namespace securebase::server
