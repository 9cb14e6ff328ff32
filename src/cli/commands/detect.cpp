#include <unistd.h>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <expected>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <tuple>

#include <fmt/format.h>

#include "analytics/detection/detect.hpp"
#include "analytics/referrals/reader.hpp"
#include "analytics/report/report.hpp"
#include "cli/commands/commands.hpp"

namespace pw::cli {
namespace {

constexpr std::size_t kProgressFrom = 64u << 20;  // files this large get a progress line

// The whole file, or why not. A file whose first block holds a NUL byte is not text (a
// spreadsheet's own format, a disk image, /dev/zero): it is refused before the rest is read.
std::expected<std::string, std::string> read_whole(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) return std::unexpected("cannot read " + path);
    std::string text;
    char buffer[1 << 16];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) {
        if (text.empty() && std::memchr(buffer, '\0', n) != nullptr) {
            std::fclose(file);
            return std::unexpected(path + ": this is not a CSV text file (it contains NUL bytes near the start)");
        }
        text.append(buffer, n);
    }
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) return std::unexpected("cannot read " + path);
    return text;
}

// Whether a report could be written at `path`: its folder exists and may be written to.
bool writable(const std::string& path) {
    const auto folder = std::filesystem::path(path).parent_path();
    return access(folder.empty() ? "." : folder.c_str(), W_OK) == 0 && !std::filesystem::is_directory(path);
}

analytics::Progress progress_line(std::size_t size) {
    if (size < kProgressFrom) return {};
    const bool terminal = isatty(STDERR_FILENO) != 0;
    return [terminal](std::size_t done, std::size_t total) {
        std::cerr << fmt::format("reading: {:.0f}% ({} of {} MB){}",
                                 100.0 * static_cast<double>(done) / static_cast<double>(total), done >> 20,
                                 total >> 20, terminal && done < total ? "\r" : "\n")
                  << std::flush;
    };
}

void print_problems(const analytics::ReadReport& read) {
    for (const auto& p : read.problems) std::cerr << "line " << p.line << ": " << p.reason << "\n";
    if (read.rows_rejected > read.problems.size())
        std::cerr << "... and " << read.rows_rejected - read.problems.size() << " more rows with problems\n";
}

std::string text_summary(const analytics::Report& report, const analytics::ReadReport& read) {
    std::string out = read.summary() + "\n";
    if (!report.units.empty())
        out += fmt::format(
            "{} of {} units flagged at a false discovery rate of {:.0f}% (calibrated on {} simulated null units)\n",
            report.flagged, report.units.size(), 100 * report.options.fdr, report.calibration.null_units);
    if (!report.per_unit_not_run.empty()) out += report.per_unit_not_run + "\n";
    std::size_t shown = 0;
    for (const auto& u : report.units) {
        if (shown++ >= 20) break;
        out += fmt::format("{:>3}. {}  {}, q = {}{}\n", shown, u.name, analytics::p_is(u.combined_p),
                           analytics::format_p(u.q_value), u.flagged ? "  FLAGGED" : "");
        for (const auto& t : u.tests)
            if (t.ran && t.p_value < 0.05)
                out += fmt::format("       {}: {}; {}\n", analytics::test_title(t.kind), analytics::p_is(t.p_value),
                                   t.effect_text);
    }
    for (const auto& c : report.providers) {
        if (c.adverse)
            out += fmt::format("{}: adverse shares across providers, chi-square {:.1f} on {} degrees of freedom, {}\n",
                               c.area, c.adverse->statistic, c.adverse->degrees_of_freedom,
                               analytics::p_is(c.adverse->p_value));
        if (c.rate)
            out += fmt::format("{}: referral rates across providers, chi-square {:.1f} on {} degrees of freedom, {}\n",
                               c.area, c.rate->statistic, c.rate->degrees_of_freedom, analytics::p_is(c.rate->p_value));
    }
    return out;
}

}  // namespace

