// The server schema's seventh version: what a laptop may learn of a family reassigned away from
// its login (see schema_v7.cpp).
#pragma once

namespace securebase::server {

extern const char* const kServerSchemaV7;

}  // namespace securebase::server
