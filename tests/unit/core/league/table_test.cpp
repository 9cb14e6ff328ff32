#include "core/league/table.hpp"

#include <gtest/gtest.h>

using namespace pw::league;

namespace {

Row row(std::string name, bool shown, double mean, double lower, bool prime = true) {
    Row r;
    r.name = std::move(name);
    r.shown = shown;
    r.mean = mean;
    r.lower = lower;
    r.upper = mean + (mean - lower);
    r.prime = prime;
    r.subcontractor = !prime;
    r.programmes = {"Restart Scheme (2021–)"};
    r.areas = {7};
    return r;
}

std::vector<std::string> names(const std::vector<Row>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.name);
    return out;
}

Query sorted(Sort sort) {
    Query q;
    q.sort = sort;
    return q;
}

}  // namespace

TEST(LeagueTable, TheSurestScoreComesFirstAndTooFewRatingsLast) {
    const std::vector<Row> rows{row("Avanta", true, 4.5, 3.0), row("Seetec", true, 4.0, 3.8), row("A4e", false, 0, 0),
                                row("Ingeus", true, 2.0, 1.5)};
    EXPECT_EQ(names(select(rows, {})), (std::vector<std::string>{"Seetec", "Avanta", "Ingeus", "A4e"}));
    EXPECT_EQ(names(select(rows, sorted(Sort::mean))), (std::vector<std::string>{"Avanta", "Seetec", "Ingeus", "A4e"}));
    EXPECT_EQ(names(select(rows, sorted(Sort::name))), (std::vector<std::string>{"Avanta", "Ingeus", "Seetec", "A4e"}));
}

TEST(LeagueTable, FiltersByKindProgrammeAndArea) {
    std::vector<Row> rows{row("Prime One", true, 4, 3), row("Sub One", true, 3, 2, false)};
    rows[1].programmes = {"Work Programme (2011–2017)"};
    rows[1].areas = {3};
    Query q;
    q.kind = Kind::subcontractor;
    EXPECT_EQ(names(select(rows, q)), std::vector<std::string>{"Sub One"});
    q = Query{};
    q.programme = "Restart Scheme (2021–)";
    EXPECT_EQ(names(select(rows, q)), std::vector<std::string>{"Prime One"});
    q = Query{};
    q.area = 3;
    EXPECT_EQ(names(select(rows, q)), std::vector<std::string>{"Sub One"});
    q.area = 99;
    EXPECT_TRUE(select(rows, q).empty());
}

TEST(LeagueTable, CsvQuotesEveryFieldAndDisarmsFormulas) {
    std::vector<Row> rows{row("=HYPERLINK(\"x\")", true, 3.456, 3.0), row("Too \"few\" Ltd", false, 0, 0),
                          row("\t=1+1", false, 0, 0), row("\r@SUM(A1)", false, 0, 0)};
    const auto csv = to_csv(rows);
    EXPECT_TRUE(csv.starts_with("provider,kind,programmes,score,lower,upper,raters,"));
    EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"x\"\")\",\"prime\",\"Restart Scheme (2021–)\",3.46,3.00,3.91,"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find("\"Too \"\"few\"\" Ltd\",\"prime\",\"Restart Scheme (2021–)\",,,,,,,not_enough_ratings,no"),
              std::string::npos)
        << csv;
    // A leading tab or carriage return is read as the formula after it by some spreadsheets.
    EXPECT_NE(csv.find("\"'\t=1+1\","), std::string::npos) << csv;
    EXPECT_NE(csv.find("\"'\r@SUM(A1)\","), std::string::npos) << csv;
}
