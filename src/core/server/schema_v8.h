// The server schema's eighth version: read policies and change-number indexes for an agency's
// scale (see schema_v8.cpp).
#pragma once

namespace securebase::server {

extern const char* const kServerSchemaV8;

}  // namespace securebase::server
