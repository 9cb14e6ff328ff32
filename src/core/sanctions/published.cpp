#include "core/sanctions/published.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace pw::sanctions {

namespace {
constexpr std::array kFigureColumns{
    csv::Column{"metric", true, 200}, csv::Column{"value", true, 100},   csv::Column{"unit", true, 200},
    csv::Column{"period", true, 100}, csv::Column{"source", true, 1000},
};
constexpr std::array kProviderColumns{
    csv::Column{"provider", true, 200},         csv::Column{"scope", true, 200},
    csv::Column{"period", true, 100},           csv::Column{"referrals_for_sanction", true, 20},
    csv::Column{"sanctions_applied", true, 20}, csv::Column{"adverse_share", false, 20},
    csv::Column{"source", true, 1000},
};

std::optional<long long> count(const std::string& s) {
    long long v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || ptr != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}
}  // namespace

csv::Checked<PublishedFigure> check_published_figures(const std::vector<csv::Row>& rows) {
    return csv::check_rows<PublishedFigure>(
        kFigureColumns, rows,
        [](std::size_t line, const std::vector<std::string>& f) -> std::expected<PublishedFigure, std::string> {
            return PublishedFigure{line, f[0], f[1], f[2], f[3], f[4]};
        });
}

csv::Checked<ProviderSanctions> check_provider_sanctions(const std::vector<csv::Row>& rows) {
    return csv::check_rows<ProviderSanctions>(
        kProviderColumns, rows,
        [](std::size_t line, const std::vector<std::string>& f) -> std::expected<ProviderSanctions, std::string> {
            auto referrals = count(f[3]);
            auto sanctions = count(f[4]);
            if (!referrals || *referrals == 0) {
                return std::unexpected("referrals_for_sanction: must be a whole number above 0");
            }
            if (!sanctions || *sanctions > *referrals) {
                return std::unexpected("sanctions_applied: must be a whole number no larger than the referrals");
            }
            if (!f[5].empty()) {
                double share = 0;
                auto [ptr, ec] = std::from_chars(f[5].data(), f[5].data() + f[5].size(), share);
                const double actual = static_cast<double>(*sanctions) / static_cast<double>(*referrals);
                if (ec != std::errc{} || ptr != f[5].data() + f[5].size() || std::abs(share - actual) > 0.001) {
                    return std::unexpected(fmt::format("adverse_share: {} does not match {} / {} = {:.3f}", f[5],
                                                       *sanctions, *referrals, actual));
                }
            }
            return ProviderSanctions{line, f[0], f[1], f[2], *referrals, *sanctions, f[6]};
        });
}

}  // namespace pw::sanctions
