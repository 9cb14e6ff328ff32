#include "cli/commands/common.hpp"

#include <chrono>

#include "cli/commands/commands.hpp"
#include "store/migrations.hpp"

namespace pw::cli {

std::unique_ptr<store::Database> open_database(const std::string& url_text, std::size_t pool_size) {
    auto url = store::parse_database_url(url_text);
    if (!url) {
        report_error(url.error().message, usage);
        return nullptr;
    }
    auto db = store::Database::open(*url, pool_size);
    if (!db) {
        report_error(db.error().message);
        return nullptr;
    }
    return std::move(*db);
}

std::unique_ptr<store::Database> open_current_database(const std::string& url, std::size_t pool_size) {
    auto db = open_database(url, pool_size);
    if (!db) return nullptr;
    if (auto current = store::check_schema_current(*db); !current) {
        report_error(current.error().message);
        return nullptr;
    }
    return db;
}

Month current_month() {
    return Month::of(
        std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())));
}

}  // namespace pw::cli
