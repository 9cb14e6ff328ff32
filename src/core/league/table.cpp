#include "core/league/table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/csv/csv.hpp"

namespace pw::league {

bool keeps(const Row& row, const Query& q) {
    if (q.kind == Kind::prime && !row.prime) return false;
    if (q.kind == Kind::subcontractor && !row.subcontractor) return false;
    if (!q.programme.empty() && std::ranges::find(row.programmes, q.programme) == row.programmes.end()) return false;
    if (q.area && std::ranges::find(row.areas, *q.area) == row.areas.end()) return false;
    return true;
}

namespace {

std::string quoted(const std::string& field) {
    // A field that starts like a formula is made text, so a spreadsheet never runs it.
    std::string safe = csv::looks_like_formula(field) ? "'" + field : field;
    std::string out = "\"";
    for (char c : safe) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::vector<std::size_t> sorted_positions(std::span<const Row> rows, Sort sort) {
    std::vector<std::size_t> out(rows.size());
    for (std::size_t k = 0; k < rows.size(); ++k) out[k] = k;
    const auto by_name = [](const Row& a, const Row& b) { return a.name < b.name; };
    std::ranges::stable_sort(out, [&](std::size_t ka, std::size_t kb) {
        const Row& a = rows[ka];
        const Row& b = rows[kb];
        if (a.shown != b.shown) return a.shown;
        if (!a.shown || sort == Sort::name) return by_name(a, b);
        switch (sort) {
            case Sort::mean:
                if (a.mean != b.mean) return a.mean > b.mean;
                break;
            case Sort::complaints: {
                const double ca = a.complaints_per_100.value_or(1e9);
                const double cb = b.complaints_per_100.value_or(1e9);
                if (ca != cb) return ca < cb;
                break;
            }
            case Sort::lower_bound:
            case Sort::name:
                if (a.lower != b.lower) return a.lower > b.lower;
                break;
        }
        return by_name(a, b);
    });
    return out;
}

std::vector<std::size_t> select_positions(std::span<const Row> rows, const Query& query) {
    auto out = sorted_positions(rows, query.sort);
    std::erase_if(out, [&](std::size_t k) { return !keeps(rows[k], query); });
    return out;
}

std::vector<Row> select(std::span<const Row> rows, const Query& query) {
    std::vector<Row> out;
    for (const auto k : select_positions(rows, query)) out.push_back(rows[k]);
    return out;
}

std::string to_csv(std::span<const Row> rows) {
    std::string out =
        "provider,kind,programmes,score,lower,upper,raters,complaints_per_100_raters,suggestions_answered_share,status,"
        "recovery_measures\r\n";
    for (const auto& r : rows) {
        std::string programmes;
        for (const auto& p : r.programmes) programmes += (programmes.empty() ? "" : "; ") + p;
        const std::string kind = r.prime && r.subcontractor ? "prime and sub-contractor"
                                 : r.prime                  ? "prime"
                                                            : "sub-contractor";
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\r\n", quoted(r.name), quoted(kind), quoted(programmes),
                           r.shown ? fmt::format("{:.2f}", r.mean) : "", r.shown ? fmt::format("{:.2f}", r.lower) : "",
                           r.shown ? fmt::format("{:.2f}", r.upper) : "", r.shown ? std::to_string(r.raters) : "",
                           r.complaints_per_100 ? fmt::format("{:.1f}", *r.complaints_per_100) : "",
                           r.answered_share ? fmt::format("{:.2f}", *r.answered_share) : "",
                           standards::status_name(r.status), r.recovery ? "yes" : "no");
    }
    return out;
}

}  // namespace pw::league
