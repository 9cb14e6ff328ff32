#include "store/standards/standards.hpp"

#include <cmath>

#include "core/standards/evidence.hpp"
#include "store/events/events.hpp"
#include "store/row.hpp"
#include "store/standards/award.hpp"

namespace pw::store {

namespace {

// Settings as whole units: hundredths of a star, tenths of a complaint, percent.
struct Stored {
    long long stars = 0;
    long long complaints = 0;
    long long answered = 0;
    long long agree = 0;
    long long recover = 0;
};

Stored stored(const standards::Standards& s) {
    return {std::llround(s.minimum_stars * 100), std::llround(s.maximum_complaints_per_100 * 10),
            std::llround(s.minimum_answered_share * 100), s.publications_to_agree, s.publications_to_recover};
}

standards::Standards from(const Stored& v) {
    standards::Standards s;
    s.minimum_stars = static_cast<double>(v.stars) / 100;
    s.maximum_complaints_per_100 = static_cast<double>(v.complaints) / 10;
    s.minimum_answered_share = static_cast<double>(v.answered) / 100;
    s.publications_to_agree = static_cast<int>(v.agree);
    s.publications_to_recover = static_cast<int>(v.recover);
    return s;
}

std::optional<standards::Standards> read(soci::session& s, const std::string& table, const std::string& where) {
    Stored v;
    s << "SELECT minimum_stars_hundredths, maximum_complaints_tenths, minimum_answered_percent, publications_to_agree, "
         "publications_to_recover FROM " +
             table + " WHERE " + where,
        soci::into(v.stars), soci::into(v.complaints), soci::into(v.answered), soci::into(v.agree),
        soci::into(v.recover);
    if (!s.got_data()) return std::nullopt;
    return from(v);
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        auto end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

}  // namespace

standards::Standards load_standards(soci::session& s) {
    return read(s, "standards_settings", "id = 1").value_or(standards::Standards{});
}

void save_standards(soci::session& s, const standards::Standards& standards, Month month) {
    const auto v = stored(standards);
    s << "DELETE FROM standards_settings WHERE id = 1";
    s << "INSERT INTO standards_settings (id, minimum_stars_hundredths, maximum_complaints_tenths, "
         "minimum_answered_percent, publications_to_agree, publications_to_recover) VALUES (1, :a, :b, :c, :d, :e)",
        soci::use(v.stars), soci::use(v.complaints), soci::use(v.answered), soci::use(v.agree), soci::use(v.recover);
    append_event(s, events::Event{"standards.changed", "standards", std::nullopt, std::nullopt, std::nullopt,
                                  events::ActorRole::admin, month});
}

void store_provider_statuses(soci::session& s, const publication::Snapshot& snapshot,
                             const std::vector<std::int64_t>& providers) {
    const auto standards = load_standards(s);
    const long long id = snapshot.info().id;
    // Each provider's standing after the last publication before this one.
    std::map<std::int64_t, standards::Standing> before;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT provider_id, published, assessed, agreeing, recovery, meeting FROM provider_status "
                      "WHERE snapshot_id = (SELECT MAX(snapshot_id) FROM provider_status WHERE snapshot_id < :id)",
         soci::use(id));
    for (const auto& row : rows) {
        standards::Standing st;
        st.published = standards::status_from(get_text(row, 1)).value_or(standards::Status::not_enough_ratings);
        st.assessed = standards::status_from(get_text(row, 2)).value_or(standards::Status::not_enough_ratings);
        st.agreeing = static_cast<int>(get_int(row, 3));
        st.recovery = get_int(row, 4) != 0;
        st.meeting = static_cast<int>(get_int(row, 5));
        before[get_int(row, 0)] = st;
    }
    for (const auto& status : standards::assess_providers(snapshot, providers, before, standards)) {
        const long long provider = status.provider_id;
        const std::string published(standards::status_name(status.standing.published));
        const std::string assessed(standards::status_name(status.standing.assessed));
        const long long agreeing = status.standing.agreeing;
        const int recovery = status.standing.recovery ? 1 : 0;
        const long long meeting = status.standing.meeting;
        const auto reasons = joined(status.reasons);
        s << "INSERT INTO provider_status (snapshot_id, provider_id, published, assessed, agreeing, recovery, meeting, "
             "reasons) VALUES (:s, :p, :pub, :a, :g, :r, :m, :why)",
            soci::use(id), soci::use(provider), soci::use(published), soci::use(assessed), soci::use(agreeing),
            soci::use(recovery), soci::use(meeting), soci::use(reasons);
    }
    const auto v = stored(standards);
    s << "INSERT INTO snapshot_standards (snapshot_id, minimum_stars_hundredths, maximum_complaints_tenths, "
         "minimum_answered_percent, publications_to_agree, publications_to_recover) VALUES (:id, :a, :b, :c, :d, :e)",
        soci::use(id), soci::use(v.stars), soci::use(v.complaints), soci::use(v.answered), soci::use(v.agree),
        soci::use(v.recover);
}

publication::StandardsFigures load_standards_figures(soci::session& s, std::int64_t snapshot_id) {
    publication::StandardsFigures out;
    const long long id = snapshot_id;
    out.in_force =
        read(s, "snapshot_standards", "snapshot_id = " + std::to_string(id)).value_or(standards::Standards{});
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT ps.provider_id, ps.published, ps.assessed, ps.agreeing, ps.recovery, ps.meeting, "
                      "ps.reasons, ps.snapshot_id, sn.period FROM provider_status ps JOIN snapshots sn ON sn.id = "
                      "ps.snapshot_id WHERE ps.snapshot_id <= :id ORDER BY ps.snapshot_id",
         soci::use(id));
    for (const auto& row : rows) {
        const auto provider = get_int(row, 0);
        const auto published = standards::status_from(get_text(row, 1)).value_or(standards::Status::not_enough_ratings);
        const auto assessed = standards::status_from(get_text(row, 2)).value_or(standards::Status::not_enough_ratings);
        if (const auto period = Month::parse(get_text(row, 8))) {
            out.history[provider].push_back({*period, published, assessed});
        }
        if (get_int(row, 7) != id) continue;
        standards::ProviderStatus status;
        status.provider_id = provider;
        status.standing.published = published;
        status.standing.assessed = assessed;
        status.standing.agreeing = static_cast<int>(get_int(row, 3));
        status.standing.recovery = get_int(row, 4) != 0;
        status.standing.meeting = static_cast<int>(get_int(row, 5));
        status.reasons = lines_of(get_text(row, 6));
        out.statuses[provider] = std::move(status);
    }
    soci::rowset<soci::row> holds =
        (s.prepare
             << "SELECT provider_id, month, state, why FROM snapshot_holds WHERE snapshot_id = :id ORDER BY month",
         soci::use(id));
    for (const auto& row : holds) {
        out.holds[get_int(row, 0)].push_back({known(Month::parse(get_text(row, 1)), "month"),
                                              known(standards::hold_state_from(get_text(row, 2)), "hold state"),
                                              get_text(row, 3)});
    }
    out.awards = load_awards(s, snapshot_id);
    return out;
}

}  // namespace pw::store
