#pragma once
// The league table: every provider with its published score and interval, complaints rate,
// share of suggestions answered and status, filtered and sorted as a reader asks. Built from a
// published snapshot and the registry only (web/standards/league.cpp).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/standards/status.hpp"

namespace pw::league {

struct Row {
    std::int64_t provider_id = 0;
    std::string name;
    bool prime = false;
    bool subcontractor = false;
    std::vector<std::string> programmes;  // where it holds or works under a contract
    std::vector<std::int64_t> areas;
    std::vector<std::string> area_names;
    bool shown = false;  // its score is published
    double mean = 0, lower = 0, upper = 0;
    long long raters = 0;
    std::optional<double> complaints_per_100;
    std::optional<double> answered_share;
    standards::Status status = standards::Status::not_enough_ratings;    // published
    standards::Status assessed = standards::Status::not_enough_ratings;  // what the latest figures said
    bool recovery = false;
};

enum class Sort { lower_bound, mean, name, complaints };
enum class Kind { any, prime, subcontractor };

struct Query {
    Sort sort = Sort::lower_bound;
    Kind kind = Kind::any;
    std::string programme;             // empty: every programme
    std::optional<std::int64_t> area;  // nullopt: every area
};

// The rows the query keeps, in its order: scored providers first (best first, or by name), then
// those with too few ratings, by name.
std::vector<Row> select(std::span<const Row> rows, const Query& query);
// The same, as positions in rows: for a caller that holds something else beside each row.
std::vector<std::size_t> select_positions(std::span<const Row> rows, const Query& query);
// The parts of it, for a caller that sorts once and filters many times: every row's position in
// the order a sort asks for, and whether the query's filters keep a row.
std::vector<std::size_t> sorted_positions(std::span<const Row> rows, Sort sort);
bool keeps(const Row& row, const Query& query);

// The same as CSV, one provider a line, with a header; figures rounded as the page shows them.
std::string to_csv(std::span<const Row> rows);

}  // namespace pw::league
