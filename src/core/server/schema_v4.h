// The server schema's fourth version: "no referral made" records (see schema_v4.cpp).
#pragma once

namespace securebase::server {

extern const char* const kServerSchemaV4;

}  // namespace securebase::server
