#pragma once
// A target-detection report a researcher keeps, so it has a link to share with colleagues and
// survives a restart: the report in its four forms (HTML, JSON, CSV, PDF), the method version it was
// made with and the SHA-256 of the file it came from. The file's rows are kept only when the
// researcher asks. One command per action: keep a report, delete it.
#include <cstdint>
#include <optional>
#include <string>

#include "core/common/error.hpp"
#include "core/common/month.hpp"
#include "core/events/event.hpp"

namespace pw::research {

struct KeptReport {
    std::int64_t id = 0;     // random (the caller draws it): the link gives no count of reports
    std::int64_t owner = 0;  // the researcher's account
    Month month = *Month::from(2000, 1);
    std::string filename;    // as uploaded, checked
    std::string input_kind;  // "events" or "counts"
    std::string method_version;
    std::string input_sha256;  // 64 lowercase hex digits
    std::string summary;       // "read 1,204 rows for 37 units, from ..."
    std::int64_t units = 0;
    std::int64_t flagged = 0;
    std::string html, json, csv;
    std::string pdf;  // the report to print

    std::optional<std::string> input;  // the file itself, only when the researcher asks
};

class KeptReportRepository {
public:
    virtual ~KeptReportRepository() = default;
    virtual void insert(const KeptReport& report) = 0;
    virtual std::optional<std::int64_t> owner_of(std::int64_t id) = 0;
    virtual bool remove(std::int64_t id) = 0;
    virtual void append(const events::Event& event) = 0;
};

// A filename fit to show and to offer back in a download's name: its last path part, at most
// 120 characters, printable; "referrals.csv" when nothing is left.
std::string shown_filename(std::string_view uploaded);

Result<std::int64_t> keep_report(const KeptReport& report, KeptReportRepository& repository);

struct DeleteReport {
    std::int64_t id = 0;
    std::int64_t account = 0;  // who asks
    bool admin = false;        // an admin may delete anyone's
    Month month = *Month::from(2000, 1);
};
Result<void> delete_report(const DeleteReport& command, KeptReportRepository& repository);

}  // namespace pw::research
