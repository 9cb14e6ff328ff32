#pragma once
// The registry as CSV in the import format, so an export can be imported again unchanged.
#include <string>

#include "store/database.hpp"

namespace pw::store {

std::string export_registry_csv(Database& db);

}  // namespace pw::store