void add_detect(CLI::App& app, int& exit_code) {
    static std::string file, format, out;
    static analytics::DetectOptions options;
    static bool skip_bad_rows = false;
    static std::string from, to;
    auto* cmd = app.add_subcommand("detect", "Test referral data for the patterns a referral quota leaves");
    cmd->add_option("file", file, "CSV file of referral events or counts (see docs/referral-data.md)")->required();
    cmd->add_option("--format", format, "events (one row per referral) or counts (one row per unit and period)")
        ->required()
        ->check(CLI::IsMember({"events", "counts"}));
    cmd->add_option("--out", out,
                    "Write the report to a .html, .json or .csv file (else a summary on standard output)");
    cmd->add_option("--fdr", options.fdr, "False discovery rate at which units are flagged")
        ->check(CLI::Range(0.0001, 0.5));
    cmd->add_option("--seed", options.seed, "Seed for permutations and simulated nulls (same seed, same report)");
    cmd->add_option("--null-units", options.null_units, "Simulated null units for the calibration")
        ->check(CLI::Range(20, 1000000));
    cmd->add_option("--threads", options.threads, "Threads for the per-unit tests")->check(CLI::Range(1, 64));
    cmd->add_flag("--skip-bad-rows", skip_bad_rows, "Report bad rows but go on without them (else they stop the run)");
    cmd->add_option(
        "--from", from,
        "Events: first day of the period every unit is tested over, YYYY-MM-DD (default: the file's first)");
    cmd->add_option("--to", to, "Events: last day of that period, YYYY-MM-DD (default: the file's last)");
    cmd->footer(
        "Exit codes: 0 done, 1 the report could not be written, 2 bad arguments, 3 the file cannot be read or has "
        "bad rows.\n"
        "Example: providerwatch detect referrals.csv --format events --out report.html");
    cmd->callback([&exit_code] {
        if (!out.empty() && !out.ends_with(".html") && !out.ends_with(".json") && !out.ends_with(".csv")) {
            exit_code = report_error("--out must end in .html, .json or .csv", usage);
            return;
        }
        if (!out.empty() && !writable(out)) {
            exit_code = report_error("cannot write " + out + ": its folder does not exist or may not be written to",
                                     usage);
            return;
        }
        if (!std::isfinite(options.fdr)) {  // CLI11's range lets NaN through
            exit_code = report_error("--fdr must be a number from 0.0001 to 0.5", usage);
            return;
        }
        for (auto [text, name, day] :
             {std::tuple{&from, "--from", &options.from}, std::tuple{&to, "--to", &options.to}}) {
            if (text->empty()) continue;
            *day = analytics::parse_day(*text);
            if (!*day) {
                exit_code = report_error(fmt::format("{} must be a real date written YYYY-MM-DD", name), usage);
                return;
            }
        }
        if (options.from && options.to && *options.to < *options.from) {
            exit_code = report_error("--to must not be before --from", usage);
            return;
        }
        if ((options.from || options.to) && format != "events") {
            exit_code = report_error("--from and --to apply to events; a counts file's periods are its own", usage);
            return;
        }
        auto text = read_whole(file);
        if (!text) {
            exit_code = report_error(text.error(), bad_data);
            return;
        }
        analytics::ReadReport read;
        const auto progress = progress_line(text->size());
        auto run = [&](auto parsed) -> std::optional<analytics::Report> {
            if (!parsed) {
                exit_code = report_error(file + ": " + parsed.error().message, bad_data);
                return std::nullopt;
            }
            print_problems(read);
            if (read.rows_rejected > 0 && !skip_bad_rows) {
                exit_code = report_error(fmt::format("{}: {} {} (listed above); fix {}, or pass "
                                                     "--skip-bad-rows to leave {} out",
                                                     file, read.rows_rejected,
                                                     read.rows_rejected == 1 ? "row has a problem" : "rows have problems",
                                                     read.rows_rejected == 1 ? "it" : "them",
                                                     read.rows_rejected == 1 ? "it" : "them"),
                                         bad_data);
                return std::nullopt;
            }
            if (read.rows_read == 0) {
                exit_code = report_error(read.rows_rejected > 0
                                             ? fmt::format("{}: none of its {} rows could be read (the first problems "
                                                           "are listed above)",
                                                           file, read.rows_rejected)
                                             : file + ": the file has a header but no rows",
                                         bad_data);
                return std::nullopt;
            }
            if (!out.empty()) std::cerr << read.summary() << "\n";
            if (progress) std::cerr << "testing " << read.units << " units...\n";
            return analytics::detect(*parsed, options);
        };
        const auto report = format == "events" ? run(analytics::read_events(*text, read, progress))
                                               : run(analytics::read_counts(*text, read, progress));
        if (!report) return;
        if (out.empty()) {
            std::cout << text_summary(*report, read);
            return;
        }
        const std::string body = out.ends_with(".html")   ? analytics::html_document(*report, read)
                                 : out.ends_with(".json") ? analytics::to_json(*report, read)
                                                          : analytics::to_csv(*report);
        std::ofstream stream(out, std::ios::binary | std::ios::trunc);
        stream << body;
        stream.close();
        if (!stream)
            exit_code = report_error("cannot write " + out);
        else
            std::cerr << "wrote " << out << "\n";
    });
}

}  // namespace pw::cli
