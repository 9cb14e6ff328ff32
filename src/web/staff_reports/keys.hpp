#pragma once
// The moderators' key pair for staff reports, opened from its key file at start (cli/commands/
// staff_key.cpp). Without it the staff-report area is closed and says why; the rest of the site runs.
#include <optional>
#include <string>

#include "crypto/staff_keys.hpp"

namespace pw::web {

struct StaffReportKeys {
    std::optional<crypto::KeyPair> moderators;
    std::optional<crypto::LookupKeys> lookup;  // staff codenames' look-up keys, from the moderators' key
    std::string closed_because;                // for the log, when moderators is empty
};

}  // namespace pw::web
