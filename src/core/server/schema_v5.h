// The server schema's fifth version: what a laptop may learn of a family reassigned away from
// its login (see schema_v5.cpp).
#pragma once

namespace securebase::server {

extern const char* const kServerSchemaV5;

}  // namespace securebase::server
