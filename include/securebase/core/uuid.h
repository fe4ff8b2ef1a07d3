// Random (version 4) UUIDs for every record that may leave the database file.
#pragma once

#include <string>

namespace securebase {

std::string newUuid();

}  // namespace securebase
