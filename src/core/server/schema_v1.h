// The server schema's first version, as one SQL script (see schema.cpp for how it is applied).
#pragma once

namespace securebase::server {

extern const char* const kServerSchemaV1;

}  // namespace securebase::server
