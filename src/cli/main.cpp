#include <iostream>

#include "securebase/core/paths.h"

int main() {
  std::cout << "securebase-cli " << securebase::version() << "\n";
  return 0;
}
