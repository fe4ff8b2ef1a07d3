// The server schema's second version: what sync needs that version 1 lacked (see schema_v2.cpp).
#pragma once

namespace securebase::server {

extern const char* const kServerSchemaV2;

}  // namespace securebase::server
