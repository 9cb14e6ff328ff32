#pragma once
// Sanction cases logged by participants, held under their codename.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/common/month.hpp"
#include "core/sanctions/case_form.hpp"
#include "core/sanctions/commands.hpp"
#include "core/sanctions/lifecycle.hpp"
#include "store/database.hpp"

namespace pw::store {

struct CaseRow {
    std::int64_t id = 0;
    std::string referrer;  // provider name, or "Jobcentre Plus"
    std::string month;
    sanctions::Reason reason = sanctions::Reason::other;
    sanctions::GoodReason good_reason = sanctions::GoodReason::none;
    sanctions::Benefit benefit = sanctions::Benefit::jsa;
    sanctions::CaseState state = sanctions::CaseState::referred;
    std::string decision_month;
    std::optional<sanctions::Level> level;
    std::optional<int> previous_sanctions;
    sanctions::Hardship hardship = sanctions::Hardship::not_applied;
};

std::vector<CaseRow> cases_for(Database& db, std::int64_t codename_id);
std::optional<CaseRow> find_case(Database& db, std::int64_t case_id, std::int64_t codename_id);

// The sanction-case commands' repository (core/sanctions/commands.hpp), inside the caller's
// transaction (the writer's).
class SociCaseRepository final : public sanctions::CaseRepository {
public:
    explicit SociCaseRepository(soci::session& s) : s_(s) {}
    std::int64_t insert_codename(const codenames::HashedCodename& codename, Month month) override;
    std::int64_t insert_case(const sanctions::CaseAnswers& answers, std::int64_t codename_id) override;
    std::optional<sanctions::CaseState> state_of(std::int64_t case_id, std::int64_t codename_id) override;
    bool move(std::int64_t case_id, sanctions::CaseState from, sanctions::CaseState to,
              std::optional<Month> decision_month) override;
    bool set_details(std::int64_t case_id, sanctions::CaseState state, sanctions::Level level, int previous,
                     sanctions::Hardship hardship) override;
    void append(const events::Event& event) override;

private:
    soci::session& s_;
};

// Self-reported figures for a provider's page: cases logged, decided against the person,
// overturned, and logged by reason.
struct CaseFigures {
    long long logged = 0;
    long long decided = 0;     // any decision recorded
    long long adverse = 0;     // decided against the person (whatever happened later)
    long long overturned = 0;  // at reconsideration or appeal
    std::vector<std::pair<sanctions::Reason, long long>> by_reason;
};
CaseFigures case_figures(Database& db, std::int64_t provider_id);
// The same for every referrer with cases logged (Jobcentre Plus included), by name.
std::vector<std::pair<std::string, CaseFigures>> case_figures_by_referrer(Database& db);

std::vector<std::pair<std::int64_t, std::string>> all_providers(Database& db);
// Offices as "Office, town (Provider)", for choosing a referrer.
std::vector<std::pair<std::int64_t, std::string>> all_offices(Database& db);

}  // namespace pw::store
