// The server schema's third version: conflicts laptops report (see schema_v3.cpp).
#pragma once

namespace securebase::server {

extern const char* const kServerSchemaV3;

}  // namespace securebase::server
