#pragma once
// Kept detection reports (core/research/kept_report.hpp) inside the writer's transaction, and
// the rows the report pages read.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/research/kept_report.hpp"
#include "store/database.hpp"

namespace pw::store {

class SociKeptReportRepository final : public research::KeptReportRepository {
public:
    explicit SociKeptReportRepository(soci::session& s) : s_(s) {}
    void insert(const research::KeptReport& report) override;
    std::optional<std::int64_t> owner_of(std::int64_t id) override;
    bool remove(std::int64_t id) override;
    void append(const events::Event& event) override;

private:
    soci::session& s_;
};

// What a list shows: everything but the report's three forms and the file.
struct KeptReportSummary {
    std::int64_t id = 0;
    std::int64_t owner = 0;
    std::string owner_name;
    std::string month;
    std::string filename, input_kind, method_version, input_sha256, summary;
    std::int64_t units = 0, flagged = 0;
    bool has_input = false;
    bool has_pdf = false;  // kept before reports had a PDF: false
};

std::optional<KeptReportSummary> kept_report(Database& db, std::int64_t id);
// One form of a kept report: "html", "json", "csv", "pdf" (its bytes) or "input"; nullopt when
// there is no such report (or it has no kept file, or it was kept before reports had a PDF).
std::optional<std::string> kept_report_body(Database& db, std::int64_t id, std::string_view form);
std::optional<std::string> kept_report_body(soci::session& s, std::int64_t id, std::string_view form);
// A researcher's own reports, newest month first.
std::vector<KeptReportSummary> kept_reports_of(Database& db, std::int64_t account);

}  // namespace pw::store
