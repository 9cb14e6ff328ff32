#pragma once
// Reading soci::row columns whatever integer type the engine reports for them
// (SQLite and PostgreSQL disagree on computed and INTEGER columns), and the small helpers every
// repository binds and moves rows with.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include <soci/row.h>
#include <soci/statement.h>
#include <boost/optional.hpp>

namespace pw::store {

// A value read back that the code does not know (a state, a reason, a role, a month) means the
// database and the code disagree: a broken invariant. It throws, so the request gets the 500
// page and a log line, instead of quietly becoming some other value.
template <class T>
T known(std::optional<T> value, const char* what) {
    if (!value) throw std::logic_error(std::string("the database holds an unknown ") + what);
    return *value;
}

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

// A nullable value as SOCI binds it (std::optional does not compile there).
template <class T>
boost::optional<T> or_null(const std::optional<T>& value) {
    return value ? boost::optional<T>(*value) : boost::none;
}

// A nullable id as SOCI binds it.
inline boost::optional<long long> id_or_null(const std::optional<std::int64_t>& id) {
    return id ? boost::optional<long long>(*id) : boost::none;
}

// Runs a compare-and-set UPDATE (… WHERE id = :id AND state = :from); true when it changed the
// one row, false when the row had moved on.
inline bool changed_one_row(soci::statement& update) {
    update.execute(true);
    return update.get_affected_rows() == 1;
}

}  // namespace pw::store
