#include "web/staff_reports/views.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/stories/story.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

using namespace staff_reports;

std::string moderated_report_path(std::int64_t id) {
    return fmt::format("/moderate/staff-reports/{}", id);
}

std::vector<registry::ProviderRef> all_primes(registry::RegistryRepository& registry) {
    std::vector<registry::ProviderRef> primes;
    std::set<std::int64_t> seen;
    for (const auto& area : registry.list_areas()) {
        for (const auto& prime : area.primes) {
            if (seen.insert(prime.id.value).second) primes.push_back(prime);
        }
    }
    std::ranges::sort(primes, {}, &registry::ProviderRef::name);
    return primes;
}

std::optional<PrimeChoices> prime_choices(registry::RegistryRepository& registry, std::int64_t id) {
    const auto prime = registry.find_provider(ProviderId{id});
    if (!prime || !prime->is_prime()) return std::nullopt;
    PrimeChoices choices;
    choices.prime = prime->provider;
    std::set<std::int64_t> seen;
    for (const auto& area : registry.list_areas()) {
        if (std::ranges::none_of(area.primes, [&](const auto& p) { return p.id.value == id; })) continue;
        const auto detail = registry.find_area(area.area.id);
        if (!detail) continue;
        for (const auto& contract : detail->contracts) {
            if (contract.prime.id.value != id) continue;
            for (const auto& sub : contract.subcontractors) {
                if (sub.id.value != id && seen.insert(sub.id.value).second) choices.subcontractors.push_back(sub);
            }
        }
    }
    std::ranges::sort(choices.subcontractors, {}, &registry::ProviderRef::name);
    const auto add_offices = [&](const registry::ProviderDetail& provider) {
        for (const auto& office : provider.offices) {
            choices.offices.push_back({office.id,
                                       fmt::format("{}, {} ({})", office.name, office.town, provider.provider.name),
                                       provider.provider.id.value});
        }
    };
    add_offices(*prime);
    for (const auto& sub : choices.subcontractors) {
        if (const auto detail = registry.find_provider(sub.id)) add_offices(*detail);
    }
    return choices;
}

FactNames PrimeChoices::names(const ReportFacts& facts) const {
    FactNames out{prime.name, {}, {}};
    for (const auto& sub : subcontractors)
        if (facts.provider_id && sub.id.value == *facts.provider_id) out.provider = sub.name;
    for (const auto& office : offices)
        if (facts.office_id && office.id.value == *facts.office_id) out.office = office.label;
    return out;
}

namespace {

std::optional<std::int64_t> chosen(const FormFields& form, std::string_view name, const auto& items,
                                   std::vector<FieldError>& errors, const char* message) {
    const auto typed = field(form, name);
    if (typed.empty()) return std::nullopt;
    const auto id = parse_id(typed);
    if (id && std::ranges::any_of(items, [&](const auto& item) { return item.id.value == *id; })) return *id;
    errors.push_back({std::string(name), message});
    return std::nullopt;
}

}  // namespace

ParsedReport parse_report(const PrimeChoices& choices, const FormFields& form, Month now) {
    ParsedReport out;
    auto& facts = out.facts;
    auto& errors = out.errors;
    facts.prime_id = choices.prime.id.value;
    facts.provider_id =
        chosen(form, "provider", choices.subcontractors, errors, "Select one of this prime's sub-contractors, or none");
    facts.office_id = chosen(form, "office", choices.offices, errors, "Select one of the offices listed, or none");
    if (facts.office_id && facts.provider_id) {
        const auto office =
            std::ranges::find_if(choices.offices, [&](const auto& o) { return o.id.value == *facts.office_id; });
        if (office->provider_id != *facts.provider_id)
            errors.push_back({"office", "Select an office of the sub-contractor you chose, or none"});
    }
    if (const auto role = role_from(field(form, "role")))
        facts.role = *role;
    else
        errors.push_back({"role", "Select your role"});
    for (const auto pressure : kPressures) {
        if (field(form, "pressure_" + std::string(pressure_name(pressure))) == "yes")
            facts.pressures |= static_cast<unsigned>(pressure);
    }
    const auto month = parse_id(field(form, "started_month"));
    const auto year = parse_id(field(form, "started_year"));
    const auto started = month && year && *month <= 12 && *year <= 9999
                             ? Month::from(static_cast<int>(*year), static_cast<int>(*month))
                             : std::nullopt;
    if (started)
        facts.started = *started;
    else
        errors.push_back({"started", "Enter the month and year it started, like 3 2026"});
    const auto continuing = field(form, "continuing");
    if (continuing == "yes" || continuing == "no")
        facts.continuing = continuing == "yes";
    else
        errors.push_back({"continuing", "Say whether it is still going on"});
    if (facts.pressures == 0) errors.push_back({"pressures", "Select at least one kind of pressure"});
    if (started && facts.pressures != 0) {
        if (auto checked = check_facts(facts, now); !checked) errors.push_back({"started", checked.error().message});
    }
    auto text = stories::check_text_within(field(form, "text"), "What happened", kMaxReportText);
    if (text)
        out.text = std::move(*text);
    else
        errors.push_back({"text", text.error().message});
    return out;
}

std::string report_summary(registry::RegistryRepository& registry, const store::StaffReportRow& report,
                           const crypto::KeyPair& keys, Reader reader) {
    const auto details = crypto::open_sealed(
        keys, reader == Reader::reporter ? report.details.for_reporter : report.details.for_moderators);
    const auto facts = details ? with_details(report.facts, *details) : std::nullopt;
    if (!facts) return "The details of this report could not be opened.";
    FactNames names{report.prime_name, {}, {}};
    if (facts->provider_id) {
        if (const auto provider = registry.find_provider_ref(ProviderId{*facts->provider_id}))
            names.provider = provider->name;
    }
    if (facts->office_id) {
        if (const auto office = registry.find_office(OfficeId{*facts->office_id}))
            names.office = fmt::format("{}, {}", office->office.name, office->office.town);
    }
    return facts_summary(*facts, names);
}

std::string facts_summary(const ReportFacts& facts, const FactNames& names) {
    std::string where = names.prime;
    if (!names.provider.empty() && !names.office.empty())
        where += fmt::format(" (sub-contractor {}, office {})", names.provider, names.office);
    else if (!names.provider.empty())
        where += fmt::format(" (sub-contractor {})", names.provider);
    else if (!names.office.empty())
        where += fmt::format(" (office {})", names.office);
    std::string kinds;
    for (const auto pressure : kPressures) {
        if ((facts.pressures & static_cast<unsigned>(pressure)) == 0) continue;
        kinds += (kinds.empty() ? "" : "; ") + std::string(pressure_label(pressure));
    }
    return fmt::format("{} at {}. {}. Since {}, {}.", role_label(facts.role), where, kinds,
                       month_label(facts.started.to_string()), facts.continuing ? "still going on" : "now stopped");
}

mustache::data messages_view(const std::vector<store::StaffMessageRow>& messages, const crypto::KeyPair& keys,
                             Reader reader) {
    return list_of(messages, [&](const store::StaffMessageRow& m) {
        mustache::data d;
        const bool theirs = m.author == Author::staff;
        d.set("who", std::string(reader == Reader::reporter ? (theirs ? "You" : "A moderator")
                                                            : (theirs ? "The staff member" : "A moderator")));
        d.set("month", month_label(m.month));
        const auto text = crypto::open_sealed(keys, reader == Reader::reporter ? m.for_reporter : m.for_moderators);
        put(d, "segments", text ? text_view(*text) : text_view("(This message could not be opened.)"));
        return d;
    });
}

}  // namespace pw::web
