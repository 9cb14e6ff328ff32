#pragma once
// Reading soci::row columns whatever integer type the engine reports for them
// (SQLite and PostgreSQL disagree on computed and INTEGER columns).
#include <cstdint>
#include <string>

#include <soci/row.h>

namespace pw::store {

inline std::int64_t get_int(const soci::row& row, std::size_t i) {
    switch (row.get_properties(i).get_data_type()) {
        case soci::dt_integer:
            return row.get<int>(i);
        case soci::dt_long_long:
            return row.get<long long>(i);
        case soci::dt_unsigned_long_long:
            return static_cast<std::int64_t>(row.get<unsigned long long>(i));
        case soci::dt_double:
            return static_cast<std::int64_t>(row.get<double>(i));
        case soci::dt_string:
            return std::stoll(row.get<std::string>(i));
        default:
            throw soci::soci_error("column " + std::to_string(i) + " is not a number");
    }
}

inline std::string get_text(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null) return {};
    return row.get<std::string>(i);
}

}  // namespace pw::store
