#pragma once
// The moderators' key file for staff reports (crypto/staff_keys.hpp) on disk, and its passphrase:
// from a file (--staff-key-passphrase-file) or the PROVIDERWATCH_STAFF_KEY_PASSPHRASE variable.
#include <string>

#include "web/staff_reports/keys.hpp"

namespace pw::cli {

// Opens the key file for serve; never fails the server: what went wrong closes the area and says why.
web::StaffReportKeys open_staff_keys(const std::string& key_path, const std::string& passphrase_path);

}  // namespace pw::cli
