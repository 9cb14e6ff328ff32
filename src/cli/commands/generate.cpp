// providerwatch generate: a seeded synthetic programme, with ratings, published stories, complaints and
// suggestions, written through the same store code and commands as the site, for benchmarks and
// demonstrations.
#include <chrono>
#include <cmath>
#include <iostream>
#include <random>

#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/commands/common.hpp"
#include "core/publication/structure.hpp"
#include "store/complaints/complaints.hpp"
#include "store/publication/publication.hpp"
#include "store/ratings/ratings.hpp"
#include "store/registry/import.hpp"
#include "store/stories/story_repository.hpp"
#include "store/suggestions/suggestion_repository.hpp"

namespace pw::cli {

namespace {

struct GenerateArgs {
    std::string db_url;
    int contracts = 40;
    int subcontractors = 400;
    int offices = 2000;
    long long ratings = 1'000'000;
    long long stories = 50'000;
    long long complaints = 25'000;
    long long suggestions = 25'000;
    unsigned seed = 1;
    std::string now;
};

constexpr const char* kProgramme = "Generated programme";
constexpr const char* kSource = "synthetic: providerwatch generate";
constexpr std::array<std::pair<const char*, const char*>, 12> kTowns{{{"Leeds", "LS1"},
                                                                      {"Bradford", "BD1"},
                                                                      {"Sheffield", "S1"},
                                                                      {"Manchester", "M1"},
                                                                      {"Liverpool", "L1"},
                                                                      {"Newcastle", "NE1"},
                                                                      {"Birmingham", "B1"},
                                                                      {"Bristol", "BS1"},
                                                                      {"Cardiff", "CF10"},
                                                                      {"Glasgow", "G1"},
                                                                      {"Norwich", "NR1"},
                                                                      {"Plymouth", "PL1"}}};

// Contract i sits in area i mod A and goes to a different prime each time round the areas, so
// no prime holds two contracts in one area.
struct Layout {
    int areas = 1;
    std::vector<std::pair<int, int>> contracts;  // (area, prime), from 0
};

Layout layout(int contracts) {
    Layout out;
    out.areas = std::max(1, (contracts * 18 + 39) / 40);
    for (int i = 0; i < contracts; ++i)
        out.contracts.emplace_back(i % out.areas, (i % out.areas + i / out.areas) % out.areas);
    return out;
}

std::string prime_name(int prime) {
    return fmt::format("Generated Prime {:02}", prime + 1);
}
std::string sub_name(int sub) {
    return fmt::format("Generated Sub-contractor {:04}", sub + 1);
}

Result<void> import_registry_rows(store::Database& db, const GenerateArgs& args, const Layout& shape, Month month) {
    const store::ImportOptions options{false, month};
    registry::Checked<registry::ContractRow> contracts;
    std::size_t line = 2;
    for (const auto& [area, prime] : shape.contracts) {
        contracts.rows.push_back({line++, kProgramme, *registry::area_code(std::to_string(area + 1)),
                                  fmt::format("Generated Area {:02}", area + 1), prime_name(prime), "", kSource});
    }
    registry::Checked<registry::SubcontractRow> subs;
    line = 2;
    for (int j = 0; j < args.subcontractors; ++j) {
        const auto& [area, prime] = shape.contracts[static_cast<std::size_t>(j) % shape.contracts.size()];
        subs.rows.push_back({line++, kProgramme, *registry::area_code(std::to_string(area + 1)), prime_name(prime),
                             sub_name(j), kSource});
    }
    registry::Checked<registry::OfficeRow> offices;
    line = 2;
    for (int k = 0; k < args.offices; ++k) {
        // One office in five is a prime's own; the rest belong to sub-contractors.
        const bool prime_office = args.subcontractors == 0 || k % 5 == 0;
        const auto provider = prime_office ? prime_name(k / 5 % shape.areas) : sub_name(k % args.subcontractors);
        const auto& [town, district] = kTowns[static_cast<std::size_t>(k) % kTowns.size()];
        offices.rows.push_back({line++, provider, fmt::format("Office {:04}", k + 1), town, district, kSource});
    }
    auto report = [](const store::ImportResult& result, const char* what) -> Result<void> {
        if (result) return {};
        return fail(ErrorKind::invalid_input, fmt::format("generated {} were refused: {}", what,
                                                          result.error().empty() ? "" : result.error().front().reason));
    };
    if (auto r = report(store::import_registry(db, contracts, options), "contracts"); !r) return r;
    if (auto r = report(store::import_subcontracts(db, subs, options), "sub-contractors"); !r) return r;
    return report(store::import_offices(db, offices, options), "offices");
}

ratings::Stars stars_near(double mean, std::mt19937_64& rng) {
    std::normal_distribution<double> spread(mean, 1.1);
    return *ratings::Stars::from(static_cast<int>(std::clamp(std::lround(spread(rng)), 1L, 5L)));
}

constexpr std::array kOpenings{"My adviser", "The staff at the office", "The person on reception", "My work coach"};
constexpr std::array kMiddles{"listened and helped me with my CV", "never called me back about the course",
                              "paid my travel on the day",         "told me I would be sanctioned if I was late",
                              "found me a placement near home",    "kept moving my appointments"};
constexpr std::array kEndings{"I would recommend them.", "It was a waste of time.", "It got better after a while.",
                              "Nobody explained what they were meant to provide."};

// Ratings over the leaves publication counts, months spread over the last year before `now`;
// each provider has a quality of its own, and some leaves are far busier than others.
void write_ratings(store::Database& db, const std::vector<publication::Leaf>& leaves, const GenerateArgs& args,
                   Month now, std::mt19937_64& rng) {
    if (leaves.empty()) return;
    auto s = db.session();
    store::SociRatingRepository rating_repo(s);
    store::SociStoryRepository story_repo(s);
    std::map<std::int64_t, double> quality;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (const auto& leaf : leaves) {
        if (!quality.contains(leaf.provider_id)) quality[leaf.provider_id] = 1.8 + 2.4 * unit(rng);
    }
    std::uniform_int_distribution<int> month_back(1, 12);
    std::uniform_int_distribution<int> group(0, static_cast<int>(ratings::kPaymentGroups.size()));
    constexpr long long kBatch = 20'000;
    for (long long done = 0; done < args.ratings;) {
        soci::transaction tr(s);
        for (long long i = 0; i < kBatch && done < args.ratings; ++i, ++done) {
            const auto& leaf =
                leaves[static_cast<std::size_t>(std::pow(unit(rng), 1.5) * static_cast<double>(leaves.size()))];
            const auto overall = stars_near(quality[leaf.provider_id], rng);
            store::RatingRecord r{leaf.provider_id,
                                  leaf.office_id ? std::optional(leaf.office_id) : std::nullopt,
                                  *now.plus(-month_back(rng)),
                                  overall,
                                  {},
                                  std::nullopt,
                                  std::nullopt,
                                  leaf.area_id ? std::optional(leaf.area_id) : std::nullopt};
            for (auto& aspect : r.aspects) {
                if (unit(rng) < 0.6) aspect = stars_near(overall.value(), rng);
            }
            const int g = group(rng);
            if (g < static_cast<int>(ratings::kPaymentGroups.size())) r.payment_group = ratings::kPaymentGroups[g];
            if (auto saved = ratings::submit_rating({r, std::nullopt, std::nullopt}, rating_repo, story_repo); !saved) {
                throw std::runtime_error(saved.error().detail);
            }
        }
        tr.commit();
        if (done % 100'000 < kBatch) std::cerr << "generate: " << done << " ratings written\n";
    }
}

void write_stories(store::Database& db, const std::vector<publication::Leaf>& leaves, const GenerateArgs& args,
                   Month now, std::mt19937_64& rng) {
    if (leaves.empty()) return;
    auto s = db.session();
    store::SociStoryRepository repo(s);
    std::uniform_int_distribution<std::size_t> pick_leaf(0, leaves.size() - 1);
    std::uniform_int_distribution<int> month_back(1, 12);
    constexpr long long kBatch = 10'000;
    for (long long done = 0; done < args.stories;) {
        soci::transaction tr(s);
        for (long long i = 0; i < kBatch && done < args.stories; ++i, ++done) {
            const auto& leaf = leaves[pick_leaf(rng)];
            const auto month = *now.plus(-month_back(rng));
            const auto body = fmt::format("{} {}. {}", kOpenings[rng() % kOpenings.size()],
                                          kMiddles[rng() % kMiddles.size()], kEndings[rng() % kEndings.size()]);
            const auto id =
                stories::tell_story({leaf.provider_id, leaf.office_id ? std::optional(leaf.office_id) : std::nullopt,
                                     std::nullopt, std::nullopt, month, redaction::redact_text(body)},
                                    repo);
            auto ok = id ? stories::approve_story({*id, month}, repo) : without_value(id);
            if (!ok) throw std::runtime_error(ok.error().detail);
        }
        tr.commit();
    }
}

// A day of a month back from `now`, and its ISO week: complaints and suggestions keep the week.
struct When {
    Month month;
    Week week;
};
When some_day(Month now, std::mt19937_64& rng) {
    const auto month = *now.plus(-static_cast<int>(1 + rng() % 12));
    const auto day = std::chrono::year{month.year()} / std::chrono::month{static_cast<unsigned>(month.month())} /
                     std::chrono::day{static_cast<unsigned>(1 + rng() % 28)};
    return {month, Week::of(day)};
}

// Official complaints through the same commands as the site: drafted under a codename (a made-up
// hash: nobody will type it), most sent, half of those answered, some taken to the ICE.
void write_complaints(store::Database& db, const std::vector<publication::Leaf>& leaves, const GenerateArgs& args,
                      Month now, std::mt19937_64& rng) {
    if (leaves.empty()) return;
    auto s = db.session();
    store::SociComplaintRepository repo(s);
    constexpr long long kBatch = 5'000;
    for (long long done = 0; done < args.complaints;) {
        soci::transaction tr(s);
        for (long long i = 0; i < kBatch && done < args.complaints; ++i, ++done) {
            const auto& leaf = leaves[rng() % leaves.size()];
            const auto when = some_day(now, rng);
            complaints::NewComplaint c{leaf.provider_id,
                                       std::nullopt,
                                       std::nullopt,
                                       complaints::Category::other,
                                       redaction::redact_text("I was not seen for months."),
                                       redaction::redact_text("An appointment every month."),
                                       when.week,
                                       when.month};
            const auto id =
                complaints::draft_complaint({c, codenames::HashedCodename{static_cast<std::int64_t>(rng() % (1 << 20)),
                                                                          "generated"}},  // 20 bits, as real ones
                                            repo);
            if (!id) throw std::runtime_error(id.error().detail);
            const auto codename = repo.complaint(*id)->codename_id;
            const auto roll = rng() % 100;
            const auto step = [&](complaints::ComplaintState to) {
                auto r = complaints::step_complaint({*id, codename, to, when.week, when.month}, repo);
                if (!r) throw std::runtime_error(r.error().detail);
            };
            if (roll < 80) step(complaints::ComplaintState::sent);
            if (roll < 40) {
                auto r = complaints::answer_complaint({*id,
                                                       {leaf.provider_id},
                                                       complaints::ComplaintState::final_response,
                                                       redaction::redact_text("We have arranged monthly appointments."),
                                                       when.week,
                                                       when.month},
                                                      repo);
                if (!r) throw std::runtime_error(r.error().detail);
            }
            if (roll < 8) step(complaints::ComplaintState::taken_to_ice);
        }
        tr.commit();
    }
    // Made under no deployment's key: a server may start without the secrets file that would
    // otherwise have to exist for them (serve refuses to lose keyed codenames).
    s << "UPDATE codenames SET keyed = 0 WHERE hash = 'generated'";
}

// Suggestions, published by a moderator; providers answer most, make some changes, decline some.
void write_suggestions(store::Database& db, const std::vector<publication::Leaf>& leaves, const GenerateArgs& args,
                       Month now, std::mt19937_64& rng) {
    if (leaves.empty()) return;
    auto s = db.session();
    store::SociSuggestionRepository repo(s);
    constexpr long long kBatch = 5'000;
    using suggestions::SuggestionState;
    // The providers' answers need an account to be from: one that can never sign in.
    long long account = 0;
    const std::string month = now.to_string();
    s << "INSERT INTO accounts (username, password_hash, role, created_month, disabled) VALUES "
         "('generated answers', '!', 'admin', :m, 1) RETURNING id",
        soci::use(month), soci::into(account);
    for (long long done = 0; done < args.suggestions;) {
        soci::transaction tr(s);
        for (long long i = 0; i < kBatch && done < args.suggestions; ++i, ++done) {
            const auto& leaf = leaves[rng() % leaves.size()];
            const auto when = some_day(now, rng);
            const auto check = [](const auto& r) {
                if (!r) throw std::runtime_error(r.error().detail);
            };
            const auto id =
                suggestions::suggest({{leaf.provider_id, std::nullopt, std::nullopt, when.week, when.month,
                                       redaction::redact_text("Let people book appointments by text message.")},
                                      std::nullopt},
                                     repo);
            check(id);
            check(suggestions::review_suggestion({*id, true, std::nullopt, when.month, when.week}, repo));
            const auto roll = rng() % 100;
            const auto answer = [&](SuggestionState to, const char* note) {
                check(suggestions::answer_suggestion({*id,
                                                      account,
                                                      {leaf.provider_id},
                                                      to,
                                                      note ? std::optional(redaction::redact_text(note)) : std::nullopt,
                                                      when.week,
                                                      when.month},
                                                     repo));
            };
            if (roll < 70) answer(SuggestionState::under_consideration, nullptr);
            if (roll < 30) answer(SuggestionState::planned, nullptr);
            if (roll < 20) answer(SuggestionState::implemented, "Appointments can now be booked by text.");
            if (roll >= 30 && roll < 40) answer(SuggestionState::declined, "Our phones cannot send texts yet.");
        }
        tr.commit();
    }
}

int run_generate(const GenerateArgs& args) {
    Month now = current_month();
    if (!args.now.empty()) {
        auto parsed = Month::parse(args.now);
        if (!parsed) return report_error("--now must be a month like 2026-11", usage);
        now = *parsed;
    }
    if (args.contracts < 1 || args.contracts > 18 * 18) return report_error("--contracts must be 1 to 324", usage);
    auto db = open_current_database(args.db_url);
    if (!db) return store::parse_database_url(args.db_url) ? failure : usage;
    const auto started = std::chrono::steady_clock::now();
    try {
        std::mt19937_64 rng(args.seed);
        if (auto imported = import_registry_rows(*db, args, layout(args.contracts), now); !imported) {
            return report_error(imported.error().message, bad_data);
        }
        const auto leaves = [&] {
            auto s = db->session();
            return publication::Structure(store::registry_shape(s)).rating_leaves();
        }();
        write_ratings(*db, leaves, args, now, rng);
        write_stories(*db, leaves, args, now, rng);
        write_complaints(*db, leaves, args, now, rng);
        write_suggestions(*db, leaves, args, now, rng);
    } catch (const std::exception& e) {
        return report_error("generate failed: " + store::describe(e));
    }
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << fmt::format(
        "generated {} contracts, {} sub-contractors, {} offices, {} ratings, {} published stories, {} complaints and "
        "{} suggestions over the 12 months before {} (seed {}) in {:.1f} s\n",
        args.contracts, args.subcontractors, args.offices, args.ratings, args.stories, args.complaints,
        args.suggestions, now.label(), args.seed, seconds);
    return ok;
}

}  // namespace

void add_generate(CLI::App& app, int& exit_code) {
    static GenerateArgs args;
    auto* cmd = app.add_subcommand(
        "generate", "Write a seeded synthetic programme, ratings and stories (benchmarks and demonstrations)");
    cmd->add_option("--db", args.db_url, "Database: a SQLite file path or postgresql://... (migrated)")->required();
    cmd->add_option("--contracts", args.contracts, "Prime contracts, over about 18 areas for 40")
        ->capture_default_str();
    cmd->add_option("--subcontractors", args.subcontractors, "Sub-contractors, each under one contract")
        ->capture_default_str()
        ->check(CLI::Range(0, 1'000'000));
    cmd->add_option("--offices", args.offices, "Offices: one in five a prime's, the rest sub-contractors'")
        ->capture_default_str()
        ->check(CLI::Range(0, 1'000'000));
    cmd->add_option("--ratings", args.ratings, "Ratings, spread over the 12 months before --now")
        ->capture_default_str()
        ->check(CLI::Range(0LL, 100'000'000LL));
    cmd->add_option("--stories", args.stories, "Published stories")
        ->capture_default_str()
        ->check(CLI::Range(0LL, 10'000'000LL));
    cmd->add_option("--complaints", args.complaints, "Official complaints, most sent and some answered")
        ->capture_default_str()
        ->check(CLI::Range(0LL, 10'000'000LL));
    cmd->add_option("--suggestions", args.suggestions, "Published suggestions, most answered")
        ->capture_default_str()
        ->check(CLI::Range(0LL, 10'000'000LL));
    cmd->add_option("--seed", args.seed, "The same seed writes the same data")->capture_default_str();
    cmd->add_option("--now", args.now, "The month (YYYY-MM) the data leads up to; default this month");
    cmd->footer("Adds to the database's registry: run it on a freshly migrated database.");
    cmd->callback([&exit_code] { exit_code = run_generate(args); });
}

}  // namespace pw::cli
