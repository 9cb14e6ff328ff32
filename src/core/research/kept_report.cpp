#include "core/research/kept_report.hpp"

#include <algorithm>

#include "core/text/text.hpp"
#include "core/text/unicode.hpp"

namespace pw::research {
namespace {

bool is_hex_digest(std::string_view s) {
    return s.size() == 64 &&
           std::ranges::all_of(s, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

events::Event event(std::string what, std::int64_t id, std::string to, Month month, bool admin = false) {
    return events::Event{std::move(what),
                         "detection_report",
                         id,
                         std::nullopt,
                         std::move(to),
                         admin ? events::ActorRole::admin : events::ActorRole::researcher,
                         month};
}

}  // namespace

std::string shown_filename(std::string_view uploaded) {
    if (const auto slash = uploaded.find_last_of("/\\"); slash != std::string_view::npos)
        uploaded.remove_prefix(slash + 1);
    std::string out;
    for (unsigned char c : uploaded)
        if (c >= 0x20 && c != 0x7f && c != '"') out += static_cast<char>(c);
    if (!text::is_valid_utf8(out)) out.clear();
    // Characters nobody sees are left out: a right-to-left override would show colleagues
    // "abc<RLO>vsc.exe" as "abcexe.csv".
    std::string seen;
    for (std::size_t i = 0; i < out.size();) {
        const auto c = text::code_point_at(out, i);
        if (!text::is_invisible(c.value)) seen.append(out, i, c.bytes);
        i += c.bytes;
    }
    out = std::move(seen);
    if (out.size() > 120) {  // cut before a character, never inside one
        std::size_t end = 120;
        while (end > 0 && (static_cast<unsigned char>(out[end]) & 0xc0) == 0x80) --end;
        out.resize(end);
    }
    return out.empty() ? "referrals.csv" : out;
}

Result<std::int64_t> keep_report(const KeptReport& report, KeptReportRepository& repository) {
    if (report.id <= 0 || report.owner <= 0)
        return fail(ErrorKind::invalid_input, "The report could not be kept.", "no id or owner");
    if (report.input_kind != "events" && report.input_kind != "counts")
        return fail(ErrorKind::invalid_input, "The report could not be kept.", "input kind " + report.input_kind);
    if (!is_hex_digest(report.input_sha256))
        return fail(ErrorKind::invalid_input, "The report could not be kept.", "not a SHA-256 digest");
    if (report.json.empty() || report.csv.empty() || report.html.empty())
        return fail(ErrorKind::invalid_input, "The report could not be kept.", "a form of the report is empty");
    repository.insert(report);
    repository.append(event("detection_report.kept", report.id, "kept", report.month));
    return report.id;
}

Result<void> delete_report(const DeleteReport& command, KeptReportRepository& repository) {
    const auto owner = repository.owner_of(command.id);
    if (!owner) return fail(ErrorKind::not_found, "There is no such report: it may have been deleted.");
    if (*owner != command.account && !command.admin)
        return fail(ErrorKind::forbidden, "Only the researcher who made this report can delete it.",
                    "delete asked by another account");
    if (!repository.remove(command.id))
        return fail(ErrorKind::not_found, "There is no such report: it may have been deleted.");
    repository.append(event("detection_report.deleted", command.id, "deleted", command.month, command.admin));
    return {};
}

}  // namespace pw::research
